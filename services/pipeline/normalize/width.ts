// Full-width Latin letters and digits (`２０１９`, `ＡＰＰ`) typed by Chinese input methods
// become half-width, so that numbers, list markers (`１．`) and Latin words read alike.
// Full-width punctuation is Chinese wording and stays.
import { rewrite, type MappedText } from './mapped-text.js';

// One character at a time, so that each keeps its own origin.
export const halfWidthAlnum = (m: MappedText) =>
  rewrite(m, /[０-９Ａ-Ｚａ-ｚ]/g, (match) => String.fromCharCode(match[0].charCodeAt(0) - 0xfee0));

/** Zero-width spaces, joiners, soft hyphens and byte-order marks left by editors. */
export const dropInvisible = (m: MappedText) => rewrite(m, /[\u200b-\u200d\u2060\ufeff\u00ad]+/g, () => '');
