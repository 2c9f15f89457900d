import type { PublicListing } from '@portal/domain';
import { formatDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { qrDataUri, tipFormUrl } from '../qr.ts';
import { BASE_STYLE, COLORS, type Orientation, slideSize } from '../theme.ts';
import { landscapeColumnHeads, landscapeRow, portraitRow } from './listing-row.ts';
import { noticeStrip } from './parts.ts';
import { emptyRows, reportFooter, slideHeader } from './slide-chrome.ts';

export interface BoardSlideInput {
  /** exactly one slide of a plan: `boardSlidePlan(...).slides[page - 1]` */
  listings: readonly PublicListing[];
  page: number;
  pages: number;
  courtName: string;
  orientation: Orientation;
  /** public site origin; the QR code points to the tip form, `${siteUrl}/report/` */
  siteUrl: string;
  /** force the 演示数据 banner; it is shown anyway when any listing is demo */
  demo?: boolean;
  /** the date printed on the slide; defaults to now */
  date?: Date;
  /** title override (the livelihood slide reuses this layout) */
  title?: string;
  band?: string;
  /** text of the strip under the header (replaced by the demo warning on demo data) */
  notice?: string;
  emptyText?: string;
}

/** The board slide as a satori tree (no rendering), for tests and for other slide kinds. */
export async function boardSlideTree(input: BoardSlideInput): Promise<VNode> {
  const { orientation, listings } = input;
  const size = slideSize(orientation);
  const portrait = orientation === 'portrait';
  const demo = Boolean(input.demo) || listings.some((l) => l.demo);
  const qr = await qrDataUri(tipFormUrl(input.siteUrl));
  const rowsHeight = portrait ? 1400 : 688;
  const rows =
    listings.length === 0
      ? emptyRows(input.emptyText ?? '暂无公布信息', size.width, rowsHeight)
      : h(
          'div',
          { style: { display: 'flex', flexDirection: 'column', width: size.width, height: rowsHeight } },
          !portrait && landscapeColumnHeads(),
          ...listings.map((l, i) => (portrait ? portraitRow(l, i) : landscapeRow(l, i))),
        );
  return h(
    'div',
    { style: { ...BASE_STYLE, width: size.width, height: size.height } },
    slideHeader({
      title: input.title ?? '失信被执行人名单',
      courtName: input.courtName,
      dateText: formatDateZh(input.date ?? new Date()),
      pageText: `第 ${input.page} / ${input.pages} 页`,
      orientation,
      band: input.band ?? COLORS.red,
    }),
    noticeStrip(demo, size.width, portrait ? 64 : 56, portrait ? 30 : 28, input.notice),
    rows,
    reportFooter({ qrSrc: qr, siteUrl: input.siteUrl, orientation }),
  );
}
