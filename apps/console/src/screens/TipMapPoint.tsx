/**
 * The tipster's map point without a map: coordinates in words and a small drawn grid around the
 * point. The console's CSP allows no third-party tiles, and a tile request would tell a map
 * provider where the court is looking; staff copy the coordinates into the court's own GIS.
 */
function dms(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value);
  const deg = Math.floor(abs);
  const minFloat = (abs - deg) * 60;
  const min = Math.floor(minFloat);
  const sec = ((minFloat - min) * 60).toFixed(1);
  return `${value >= 0 ? positive : negative} ${deg}°${min}′${sec}″`;
}

export function TipMapPoint({ lat, lng }: { lat: number; lng: number }) {
  const words = `${dms(lat, '北纬', '南纬')}，${dms(lng, '东经', '西经')}`;
  return (
    <figure className="map-point">
      <svg viewBox="0 0 240 160" width="240" height="160" role="img" aria-label={`位置示意图：${words}`}>
        <rect x="0" y="0" width="240" height="160" className="map-bg" />
        {[40, 80, 120, 160, 200].map((x) => (
          <line key={`v${x}`} x1={x} y1="0" x2={x} y2="160" className="map-grid" />
        ))}
        {[40, 80, 120].map((y) => (
          <line key={`h${y}`} x1="0" y1={y} x2="240" y2={y} className="map-grid" />
        ))}
        <circle cx="120" cy="80" r="8" className="map-marker" />
        <circle cx="120" cy="80" r="2.5" className="map-dot" />
        <text x="120" y="16" className="map-label">
          北
        </text>
        <line x1="8" y1="150" x2="48" y2="150" className="map-scale" />
        <text x="54" y="154" className="map-small">
          1 千米（格线间距）
        </text>
      </svg>
      <figcaption>
        <span>{words}</span>
        <span className="muted">
          十进制坐标：{lat.toFixed(5)}, {lng.toFixed(5)}
        </span>
      </figcaption>
    </figure>
  );
}
