import { formatFen } from '@portal/domain';
import { formatIsoDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { qrDataUri, tipFormUrl } from '../qr.ts';
import type { RewardNotice } from '../reward-notice.ts';
import { BASE_STYLE, COLORS } from '../theme.ts';
import { col, line, noticeStrip, para, row, rule } from './parts.ts';
import { reportFooter, slideHeader } from './slide-chrome.ts';

export const REWARD_SLIDE_SIZE = { width: 1920, height: 1080 } as const;

export interface RewardSlideOptions {
  siteUrl: string;
}

const LEFT_W = 820;
const RIGHT_W = 1920 - 96 - LEFT_W - 64;

function defaulterLines(n: RewardNotice): string[] {
  const d = n.defaulter;
  const who =
    d.kind === 'org'
      ? [`统一社会信用代码：${d.uscc ?? '—'}`, `法定代表人：${d.legalRepresentative ?? '—'}`]
      : [
          `性别／年龄：${[d.gender, d.age === undefined ? '' : `${d.age}岁`].filter(Boolean).join('，') || '—'}`,
          `身份证号：${d.idNumberMasked ?? '—'}`,
        ];
  return [`案号：${n.caseNo}`, ...who, `未履行金额：${formatFen(d.amountOwedFen)}`];
}

/**
 * The 悬赏 notice as a 16:9 kiosk slide (the A4 poster is for paper and portrait screens): who,
 * the reward in large type, the first conditions, the period, and a 扫码举报 code to the tip form
 * claiming this notice. Like the poster, it never names the creditor.
 */
export async function rewardSlideTree(n: RewardNotice, opts: RewardSlideOptions): Promise<VNode> {
  const qr = await qrDataUri(tipFormUrl(opts.siteUrl, { noticeId: n.id }));
  const reward = n.reward.kind === 'amount' ? formatFen(n.reward.fen) : n.reward.text;
  return h(
    'div',
    { style: { ...BASE_STYLE, width: REWARD_SLIDE_SIZE.width, height: REWARD_SLIDE_SIZE.height } },
    slideHeader({
      title: '悬赏公告',
      courtName: n.court,
      dateText: `悬赏至 ${formatIsoDateZh(n.deadline)}`,
      orientation: 'landscape',
    }),
    noticeStrip(n.demo, 1920, 56, 28, '经申请执行人申请，本院依法悬赏查找被执行人及其财产'),
    row(
      { padding: '36px 48px 0 48px', flexGrow: 1, justifyContent: 'space-between' },
      col(
        { width: LEFT_W },
        line('被执行人', 36, LEFT_W, { color: COLORS.muted }),
        line(n.defaulter.name, 76, LEFT_W, { fontWeight: 700, marginTop: 6 }),
        col({ marginTop: 12 }, rule(COLORS.navyLine, 2)),
        ...defaulterLines(n).map((t) => line(t, 36, LEFT_W, { marginTop: 16 })),
      ),
      col(
        { width: RIGHT_W },
        line('悬赏金', 36, RIGHT_W, { color: COLORS.muted }),
        para(reward, n.reward.kind === 'amount' ? 88 : 52, RIGHT_W, 2, {
          fontWeight: 700,
          color: COLORS.gold,
          marginTop: 6,
        }),
        line('领取条件', 36, RIGHT_W, { color: COLORS.muted, marginTop: 24 }),
        ...n.conditions.slice(0, 3).map((c, i) => para(`${i + 1}．${c}`, 32, RIGHT_W, 2, { marginTop: 10 })),
      ),
    ),
    reportFooter({
      qrSrc: qr,
      siteUrl: opts.siteUrl,
      orientation: 'landscape',
      headline: '扫码提供线索',
      hint: `举报人身份依法保密　本院电话 ${n.courtPhone}`,
    }),
  );
}
