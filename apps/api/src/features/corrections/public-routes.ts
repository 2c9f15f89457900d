import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context.ts';
import { readJson } from '../../http/read-json.ts';
import { submitCorrection } from './corrections-service.ts';

/** `POST /api/v1/corrections`: the public correction request form (arts. 11–12). */
export function registerCorrections(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/api/v1/corrections', async (c) => {
    const body = await readJson(c);
    const key = c.req.header('idempotency-key')?.slice(0, 200);
    return c.json(await submitCorrection(deps, body, key), 201);
  });
}
