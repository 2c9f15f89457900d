import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback } from '../testing/listen-on-loopback.ts';
import { openTestRuntime, type TestRuntime, TOKENS } from '../testing/test-runtime.ts';
import { MAX_CSV_BYTES, MAX_JSON_BYTES } from './body-limits.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const [pglite] = backends();

interface Envelope {
  error: { code: string; message: string; field?: string; requestId: string };
}

/** Sends raw bytes and returns the raw answer (status line, headers, body). */
function rawRequest(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let out = '';
    socket.on('data', (d) => {
      out += d.toString('utf8');
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

function parseRaw(raw: string) {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1]), headers, body: JSON.parse(body) as Envelope };
}

/** A request body streamed in chunks without a Content-Length (chunked transfer encoding). */
function chunked(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
}

describe('the HTTP edge of a real listening server', () => {
  let t: TestRuntime;
  let base: string;
  let port: number;
  let close: () => Promise<void>;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
    ({ base, port, close } = await listenOnLoopback(t.rt.app));
  });
  afterAll(async () => {
    await close?.();
    await t?.close();
  });

  it('refuses a body declared larger than the cap with 413 and the envelope, before reading it', async () => {
    // 300 MB declared, a few bytes sent: the answer must come without waiting for the rest
    const raw = await rawRequest(
      port,
      Buffer.from(
        'POST /api/v1/corrections HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
          `Content-Length: ${300 * 1024 * 1024}\r\n\r\n{"listingId":`,
      ),
    );
    const res = parseRaw(raw);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('stops a chunked upload once it passes the cap, on public and staff routes', async () => {
    const json = await fetch(`${base}/api/v1/corrections`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: chunked(MAX_JSON_BYTES * 4),
      duplex: 'half',
    } as RequestInit);
    expect(json.status).toBe(413);
    expect(((await json.json()) as Envelope).error.code).toBe('PAYLOAD_TOO_LARGE');

    const csv = await fetch(`${base}/api/v1/admin/listings/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${TOKENS.admin}` },
      body: chunked(MAX_CSV_BYTES + 1024 * 1024),
      duplex: 'half',
    } as RequestInit);
    expect(csv.status).toBe(413);
    const error = ((await csv.json()) as Envelope).error;
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('20 MB');
  });

  it('answers a raw UTF-8 query string with the envelope and the security headers', async () => {
    const raw = await rawRequest(
      port,
      Buffer.concat([
        Buffer.from('GET /api/v1/search?q='),
        Buffer.from('王', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\n\r\n'),
      ]),
    );
    const res = parseRaw(raw);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_URL');
    expect(res.body.error.message).toContain('编码');
    expect(res.headers['strict-transport-security']).toBe(SECURITY_HEADERS['Strict-Transport-Security']);
  });

  it('answers a 90 KB URL with the envelope instead of resetting the connection', async () => {
    const res = await fetch(`${base}/api/v1/search?q=${'王'.repeat(10)}&region=${'a'.repeat(90_000)}`);
    expect(res.status).toBe(431);
    expect(((await res.json()) as Envelope).error.code).toBe('REQUEST_TOO_LARGE');
  });

  it('still serves an encoded query normally', async () => {
    const res = await fetch(`${base}/api/v1/search?q=${encodeURIComponent('王')}`);
    expect(res.status).toBe(200);
  });
});

describe('one security-header policy for every response', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends HSTS and the site policy on the API, errors, docs, /screen and kiosk.js', async () => {
    for (const path of [
      '/api/v1/health',
      '/api/v1/search?categroy=1',
      '/api/v1/nope',
      '/api/v1/docs',
      '/screen',
      '/screen/kiosk.js',
      '/no-such-page',
    ]) {
      const res = await t.request(path);
      for (const name of [
        'Strict-Transport-Security',
        'X-Content-Type-Options',
        'X-Frame-Options',
        'Referrer-Policy',
      ]) {
        expect(res.headers.get(name), `${name} on ${path}`).toBe(SECURITY_HEADERS[name]);
      }
      expect(res.headers.get('Content-Security-Policy'), path).toContain("frame-ancestors 'none'");
    }
  });

  it("is the site's declared policy (apps/web/security-headers.json), plus HSTS", () => {
    const site = JSON.parse(
      readFileSync(new URL('../../../web/security-headers.json', import.meta.url), 'utf8'),
    ) as Record<string, string>;
    for (const [name, value] of Object.entries(site)) expect(SECURITY_HEADERS[name], name).toBe(value);
  });
});

describe('CSV import report', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(pglite!);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the first 200 rejected rows and counts the rest, so a file of bad rows stays a small answer', async () => {
    const header =
      '被执行人姓名/名称,身份证号码/组织机构代码,案号,执行法院,立案时间,做出执行依据单位,执行依据文号,生效法律文书确定的义务,被执行人的履行情况,失信被执行人行为具体情形,未履行金额（元）,涉民生,地区';
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `坏行${i},123,（2017）琼9003执${i + 1}号,儋州市人民法院,2017年7月18日,儋州市人民法院,（2017）琼9003民初1号,支付工资,全部未履行,第一项,100,是,儋州市`,
    );
    const res = await t.request('/api/v1/admin/listings/import', {
      method: 'POST',
      token: 'admin',
      headers: { 'Content-Type': 'text/csv' },
      body: [header, ...rows].join('\n'),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      created: number;
      rejected: { row: number }[];
      rejectedTotal: number;
      problemsTotal: number;
    };
    expect(body.created).toBe(0);
    expect(body.rejectedTotal).toBe(1500);
    expect(body.problemsTotal).toBeGreaterThanOrEqual(1500);
    expect(body.rejected).toHaveLength(200);
    expect(body.rejected[0]?.row).toBe(2);
  });
});
