import { backends } from '@portal/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PATH_PREFIX } from '../../http/require-staff.ts';
import { openTestRuntime, type TestRuntime } from '../../testing/test-runtime.ts';

/**
 * Generated from the app's route table, so a staff route added later is covered without editing
 * this file: every operation under the staff prefix answers 401 without a valid credential.
 */
describe.each(backends())('the staff gate on $kind', (backend) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await openTestRuntime(backend);
  });
  afterAll(() => t?.close());

  const staffOperations = () =>
    t.rt.app.routes
      .filter((r) => r.path.startsWith(STAFF_PATH_PREFIX) && r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        path: r.path.replace(/:([A-Za-z]+)/g, 'x00000000-0000-0000-0000-000000000000'),
      }));

  it('finds the staff operations in the route table', () => {
    const paths = staffOperations().map((o) => `${o.method} ${o.path}`);
    expect(paths).toContain('POST /api/v1/admin/listings');
    expect(paths).toContain('GET /api/v1/admin/corrections');
  });

  it('answers 401 with the envelope to every staff operation without credentials, with a wrong token, or a malformed header', async () => {
    const credentials = [undefined, 'Bearer stf_wrong-token-000000000000', 'Basic dXNlcjpwYXNz', 'Bearer'];
    for (const op of staffOperations()) {
      for (const authorization of credentials) {
        const res = await t.rt.app.request(op.path, {
          method: op.method,
          headers: {
            ...(authorization ? { Authorization: authorization } : {}),
            'Content-Type': 'application/json',
          },
          ...(op.method === 'GET' || op.method === 'HEAD' ? {} : { body: '{}' }),
        });
        expect(res.status, `${op.method} ${op.path} with ${authorization ?? 'no credentials'}`).toBe(401);
        const body = (await res.json()) as { error: { code: string } };
        expect(body.error.code).toBe('UNAUTHENTICATED');
      }
    }
  });
});
