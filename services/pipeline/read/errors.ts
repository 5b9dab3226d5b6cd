// Errors of the read stage. Every failure a user can meet names the file and says,
// in plain words, why it could not be read; nothing else escapes `readDocument`.

export class ReadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}

/**
 * Thrown by the format readers, which work on bytes and do not know the file's path;
 * `readDocument` turns it into a `ReadError` naming the file.
 */
export class Unreadable extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unreadable';
  }
}

/** The first sentence of a library's message, short enough to sit inside a reason. */
export function briefly(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split(/\n|(?<=[.?!])\s+/)[0] ?? message;
  const trimmed = first.trim().replace(/[.\s]+$/, '');
  return trimmed.length > 120 ? `${trimmed.slice(0, 117)}...` : trimmed || 'unknown error';
}
