// Text from files (names, report text) goes to a terminal through this: a control character
// there could move the cursor, clear the screen, retitle the window or forge output lines.
// Each one is shown as an escape instead; everything else, Chinese included, is left alone.

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidirectional
// overrides (which reorder what the line seems to say).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\x1b': '\\e' };

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u{${c.charCodeAt(0).toString(16)}}`);
}
