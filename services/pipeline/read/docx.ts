// Word .docx: mammoth turns the document into HTML, and the HTML converter turns that
// into text, so that tables come out as tab-separated rows like everywhere else.
import type { OcrInfo } from '../../core/schema.js';
import { openBoundedZip } from './bounded-zip.js';
import { Unreadable, briefly } from './errors.js';
import { htmlToText } from './html.js';
import { OLE_MAGIC, OLE_REASON, ZIP_MAGIC } from './kind.js';
import { ocrImages } from './ocr.js';

export async function readDocx(bytes: Buffer): Promise<{ text: string; ocr?: OcrInfo }> {
  // Word encrypts a password-protected .docx inside an OLE container; a renamed .doc is one too.
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new Unreadable(OLE_REASON);
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) throw new Unreadable('corrupt or truncated .docx (not a zip archive)');

  // Loaded on first use: most runs read no .docx at all.
  const { default: mammoth } = await import('mammoth');
  let html: string;
  // The body's images in order, unread: needed only when the document has no text (a scan pasted into Word).
  const images: Array<{ contentType: string; readAsBuffer: () => Promise<Buffer> }> = [];
  try {
    // mammoth would inflate every part it reads in full (JSZip): it reads through a bounded archive instead.
    const zip = await openBoundedZip(bytes);
    const result = await mammoth.convertToHtml({ file: zip } as unknown as { buffer: Buffer }, {
      // Images would otherwise be inlined as base64 data URIs: memory for nothing.
      convertImage: mammoth.images.imgElement(async (image) => {
        images.push(image);
        return { src: '' };
      }),
    });
    html = result.value;
  } catch (err) {
    if (err instanceof Unreadable) throw err;
    throw new Unreadable(`corrupt or truncated .docx (${briefly(err)})`);
  }
  const text = htmlToText(html);
  if (text !== '') return { text };
  // Reports are sometimes scanned pages pasted into Word: recognise the pictures.
  if (images.length === 0) throw new Unreadable('no text in document, and no images');
  // Tesseract reads bitmaps; Word's vector pictures (EMF, WMF) it cannot.
  const bitmaps = images.filter((image) => /^image\/(png|jpe?g|tiff?|bmp|gif|webp)$/i.test(image.contentType));
  if (bitmaps.length === 0) throw new Unreadable(`no text in document, only pictures OCR cannot read (${images[0]!.contentType})`);
  const pictures = await Promise.all(bitmaps.map(async (image, k) => ({ name: `${k}.${image.contentType.split('/')[1] ?? 'png'}`, bytes: await image.readAsBuffer() })));
  const scanned = await ocrImages(pictures, 'no text in document, only images');
  if (scanned.text === '') throw new Unreadable('no text in document, and OCR found none in its images');
  return scanned;
}
