import { h, type VNode } from '../h.ts';
import { COLORS, type Orientation } from '../theme.ts';
import { col, line, qrTile, row, rule } from './parts.ts';

export interface HeaderProps {
  title: string;
  courtName: string;
  dateText: string;
  pageText?: string;
  orientation: Orientation;
  /** band colour; red for the blacklist, gold-edged red for livelihood */
  band?: string;
}

/** The red title band: title, court, date and page. */
export function slideHeader(p: HeaderProps): VNode {
  const band = p.band ?? COLORS.red;
  if (p.orientation === 'portrait') {
    return col(
      {},
      col(
        { height: 234, backgroundColor: band, alignItems: 'center', justifyContent: 'center' },
        line(p.title, 76, 1000, { fontWeight: 700, letterSpacing: 6 }),
        line(p.courtName, 40, 1000, { marginTop: 10 }),
        line([p.dateText, p.pageText].filter(Boolean).join('　'), 32, 1000, {
          marginTop: 8,
          color: COLORS.muted,
        }),
      ),
      rule(COLORS.gold, 6),
    );
  }
  return col(
    {},
    row(
      {
        height: 154,
        backgroundColor: band,
        alignItems: 'center',
        justifyContent: 'space-between',
        padding: '0 48px',
      },
      col(
        {},
        line(p.title, 66, 1100, { fontWeight: 700, letterSpacing: 4 }),
        line(p.courtName, 36, 1100, { marginTop: 4 }),
      ),
      col(
        { alignItems: 'flex-end' },
        line(p.dateText, 34, 600),
        p.pageText ? line(p.pageText, 32, 600, { marginTop: 8, color: COLORS.gold, fontWeight: 700 }) : null,
      ),
    ),
    rule(COLORS.gold, 6),
  );
}

export interface FooterProps {
  qrSrc: string;
  siteUrl: string;
  orientation: Orientation;
  /** headline next to the QR code */
  headline?: string;
  hint?: string;
}

/** The bottom band: 扫码举报 with the QR code to the report page, and the deletion promise. */
export function reportFooter(p: FooterProps): VNode {
  const portrait = p.orientation === 'portrait';
  const width = portrait ? 1080 : 1920;
  const qrSize = portrait ? 168 : 136;
  const textWidth = width - qrSize - 140;
  const band = row(
    {
      height: portrait ? 212 : 172,
      backgroundColor: COLORS.navyLight,
      alignItems: 'center',
      justifyContent: 'space-between',
      padding: portrait ? '0 40px' : '0 48px',
    },
    col(
      { width: textWidth },
      line(p.headline ?? '扫码举报', portrait ? 44 : 42, textWidth, { fontWeight: 700, color: COLORS.gold }),
      line(p.hint ?? '举报被执行人财产线索、下落及违反限制消费令行为', portrait ? 28 : 30, textWidth, {
        marginTop: 6,
      }),
      line(
        `被执行人履行义务后，法院依法删除名单信息　${p.siteUrl.replace(/^https?:\/\//, '')}`,
        24,
        textWidth,
        {
          marginTop: 6,
          color: COLORS.muted,
        },
      ),
    ),
    qrTile(p.qrSrc, qrSize),
  );
  return col({}, rule(COLORS.gold, 4), band);
}

/** Centered message for an empty page. */
export function emptyRows(text: string, width: number, height: number): VNode {
  return h(
    'div',
    { style: { display: 'flex', width, height, alignItems: 'center', justifyContent: 'center' } },
    line(text, 48, width - 80, { color: COLORS.muted }),
  );
}
