import { rewardDetailRoute, rewardListRoute, rewardPosterRoute } from '@portal/contract';
import type { ApiApp, AppDeps } from '../../context.ts';
import { listPublicRewards, publicReward } from './rewards-service.ts';

/** Public 悬赏 notices and their poster (CONTRACT.md "悬赏 notices"). */
export function registerRewards(app: ApiApp, deps: AppDeps): void {
  const siteUrl = deps.env.SITE_URL ?? `http://${deps.env.HOST}:${deps.env.PORT}`;
  app.openapi(rewardListRoute, async (c) => {
    const q = c.req.valid('query');
    c.header('Cache-Control', 'no-cache');
    return c.json(await listPublicRewards(deps, { listingId: q.listingId, page: q.page }), 200);
  });
  app.openapi(rewardDetailRoute, async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(await publicReward(deps, c.req.valid('param').id), 200);
  });
  app.openapi(rewardPosterRoute, async (c) => {
    const n = await publicReward(deps, c.req.valid('param').file.replace(/\.png$/, ''));
    // `?orientation=landscape`: the 16:9 slide the kiosk loops; otherwise the A4 poster
    // drawn by the screens' renderer worker (loaded on first use, unloaded when idle)
    const kind = c.req.query('orientation') === 'landscape' ? 'rewardSlide' : 'rewardPoster';
    const png = await deps.screens.renderer.render(
      kind,
      {
        id: n.id,
        caseNo: n.caseNo,
        court: n.court,
        defaulter: {
          kind: n.defaulter.kind,
          name: n.defaulter.name,
          ...(n.defaulter.gender ? { gender: n.defaulter.gender as '男' | '女' } : {}),
          ...(n.defaulter.age != null ? { age: n.defaulter.age } : {}),
          ...(n.defaulter.idNumberMasked ? { idNumberMasked: n.defaulter.idNumberMasked } : {}),
          ...(n.defaulter.uscc ? { uscc: n.defaulter.uscc } : {}),
          ...(n.defaulter.legalRepresentative
            ? { legalRepresentative: n.defaulter.legalRepresentative }
            : {}),
          amountOwedFen: n.defaulter.amountOwedFen,
        },
        reward:
          n.terms.kind === 'amount'
            ? { kind: 'amount', fen: n.terms.fen }
            : { kind: 'formula', text: n.termsText },
        conditions: n.conditions,
        deadline: n.endsAt,
        courtPhone: n.courtPhone ?? '12368',
        // no creditor's name: the poster never prints one (the notice is the court's)
        publishedAt: n.publishedAt.slice(0, 10),
        demo: n.demo,
      },
      { siteUrl },
    );
    return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-cache' });
  });
}
