/**
 * A JSX-free element factory for satori. Node runs our .ts through type stripping, which has
 * no JSX transform, so templates call `h('div', { style }, ...children)` instead.
 */

export type Style = Record<string, string | number>;

export interface VProps {
  style?: Style;
  src?: string;
  width?: number;
  height?: number;
  children?: VChild | VChild[];
}

export interface VNode {
  type: string;
  props: VProps;
}

export type VChild = VNode | string | number | null | undefined | false;

/**
 * Builds a satori element. Falsy children are dropped so `cond && h(...)` works. Boxes are
 * border-box (satori defaults to content-box), so a width includes its padding and border.
 * @example h('div', { style: { display: 'flex' } }, '张三')
 */
export function h(type: string, props: Omit<VProps, 'children'> | null, ...children: VChild[]): VNode {
  const kept = children.filter((c) => c !== null && c !== undefined && c !== false);
  const only = kept.length === 1 ? kept[0] : undefined;
  const style = type === 'div' ? { boxSizing: 'border-box', ...props?.style } : props?.style;
  const base = style ? { ...props, style } : { ...props };
  return { type, props: { ...base, children: kept.length === 1 ? only : kept } };
}

/** Every string drawn by a tree, in document order (what a reader of the slide sees). */
export function textOf(node: VChild | VChild[]): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => textOf(n));
  if (node === null || node === undefined || node === false) return [];
  if (typeof node === 'string' || typeof node === 'number') return [String(node)];
  return textOf(node.props.children);
}
