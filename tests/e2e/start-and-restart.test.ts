import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/start-server.ts';

/** What a newcomer does first: `npm start` on a fresh data dir, look, stop, start again. */
describe('npm start on a fresh data directory', () => {
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('seeds demo data once, answers health and stats, and keeps the same data after a restart', async () => {
    server = await startServer({ DEMO_RECORDS: '300' });
    const health = await (await fetch(`${server.url}api/v1/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'pglite', search: 'embedded' });
    const stats1 = (await (await fetch(`${server.url}api/v1/stats`)).json()) as {
      listed: number;
      removed: number;
      demo: boolean;
    };
    expect(stats1.listed + stats1.removed).toBe(300);
    expect(stats1.demo).toBe(true);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('lang="zh-CN"');
    const dataDir = server.dataDir;
    await server.stop();

    server = await startServer({ DEMO_RECORDS: '300', DATA_DIR: dataDir });
    const stats2 = await (await fetch(`${server.url}api/v1/stats`)).json();
    expect(stats2).toEqual(stats1);
    const search = (await (await fetch(`${server.url}api/v1/search?q=`)).json()) as { total: number };
    expect(search.total).toBe(stats1.listed);
  });
});
