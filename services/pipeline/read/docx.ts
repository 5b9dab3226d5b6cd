// Word .docx: mammoth turns the document into HTML, and the HTML converter turns that
// into text, so that tables come out as tab-separated rows like everywhere else.
import { Unreadable, briefly } from './errors.js';
import { htmlToText } from './html.js';
import { OLE_MAGIC, OLE_REASON, ZIP_MAGIC } from './kind.js';

export async function readDocx(bytes: Buffer): Promise<string> {
  // Word encrypts a password-protected .docx inside an OLE container; a renamed .doc is one too.
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new Unreadable(OLE_REASON);
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new Unreadable('corrupt or truncated .docx (not a zip archive)');

  // Loaded on first use: most runs read no .docx at all.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  try {
    const result = await mammoth.convertToHtml({ buffer: bytes }, {
      // Images would otherwise be inlined as base64 data URIs: memory for nothing.
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (err) {
    throw new Unreadable(`corrupt or truncated .docx (${briefly(err)})`);
  }
  const text = htmlToText(html);
  // Reports are sometimes scanned pages pasted into Word.
  if (text === '') throw new Unreadable('no text in document (only images?), OCR needed');
  return text;
}
