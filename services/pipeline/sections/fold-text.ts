// The folded form of a whole text (segment/fold's mapping, one character in, one out),
// touching only the characters that change: most of a Chinese report folds to itself.
import { foldChar } from '../segment/fold.js';

const FOLDABLE = /[\uff01-\uff5e\u3000A-Z]/g;

export const foldText = (text: string): string => text.replace(FOLDABLE, foldChar);
