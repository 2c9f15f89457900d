import { formatFen } from '@portal/domain';

import { formatIsoDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { qrDataUri, tipFormUrl } from '../qr.ts';
import type { RewardNotice } from '../reward-notice.ts';
import { BASE_STYLE, COLORS } from '../theme.ts';
import { col, line, noticeStrip, para, qrTile, row } from './parts.ts';

/** Laid out at A4 150 dpi; `renderRewardPoster` can rasterise at 300 dpi (2480 px) for print. */
export const POSTER_SIZE = { width: 1240, height: 1754 } as const;

export interface RewardPosterOptions {
  siteUrl: string;
}

const W = 1240 - 2 * 90;

function defaulterLines(n: RewardNotice): string[] {
  const d = n.defaulter;
  const who =
    d.kind === 'org'
      ? [`统一社会信用代码：${d.uscc ?? '—'}`, `法定代表人：${d.legalRepresentative ?? '—'}`]
      : [
          `性别／年龄：${[d.gender, d.age === undefined ? '' : `${d.age}岁`].filter(Boolean).join('，') || '—'}`,
          `身份证号：${d.idNumberMasked ?? '—'}`,
        ];
  return [...who, `未履行金额：${formatFen(d.amountOwedFen)}`];
}

function rewardText(n: RewardNotice): string {
  return n.reward.kind === 'amount' ? formatFen(n.reward.fen) : n.reward.text;
}

/** A4 悬赏公告 poster: paper white, red title, reward in large type, QR to the tip-off form. */
export async function rewardPosterTree(n: RewardNotice, opts: RewardPosterOptions): Promise<VNode> {
  const qr = await qrDataUri(tipFormUrl(opts.siteUrl, { noticeId: n.id }));
  const ink = { color: COLORS.ink };
  return h(
    'div',
    {
      style: {
        ...BASE_STYLE,
        ...ink,
        width: POSTER_SIZE.width,
        height: POSTER_SIZE.height,
        backgroundColor: COLORS.paper,
        border: `18px solid ${COLORS.red}`,
      },
    },
    col(
      { alignItems: 'center', padding: '56px 0 28px 0' },
      line('悬赏公告', 132, W, { fontWeight: 700, color: COLORS.red, letterSpacing: 24 }),
      line(n.court, 44, W, { marginTop: 12, fontWeight: 700 }),
      line(`案号：${n.caseNo}`, 34, W, { marginTop: 10 }),
    ),
    n.demo ? noticeStrip(true, 1204, 60, 30) : null,
    col(
      { padding: '24px 72px 0 72px', flexGrow: 1 },
      para('经申请执行人申请，为查找被执行人及其财产，本院依法发布悬赏公告如下：', 34, W, 2),
      col(
        { marginTop: 20, padding: '20px 28px', border: `3px solid ${COLORS.red}`, borderRadius: 10 },
        line(`被执行人：${n.defaulter.name}`, 48, W - 70, { fontWeight: 700 }),
        ...defaulterLines(n).map((t) => line(t, 36, W - 70, { marginTop: 12 })),
      ),
      row(
        { marginTop: 28, alignItems: 'center' },
        line('悬赏', 44, 120, { fontWeight: 700 }),
        para(rewardText(n), n.reward.kind === 'amount' ? 84 : 44, W - 140, 2, {
          fontWeight: 700,
          color: COLORS.red,
          marginLeft: 20,
        }),
      ),
      line('悬赏条件', 40, W, { fontWeight: 700, marginTop: 32, color: COLORS.red }),
      ...n.conditions.slice(0, 5).map((c, i) => para(`${i + 1}．${c}`, 34, W, 2, { marginTop: 12 })),
      line(`悬赏期限：自发布之日起至${formatIsoDateZh(n.deadline)}止`, 36, W, {
        marginTop: 32,
        fontWeight: 700,
      }),
      line('举报人身份及所提供线索依法保密，仅在支付悬赏金时使用。', 32, W, { marginTop: 14 }),
    ),
    row(
      {
        padding: '24px 72px 40px 72px',
        alignItems: 'center',
        justifyContent: 'space-between',
        borderTop: `3px solid ${COLORS.red}`,
      },
      col(
        { width: W - 260 },
        line('扫码提供线索', 44, W - 260, { fontWeight: 700, color: COLORS.red }),
        line(`本院联系电话：${n.courtPhone}`, 34, W - 260, { marginTop: 12 }),
        line(`${n.court}　${formatIsoDateZh(n.publishedAt)}`, 30, W - 260, { marginTop: 12 }),
      ),
      qrTile(qr, 220),
    ),
  );
}
