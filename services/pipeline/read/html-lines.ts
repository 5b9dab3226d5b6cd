// The lines of an HTML page as they accumulate. HTML white space (space, tab, newline)
// collapses to one space, dropped at line edges; a line break in the source between two CJK
// characters disappears entirely (CSS Text 3 segment-break rule), since Chinese has no word
// spaces. Each line also counts its visible characters as text or as furniture (links,
// navigation), which is what finding the main content weighs.

export interface Line {
  text: string;
  /** Visible characters outside links and page furniture (CJK characters count double: density). */
  body: number;
  /** Visible characters of links and page furniture. */
  chrome: number;
}

export class Lines {
  private lines: Line[] = [];
  private line = '';
  private body = 0;
  private chrome = 0;
  private pending: 'none' | 'space' | 'break' = 'none';

  /** Lines completed so far: the index the next line will have. */
  count(): number {
    return this.lines.length;
  }

  text(text: string, preformatted: boolean, furniture: boolean): void {
    if (preformatted) {
      this.flushPending(text[0]);
      const parts = text.split('\n');
      parts.forEach((part, k) => {
        if (k > 0) this.hardBreak();
        this.append(part, furniture);
      });
      return;
    }
    // Split into runs of white space and runs of content.
    for (const run of text.match(/[ \t\n\r\f]+|[^ \t\n\r\f]+/g) ?? []) {
      const c = run.charCodeAt(0);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) {
        const kind = /[\n\r]/.test(run) ? 'break' : 'space';
        if (this.pending !== 'space') this.pending = kind; // a plain space wins: it was meant
      } else {
        this.flushPending(run);
        this.append(run, furniture);
      }
    }
  }

  space(): void {
    if (this.pending === 'none') this.pending = 'space';
  }

  tab(): void {
    this.line += '\t';
    this.pending = 'none';
  }

  /** End the current line if it has anything on it (block boundary). */
  endLine(): void {
    if (this.line.trim() !== '') this.push(this.line.replace(/ +$/, ''));
    else this.reset();
  }

  /** End the current line even if empty (<br>): consecutive breaks leave blank lines. */
  hardBreak(): void {
    this.push(this.line.trim() === '' ? '' : this.line.replace(/ +$/, ''));
  }

  result(): Line[] {
    this.endLine();
    return this.lines;
  }

  private append(run: string, furniture: boolean): void {
    this.line += run;
    let weight = 0;
    for (const ch of run) weight += isWide(ch.codePointAt(0)) ? 2 : /\s/.test(ch) ? 0 : 1;
    if (furniture) this.chrome += weight;
    else this.body += weight;
  }

  private push(text: string): void {
    this.lines.push({ text, body: this.body, chrome: this.chrome });
    this.reset();
  }

  private reset(): void {
    this.line = '';
    this.body = 0;
    this.chrome = 0;
    this.pending = 'none';
  }

  private flushPending(next: string | undefined): void {
    const pending = this.pending;
    this.pending = 'none';
    if (pending === 'none' || this.line === '' || this.line.endsWith('\t')) return;
    if (pending === 'break' && isWide(this.line.codePointAt(this.line.length - 1)) && isWide(next?.codePointAt(0))) return;
    this.line += ' ';
  }
}

export function isWide(c: number | undefined): boolean {
  if (c === undefined) return false;
  return (
    (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3ffff)
  );
}
