import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support: a local stand-in for api.weixin.qq.com answering with the payloads WeChat
 * documents. Login codes choose the answer (`code-<openid>` succeeds; `used` 40029, `fast`
 * 45011, `blocked` 40226, `down` HTTP 502); text containing 违规 is `risky`, 涉黄 answers 87014;
 * `mediaCheckAsync` answers a fresh trace id;
 * `failNext` queues answers for the next calls of a path (e.g. 40001 token expired, 43101).
 */
export interface FakeWechat {
  url: string;
  calls: { path: string; query: Record<string, string>; body: Record<string, unknown> | null }[];
  /** the next answers (errcode, or an HTTP status as `http:502`) for a path, used once each */
  failNext(path: string, ...answers: (number | `http:${number}`)[]): void;
  tokensIssued(): number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  if (chunks.length === 0) return null;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: FakeWechat['calls'] = [];
  const queued = new Map<string, (number | `http:${number}`)[]>();
  let tokens = 0;
  const revoked = new Set<string>();
  let current: string | null = null;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readJson(req);
    calls.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), body });
    const send = (payload: unknown) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(payload));
    };
    const next = queued.get(url.pathname)?.shift();
    if (typeof next === 'string') {
      res.statusCode = Number(next.slice(5));
      return res.end('bad gateway');
    }
    const token = url.searchParams.get('access_token') ?? '';
    if (next === 40001 || next === 42001) revoked.add(token);
    if (next !== undefined && next !== 40001 && next !== 42001)
      return send({ errcode: next, errmsg: `fake error ${next}` });
    const tokenOk = token.startsWith('TOKEN') && !revoked.has(token);
    switch (url.pathname) {
      case '/cgi-bin/stable_token':
        // normal mode: the app's one current token until it is revoked (expiry is not modelled)
        if (!current || revoked.has(current)) {
          tokens += 1;
          current = `TOKEN${tokens}`;
        }
        return send({ access_token: current, expires_in: 7200 });
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code') ?? '';
        if (code === 'used') return send({ errcode: 40029, errmsg: 'invalid code' });
        if (code === 'fast') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
        if (code === 'blocked') return send({ errcode: 40226, errmsg: 'code blocked' });
        if (code === 'down') {
          res.statusCode = 502;
          return res.end();
        }
        return send({ openid: code.replace(/^code-/, ''), session_key: 'SECRET-SESSION-KEY==' });
      }
      case '/wxa/msg_sec_check': {
        if (!tokenOk) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid' });
        const content = String(body?.content ?? '');
        if (content.includes('涉黄')) return send({ errcode: 87014, errmsg: 'risky content' });
        return send({
          errcode: 0,
          errmsg: 'ok',
          result: content.includes('违规')
            ? { suggest: 'risky', label: 20001 }
            : { suggest: 'pass', label: 100 },
          detail: [],
          trace_id: `trace-${calls.length}`,
        });
      }
      case '/wxa/media_check_async':
        // WeChat answers at once with a trace id; the verdict comes later as a message push
        if (!tokenOk) return send({ errcode: 40001, errmsg: 'invalid credential' });
        return send({ errcode: 0, errmsg: 'ok', trace_id: `media-trace-${calls.length}` });
      case '/cgi-bin/message/subscribe/send':
        if (!tokenOk) return send({ errcode: 40001, errmsg: 'invalid credential' });
        return send({ errcode: 0, errmsg: 'ok' });
      case '/wxa/getwxacodeunlimit':
        if (!tokenOk) return send({ errcode: 40001, errmsg: 'invalid credential' });
        res.setHeader('Content-Type', 'image/jpeg');
        return res.end(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
      default:
        res.statusCode = 404;
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext(path, ...answers) {
      queued.set(path, [...(queued.get(path) ?? []), ...answers]);
    },
    tokensIssued: () => tokens,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
