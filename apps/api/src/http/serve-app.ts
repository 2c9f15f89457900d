import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type ServerType, serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { SECURITY_HEADERS } from './security-headers.ts';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** What a request the HTTP parser refused is answered with, by llhttp's error code. */
function answerFor(code: string | undefined): { status: number; code: string; message: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'REQUEST_TOO_LARGE',
        message: '请求地址或请求头过长（上限 16 KB），请缩短查询内容后重试。',
      };
    case 'HPE_INVALID_URL':
      return {
        status: 400,
        code: 'INVALID_URL',
        message: '请求地址含有未编码的字符，请对查询参数进行 URL 编码（如 encodeURIComponent）后重试。',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', message: '请求超时，请重试。' };
    default:
      return { status: 400, code: 'BAD_REQUEST', message: '请求格式不正确。' };
  }
}

/**
 * Requests Node's HTTP parser refuses before any route sees them (a raw UTF-8 query string, a
 * 90 KB URL) get the API's error envelope and security headers instead of a bare 400 or a
 * reset connection. The rest of such a request is read and discarded so the client, still
 * sending, receives the answer instead of a TCP reset.
 */
export function answerClientErrors(server: ServerType): void {
  (server as Server).on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const answer = answerFor(err.code);
    const body = JSON.stringify({
      error: { code: answer.code, message: answer.message, requestId: randomUUID() },
    });
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=UTF-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Cache-Control': 'no-store',
      Connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.on('error', () => socket.destroy());
    socket.resume(); // drain what the client is still sending
    socket.end(`HTTP/1.1 ${answer.status} ${REASONS[answer.status] ?? 'Bad Request'}\r\n${head}\r\n${body}`);
    setTimeout(() => socket.destroy(), 5000).unref();
  });
}

/**
 * The one way the app is put on a socket (`npm start` and tests that need a real listening
 * server): Node's server plus the envelope for requests its parser refuses.
 */
export function serveApp(
  app: Pick<Hono, 'fetch'>,
  options: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
): ServerType {
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.hostname }, onListening);
  answerClientErrors(server);
  return server;
}
