import type { CategoryCode } from '@portal/domain';
import { formatCount, formatDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { qrDataUri, tipFormUrl } from '../qr.ts';
import { BASE_STYLE, COLORS, categoryShort, type Orientation, slideSize } from '../theme.ts';
import { col, line, noticeStrip, row } from './parts.ts';
import { reportFooter, slideHeader } from './slide-chrome.ts';

export interface StatsSlideInput {
  /** listings currently published */
  listed: number;
  /** listings deleted from the list (performed, settled, expired, …) */
  removed: number;
  /** published 涉民生 listings */
  livelihood: number;
  /** published listings per category, keys "1"–"6" as in `GET /api/v1/stats` */
  byCategory: Partial<Record<string, number>>;
  courtName: string;
  siteUrl: string;
  orientation?: Orientation;
  demo?: boolean;
  date?: Date;
}

const CODES: CategoryCode[] = [1, 2, 3, 4, 5, 6];

function statCard(label: string, value: number, accent: string, width: number, height: number): VNode {
  return row(
    { width, height, backgroundColor: COLORS.navyLight, borderRadius: 8 },
    row({ width: 10, backgroundColor: accent }),
    col(
      { justifyContent: 'center', padding: '0 32px' },
      line(label, 34, width - 80, { color: COLORS.muted }),
      line(`${formatCount(value)}`, 84, width - 80, { fontWeight: 700, color: accent }),
    ),
  );
}

function barRow(code: CategoryCode, count: number, max: number, width: number): VNode {
  const labelWidth = 300;
  const countWidth = 200;
  const track = width - labelWidth - countWidth - 24;
  const fill = max > 0 ? Math.max(count > 0 ? 8 : 0, Math.round((track * count) / max)) : 0;
  return row(
    { width, height: 84, alignItems: 'center' },
    line(categoryShort(code), 34, labelWidth, { width: labelWidth }),
    row(
      { width: track, height: 40, backgroundColor: COLORS.navyLine, borderRadius: 6 },
      row({ width: fill, height: 40, backgroundColor: COLORS.gold, borderRadius: 6 }),
    ),
    row(
      { width: countWidth + 24, justifyContent: 'flex-end' },
      line(formatCount(count), 38, countWidth, { fontWeight: 700 }),
    ),
  );
}

/** Campaign statistics: three headline figures and one bar per listing ground. */
export async function statsSlideTree(input: StatsSlideInput): Promise<VNode> {
  const orientation = input.orientation ?? 'landscape';
  const portrait = orientation === 'portrait';
  const size = slideSize(orientation);
  const counts = CODES.map((c) => input.byCategory[String(c)] ?? 0);
  const max = Math.max(0, ...counts);
  const cardW = portrait ? 1000 : 620;
  const cardH = portrait ? 170 : 196;
  const barsW = portrait ? 1000 : 1140;
  const cards = col(
    { justifyContent: 'space-between', height: portrait ? 3 * cardH + 2 * 24 : 3 * cardH + 2 * 28 },
    statCard('在册失信被执行人', input.listed, COLORS.gold, cardW, cardH),
    statCard('涉民生案件', input.livelihood, '#ff8a65', cardW, cardH),
    statCard('已依法删除名单信息', input.removed, '#7fd1a4', cardW, cardH),
  );
  const bars = col(
    { width: barsW },
    line('按失信情形分布', 36, barsW, { fontWeight: 700, color: COLORS.gold, marginBottom: 16 }),
    ...CODES.map((c, i) => barRow(c, counts[i] ?? 0, max, barsW)),
  );
  const body = portrait
    ? col({ flexGrow: 1, alignItems: 'center', justifyContent: 'space-evenly' }, cards, bars)
    : row({ flexGrow: 1, alignItems: 'center', justifyContent: 'space-evenly' }, cards, bars);
  return h(
    'div',
    { style: { ...BASE_STYLE, width: size.width, height: size.height } },
    slideHeader({
      title: '专项执行行动统计',
      courtName: input.courtName,
      dateText: `截至${formatDateZh(input.date ?? new Date())}`,
      orientation,
    }),
    noticeStrip(
      Boolean(input.demo),
      size.width,
      portrait ? 64 : 56,
      portrait ? 30 : 28,
      '依法公布 · 依法删除 · 失信惩戒',
    ),
    body,
    reportFooter({
      qrSrc: await qrDataUri(tipFormUrl(input.siteUrl)),
      siteUrl: input.siteUrl,
      orientation,
    }),
  );
}
