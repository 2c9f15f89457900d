import { h, type Style, type VNode } from '../h.ts';
import { fitText } from '../text-fit.ts';
import { COLORS } from '../theme.ts';

/**
 * A single-line text box. The text is truncated with "…" to `maxWidth` beforehand (with
 * conservative widths), so a long company name can never push a neighbour off the slide.
 * No `overflow: hidden`: satori turns each clipped box into an SVG mask, and resvg renders
 * every mask as a full-canvas layer (100 masks made a board slide 3× slower).
 */
export function line(text: string, fontSize: number, maxWidth: number, style: Style = {}): VNode {
  return h(
    'div',
    { style: { display: 'flex', fontSize, maxWidth, whiteSpace: 'nowrap', ...style } },
    fitText(text, fontSize, maxWidth),
  );
}

/** A multi-line paragraph clamped to `lines` lines. */
export function para(
  text: string,
  fontSize: number,
  maxWidth: number,
  lines: number,
  style: Style = {},
): VNode {
  return h(
    'div',
    {
      style: {
        display: 'flex',
        fontSize,
        width: maxWidth,
        lineHeight: 1.4,
        maxHeight: Math.ceil(fontSize * 1.4 * lines) + 2,
        overflow: 'hidden',
        ...style,
      },
    },
    fitText(text, fontSize, maxWidth, lines),
  );
}

/**
 * A solid horizontal rule. Used instead of CSS borders: satori draws every border through
 * nested clip paths, which resvg rasterises as full-canvas layers (slow).
 */
export function rule(color: string, thickness: number): VNode {
  return h('div', { style: { display: 'flex', height: thickness, flexShrink: 0, backgroundColor: color } });
}

export function row(style: Style, ...children: Parameters<typeof h>[2][]): VNode {
  return h('div', { style: { display: 'flex', flexDirection: 'row', ...style } }, ...children);
}

export function col(style: Style, ...children: Parameters<typeof h>[2][]): VNode {
  return h('div', { style: { display: 'flex', flexDirection: 'column', ...style } }, ...children);
}

/** A small rounded label (category, 涉民生). */
export function pill(text: string, fontSize: number, maxWidth: number, bg: string, fg: string): VNode {
  return h(
    'div',
    {
      style: {
        display: 'flex',
        fontSize,
        padding: `${Math.round(fontSize * 0.18)}px ${Math.round(fontSize * 0.5)}px`,
        borderRadius: 8,
        backgroundColor: bg,
        color: fg,
        whiteSpace: 'nowrap',
      },
    },
    fitText(text, fontSize, maxWidth - fontSize),
  );
}

/**
 * The strip under the header: a yellow 演示数据 warning when any drawn record is synthetic,
 * otherwise the legal basis of the publication.
 */
export function noticeStrip(
  demo: boolean,
  width: number,
  height: number,
  fontSize: number,
  notice = '依据《最高人民法院关于公布失信被执行人名单信息的若干规定》依法公布',
): VNode {
  const text = demo ? '演示数据 · 以下均为虚构信息，并非真实当事人' : notice;
  return row(
    {
      width,
      height,
      alignItems: 'center',
      justifyContent: 'center',
      backgroundColor: demo ? COLORS.demo : COLORS.redDark,
      color: demo ? COLORS.demoText : COLORS.muted,
      fontWeight: demo ? 700 : 400,
    },
    line(text, fontSize, width - 40),
  );
}

/** A QR code on a white tile (scanners need the quiet zone and contrast). */
export function qrTile(src: string, size: number): VNode {
  return row(
    { backgroundColor: COLORS.white, padding: 6, borderRadius: 8 },
    h('img', { src, width: size, height: size }),
  );
}
