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
