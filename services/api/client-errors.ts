// Requests Node refuses before express sees them (headers above its 16 KB limit, a head
// that is not HTTP, a head too slow to arrive) are answered in JSON like every other error,
// instead of Node's bare `431`/`400` with no body.
import { STATUS_CODES, maxHeaderSize, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { message } from './messages.js';

/** Node's own choice of status for these errors (lib/_http_server.js), with words for each (services/api/messages.ts). */
function answerFor(code: string | undefined): [number, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, message.headersTooLarge(Math.round(maxHeaderSize / 1024))];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, message.chunkExtensionsTooLarge];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, message.requestTimeout];
    default:
      return [400, message.malformedHttp];
  }
}

export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection already gone, or one whose answer has started, gets nothing more (as Node does).
    if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket).bytesWritten > 0) {
      socket.destroy();
      return;
    }
    const [status, message] = answerFor(err.code);
    const body = JSON.stringify({ error: message });
    socket.end([
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`, 'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`, 'X-Content-Type-Options: nosniff', 'Connection: close', '', body,
    ].join('\r\n'));
  });
}
