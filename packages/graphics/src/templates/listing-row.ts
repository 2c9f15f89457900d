import type { PublicListing } from '@portal/domain';
import { formatFen, orgIdentifierOf } from '@portal/domain';

import type { VNode } from '../h.ts';
import { COLORS, categoryShort } from '../theme.ts';
import { col, line, pill, row } from './parts.ts';

/**
 * The public identifier drawn for a listing: the masked ID number for a person (as the
 * national database shows it) or, for an organisation, its unified social credit code (its
 * organisation code when it has none, art. 6 ¶1 (一)).
 * Only PublicListing fields are read, so a full ID number can never reach a slide.
 */
export function identityText(l: PublicListing): string {
  if (l.kind === 'org') {
    const ident = orgIdentifierOf(l);
    return ident ? `${ident.label} ${ident.value}` : '统一社会信用代码 —';
  }
  return l.idNumberMasked ? `身份证号 ${l.idNumberMasked}` : '身份证号 —';
}

export const LANDSCAPE_ROW_HEIGHT = 106;
export const PORTRAIT_ROW_HEIGHT = 140;

/** Column widths of the landscape board (sum + padding = 1920). */
export const LANDSCAPE_COLS = { who: 600, caseNo: 560, category: 300, amount: 364 } as const;

function nameLine(l: PublicListing, fontSize: number, maxWidth: number): VNode {
  const tag = l.livelihood ? pill('涉民生', fontSize * 0.55, 140, COLORS.gold, COLORS.navy) : null;
  return row(
    { alignItems: 'center' },
    line(l.name, fontSize, tag ? maxWidth - 130 : maxWidth, { fontWeight: 700 }),
    tag ? row({ marginLeft: 14 }, tag) : null,
  );
}

/** One listing on a 1920×1080 board: four columns, two lines each. */
export function landscapeRow(l: PublicListing, index: number): VNode {
  const c = LANDSCAPE_COLS;
  return row(
    {
      height: LANDSCAPE_ROW_HEIGHT,
      padding: '0 48px',
      alignItems: 'center',
      backgroundColor: index % 2 === 0 ? COLORS.navy : COLORS.navyLight,
    },
    col(
      { width: c.who },
      nameLine(l, 44, c.who - 20),
      line(identityText(l), 26, c.who - 20, { color: COLORS.muted }),
    ),
    col(
      { width: c.caseNo },
      line(l.caseNo, 34, c.caseNo - 20),
      line(l.court, 28, c.caseNo - 20, { color: COLORS.muted, marginTop: 4 }),
    ),
    row(
      { width: c.category },
      pill(categoryShort(l.category), 28, c.category - 20, COLORS.red, COLORS.white),
    ),
    row(
      { width: c.amount, justifyContent: 'flex-end' },
      line(formatFen(l.amountOwedFen), 44, c.amount, { fontWeight: 700, color: COLORS.gold }),
    ),
  );
}

/** One listing on a 1080×1920 board: three lines. */
export function portraitRow(l: PublicListing, index: number): VNode {
  return col(
    {
      height: PORTRAIT_ROW_HEIGHT,
      padding: '0 40px',
      justifyContent: 'center',
      backgroundColor: index % 2 === 0 ? COLORS.navy : COLORS.navyLight,
    },
    row(
      { justifyContent: 'space-between', alignItems: 'center' },
      nameLine(l, 44, 600),
      line(formatFen(l.amountOwedFen), 40, 380, { fontWeight: 700, color: COLORS.gold }),
    ),
    row(
      { justifyContent: 'space-between', alignItems: 'center', marginTop: 6 },
      line(identityText(l), 28, 640, { color: COLORS.muted }),
      pill(categoryShort(l.category), 26, 340, COLORS.red, COLORS.white),
    ),
    row(
      { justifyContent: 'space-between', marginTop: 6 },
      line(l.caseNo, 28, 500),
      line(l.court, 28, 480, { color: COLORS.muted }),
    ),
  );
}

/** Header labels above the landscape rows. */
export function landscapeColumnHeads(): VNode {
  const c = LANDSCAPE_COLS;
  const head = { color: COLORS.gold, fontWeight: 700 };
  return row(
    { height: 52, padding: '0 48px', alignItems: 'center', backgroundColor: COLORS.navyLight },
    line('姓名／名称　证件号码', 28, c.who, { ...head, width: c.who }),
    line('案号　执行法院', 28, c.caseNo, { ...head, width: c.caseNo }),
    line('失信情形', 28, c.category, { ...head, width: c.category }),
    row({ width: c.amount, justifyContent: 'flex-end' }, line('未履行金额', 28, c.amount, head)),
  );
}
