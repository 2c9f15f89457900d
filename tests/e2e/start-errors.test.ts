import { afterAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/start-server.ts';

describe('npm start refuses clearly', () => {
  let first: RunningServer | undefined;
  afterAll(async () => {
    await first?.stop();
  });

  it('names the port when it is already taken, instead of a stack trace', async () => {
    first = await startServer({ DEMO_RECORDS: '0', SITE_BUILD: '0' });
    const port = new URL(first.url).port;
    const failure = await startServer({ DEMO_RECORDS: '0', SITE_BUILD: '0', PORT: port }, 120_000).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toContain(`端口 ${port} 已被占用`);
  });

  it('names the bad environment variable and starts nothing', async () => {
    const failure = await startServer({ DEMO_RECORDS: 'lots', SITE_BUILD: '0' }, 120_000).then(
      () => 'started',
      (error: Error) => error.message,
    );
    expect(failure).toContain('DEMO_RECORDS');
    expect(failure).toContain('启动失败');
  });
});
