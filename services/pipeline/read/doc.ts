// Word 97–2003 .doc (the OLE compound-file format): word-extractor reads the piece table and
// gives the body text, paragraphs as lines; tables come out with their cells as tab-separated
// rows (Word's cell marks), like the other readers.
import { Unreadable, briefly } from './errors.js';
import { OLE_MAGIC } from './kind.js';

export async function readDoc(bytes: Buffer): Promise<string> {
  if (!bytes.subarray(0, 8).equals(OLE_MAGIC)) throw new Unreadable('corrupt or truncated .doc (not a Word 97–2003 file)');
  // Loaded on first use: most runs read no .doc at all.
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    body = (await new WordExtractor().extract(bytes)).getBody();
  } catch (err) {
    throw new Unreadable(`corrupt or truncated .doc (${briefly(err)})`);
  }
  // Word marks a cell's end with \x07 (word-extractor turns row ends into newlines and cells into tabs).
  const text = body.replace(/\r\n?/g, '\n').replace(/\u0007/g, '\t').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  if (text === '') throw new Unreadable('no text in document (only images?)');
  return text;
}
