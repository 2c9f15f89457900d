import type { PublicListing } from '@portal/domain';
import { formatFen, orgIdentifierOf, representativeRoleOf } from '@portal/domain';

import { formatIsoDateZh } from '../format.ts';
import { h, type VNode } from '../h.ts';
import { qrDataUri, tipFormUrl } from '../qr.ts';
import { BASE_STYLE, COLORS } from '../theme.ts';
import { col, line, noticeStrip, para, qrTile, row, rule } from './parts.ts';

export const SHARE_CARD_SIZE = { width: 1080, height: 1440 } as const;

export interface ShareCardOptions {
  siteUrl: string;
}

const LABEL_W = 270;
const VALUE_W = 968 - LABEL_W;

function field(label: string, value: string, strong = false): VNode {
  return col(
    { height: 64 },
    row(
      { alignItems: 'center', flexGrow: 1 },
      line(label, 30, LABEL_W, { width: LABEL_W, color: COLORS.muted }),
      line(value, strong ? 38 : 32, VALUE_W, strong ? { fontWeight: 700, color: COLORS.gold } : {}),
    ),
    rule(COLORS.navyLine, 1),
  );
}

/** The art. 6 fields of one listing, in the order the national database shows them. */
function fields(l: PublicListing): VNode[] {
  const who =
    l.kind === 'org'
      ? [
          // art. 6 ¶1 (一): the credit code, or the organisation code of one that has none
          field(orgIdentifierOf(l)?.label ?? '统一社会信用代码', orgIdentifierOf(l)?.value ?? '—'),
          field(representativeRoleOf(l), l.legalRepresentative || '—'),
        ]
      : [
          field(
            '性别／年龄',
            [l.gender, l.age === undefined ? undefined : `${l.age}岁`].filter(Boolean).join('　') || '—',
          ),
          field('身份证号', l.idNumberMasked ?? '—'),
        ];
  return [
    ...who,
    field('案号', l.caseNo),
    field('执行法院', l.court),
    field('执行依据', `${l.basisIssuer}　${l.basisDocNo}`),
    field('立案日期', formatIsoDateZh(l.filedAt)),
    field('未履行金额', formatFen(l.amountOwedFen), true),
    field('履行情况', l.performance),
    field('发布日期', formatIsoDateZh(l.listedAt)),
  ];
}

/**
 * Share card for WeChat Moments (1080×1440, 3:4): one listing, and a 扫码举报 code to the tip form
 * for that listing (the form shows the listing's live state, so an old card never misleads).
 */
export async function shareCardTree(l: PublicListing, opts: ShareCardOptions): Promise<VNode> {
  const qr = await qrDataUri(tipFormUrl(opts.siteUrl, { listingId: l.id }));
  return h(
    'div',
    { style: { ...BASE_STYLE, width: SHARE_CARD_SIZE.width, height: SHARE_CARD_SIZE.height } },
    col(
      { height: 174, backgroundColor: COLORS.red, alignItems: 'center', justifyContent: 'center' },
      line('失信被执行人', 68, 1000, { fontWeight: 700, letterSpacing: 8 }),
      line(l.court, 34, 1000, { marginTop: 6 }),
    ),
    rule(COLORS.gold, 6),
    noticeStrip(l.demo, 1080, 56, 28),
    col(
      { padding: '28px 56px 0 56px', flexGrow: 1 },
      row(
        { alignItems: 'center', marginBottom: 12 },
        line(l.name, 64, l.livelihood ? 800 : 968, { fontWeight: 700 }),
        l.livelihood
          ? row(
              {
                marginLeft: 20,
                backgroundColor: COLORS.gold,
                color: COLORS.navy,
                padding: '4px 14px',
                borderRadius: 8,
              },
              line('涉民生', 30, 140),
            )
          : null,
      ),
      para(`失信情形：${l.categoryLabel}`, 30, 968, 2, { color: COLORS.gold, marginBottom: 8 }),
      ...fields(l),
      para(`生效法律文书确定的义务：${l.obligation}`, 28, 968, 2, { marginTop: 14, color: COLORS.muted }),
    ),
    rule(COLORS.gold, 4),
    row(
      {
        height: 246,
        padding: '0 56px',
        alignItems: 'center',
        justifyContent: 'space-between',
        backgroundColor: COLORS.navyLight,
      },
      col(
        { width: 700 },
        line('扫码举报', 42, 700, { fontWeight: 700, color: COLORS.gold }),
        line('财产线索、下落或违反限制消费令行为', 30, 700, { marginTop: 10 }),
        line('履行义务后，法院依法删除名单信息', 26, 700, { marginTop: 8 }),
        line('信息以人民法院公布为准', 26, 700, { marginTop: 8, color: COLORS.muted }),
      ),
      qrTile(qr, 190),
    ),
  );
}
