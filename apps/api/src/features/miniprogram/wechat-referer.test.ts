import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../env.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

const APP_ID = 'wx0123456789abcdef';
const fromApp = (appId: string) => ({ Referer: `https://servicewechat.com/${appId}/12/page-frame.html` });

// PGlite only: the check is HTTP-level and does not touch the database.
const [pglite] = backends();

describe('WeChat Referer check', () => {
  describe('with WECHAT_APPID configured', () => {
    let t: TestRuntime;
    beforeAll(async () => {
      t = await openTestRuntime(pglite!, { WECHAT_APPID: APP_ID });
    });
    afterAll(() => t.close());

    it('lets the configured mini-program search', async () => {
      const res = await t.request('/api/v1/search?q=王', { headers: fromApp(APP_ID) });
      expect(res.status).toBe(200);
    });

    it('refuses another mini-program with the error envelope', async () => {
      const res = await t.request('/api/v1/search?q=王', { headers: fromApp('wxffffffffffffffff') });
      expect(res.status).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('FORBIDDEN');
      expect(body.error.message).toBe('此小程序未获授权访问本服务。');
    });

    it('lets the site and scripts (no WeChat Referer) through', async () => {
      const site = await t.request('/api/v1/search?q=王', {
        headers: { Referer: 'https://example.org/search' },
      });
      expect(site.status).toBe(200);
      expect((await t.request('/api/v1/health')).status).toBe(200);
    });
  });

  it('checks nothing without WECHAT_APPID', async () => {
    const t = await openTestRuntime(pglite!);
    try {
      const res = await t.request('/api/v1/search?q=王', { headers: fromApp('wxffffffffffffffff') });
      expect(res.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('refuses a malformed WECHAT_APPID at start', () => {
    expect(() => parseEnv({ WECHAT_APPID: 'not-an-app-id' })).toThrow(/WECHAT_APPID/);
  });
});
