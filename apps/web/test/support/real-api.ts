/**
 * The real API (`createApp()` via the API's test runtime, on an in-memory PGlite) holding the
 * test site's listings under the same ids, for the tests of the pages' live parts. No stand-in:
 * what the pages get is what the server answers.
 */
import { getRequestListener } from '@hono/node-server';
import { openTestRuntime, type TestRuntime, testIdNumberVault } from '@portal/api/testing';
import { insertListings, type ListingInput } from '@portal/db';
import { backends } from '@portal/db/testing';
import { generateDemoListings } from '@portal/demo-data';
import { idNumberCheckChar, type PublicListing } from '@portal/domain';
import { TEST_COUNT, TEST_SEED, TEST_TODAY, XSS_ORG, XSS_PERSON } from './fixture.ts';
import { readSentTip, type SentTip } from './sent-tips.ts';
import type { ApiHandler } from './static-server.ts';

export interface RealApi {
  /** Handler for `serveStatic({ api })`. */
  api: ApiHandler;
  /** every `POST /api/v1/tips` the API received, as sent (for checks of what the tip form sends) */
  sentTips: SentTip[];
  runtime: TestRuntime;
  close(): Promise<void>;
}

/** The demo drafts behind `testSnapshot()`, with the ids `demoPublicListings` gives them. */
function demoInputs(): ListingInput[] {
  let n = 0;
  return [
    ...generateDemoListings({ count: TEST_COUNT, seed: TEST_SEED, today: TEST_TODAY, withUnits: false }),
  ].map((draft) => ({ ...draft, id: `demo-${TEST_SEED}-${String(n++).padStart(5, '0')}` }));
}

/** The hostile-text listings as staff would have entered them (a valid full ID for the person). */
function hostileInput(l: PublicListing): ListingInput {
  const first17 = '46040019800101123';
  return {
    id: l.id,
    kind: l.kind,
    name: l.name,
    ...(l.kind === 'person' ? { idNumber: first17 + idNumberCheckChar(first17), gender: l.gender } : {}),
    ...(l.uscc ? { uscc: l.uscc, legalRepresentative: l.legalRepresentative } : {}),
    caseNo: l.caseNo,
    court: l.court,
    filedAt: l.filedAt,
    basisIssuer: l.basisIssuer,
    basisDocNo: l.basisDocNo,
    obligation: l.obligation,
    performance: l.performance,
    category: l.category,
    amountOwedFen: l.amountOwedFen,
    livelihood: l.livelihood,
    region: l.region,
    listedAt: l.listedAt,
    demo: true,
  };
}

/** Starts the API with the test listings published, then removes `removed` through the staff API. */
export async function startRealApi(
  opts: { removed?: string[]; env?: Record<string, string> } = {},
): Promise<RealApi> {
  const [pglite] = backends();
  const database = await pglite!.open();
  await insertListings(database.db, [...demoInputs(), hostileInput(XSS_PERSON), hostileInput(XSS_ORG)], {
    status: 'published',
    today: TEST_TODAY,
    vault: testIdNumberVault(),
  });
  const runtime = await openTestRuntime(pglite!, opts.env ?? {}, { database });
  for (const id of opts.removed ?? []) {
    const res = await runtime.request(`/api/v1/admin/listings/${id}/remove`, {
      method: 'POST',
      token: 'admin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'performed' }),
    });
    if (res.status !== 200) throw new Error(`could not remove ${id}: ${res.status} ${await res.text()}`);
  }
  // removals reach the read model through the outbox: wait until the API says 410
  for (const id of opts.removed ?? []) {
    const deadline = Date.now() + 5000;
    while ((await runtime.request(`/api/v1/listings/${id}`)).status !== 410) {
      if (Date.now() > deadline) throw new Error(`${id} still served after removal`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const listener = getRequestListener(runtime.rt.app.fetch);
  const sentTips: SentTip[] = [];
  return {
    runtime,
    sentTips,
    api: (req, res) => {
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== '/api/v1/tips') {
        void listener(req, res);
        return true;
      }
      // read the body once, record it, and hand the same bytes to the API (`rawBody`, which
      // @hono/node-server reads instead of the consumed stream)
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        void readSentTip(req.headers, raw).then((tip) => {
          sentTips.push(tip);
          Object.assign(req, { rawBody: raw });
          void listener(req, res);
        });
      });
      return true;
    },
    close: () => runtime.close(),
  };
}
