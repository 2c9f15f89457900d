import QRCode from 'qrcode';

const memo = new Map<string, string>();

/**
 * A QR code for `url` as an SVG data URI that satori can place in an `<img>`. Dark modules on
 * white with a quiet zone, error correction M (survives moiré on LED walls and phone cameras).
 * @example h('img', { src: qrDataUri('https://example.cn/report/'), width: 180, height: 180 })
 */
export async function qrDataUri(url: string): Promise<string> {
  const hit = memo.get(url);
  if (hit) return hit;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const uri = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  if (memo.size > 5000) memo.clear();
  memo.set(url, uri);
  return uri;
}

/** `https://x.cn/` + `/report/` without a doubled slash. */
export function joinUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * The public tip form (我要举报) every "扫码举报" code opens: for one listing when the picture shows
 * one (`?listing=`), for a 悬赏 notice on its poster (`?notice=`, the form claims it), otherwise
 * the form's start, where the citizen finds the defaulter first.
 * @example tipFormUrl('https://x.cn', { listingId: 'L1' }) // 'https://x.cn/report/?listing=L1'
 */
export function tipFormUrl(siteUrl: string, target: { listingId?: string; noticeId?: string } = {}): string {
  if (target.noticeId) return joinUrl(siteUrl, `/report/?notice=${encodeURIComponent(target.noticeId)}`);
  if (target.listingId) return joinUrl(siteUrl, `/report/?listing=${encodeURIComponent(target.listingId)}`);
  return joinUrl(siteUrl, '/report/');
}

/** The dark modules of a QR code, for drawing it as vector shapes (the newspaper PDF). */
export interface QrMatrix {
  /** modules per side, without a quiet zone */
  size: number;
  isDark(row: number, col: number): boolean;
}

/**
 * The same code `qrDataUri` draws (error correction M), as a module matrix, so a PDF can draw it as
 * vector squares that stay sharp at any print size.
 * @example qrMatrix('https://x.cn/report/').isDark(0, 0) // true: a finder pattern corner
 */
export function qrMatrix(url: string): QrMatrix {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, col) => Boolean(modules.get(row, col)) };
}
