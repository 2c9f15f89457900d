import { h, type VNode } from '../h.ts';
import { BASE_STYLE, COLORS, type Orientation, slideSize } from '../theme.ts';
import { col, line } from './parts.ts';

export interface NeutralSlideInput {
  courtName: string;
  orientation?: Orientation;
}

/**
 * Shown by the kiosk when it has no fresh data: no names, no dates, nothing that can go stale.
 */
export function neutralSlideTree(input: NeutralSlideInput): VNode {
  const size = slideSize(input.orientation ?? 'landscape');
  const w = size.width - 160;
  return h(
    'div',
    {
      style: {
        ...BASE_STYLE,
        width: size.width,
        height: size.height,
        alignItems: 'center',
        justifyContent: 'center',
        borderTop: `24px solid ${COLORS.red}`,
        borderBottom: `24px solid ${COLORS.red}`,
      },
    },
    col(
      { alignItems: 'center' },
      line(input.courtName, 64, w, { fontWeight: 700 }),
      h('div', {
        style: { display: 'flex', width: 240, height: 6, backgroundColor: COLORS.gold, margin: '48px 0' },
      }),
      line('诚信立身　依法履行', 96, w, { fontWeight: 700, color: COLORS.gold, letterSpacing: 8 }),
      line('名单信息更新中，请以人民法院公布的最新信息为准', 40, w, { marginTop: 48, color: COLORS.muted }),
    ),
  );
}
