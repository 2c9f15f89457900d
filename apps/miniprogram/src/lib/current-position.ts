import { wgs84ToGcj02 } from './gcj02.ts';

/** What `navigator.geolocation` needs here; tests pass their own. */
export interface GeolocationLike {
  getCurrentPosition(
    success: (p: { coords: { latitude: number; longitude: number } }) => void,
    error: (e: { code: number }) => void,
    options: { enableHighAccuracy: boolean; timeout: number; maximumAge: number },
  ): void;
}

/**
 * The H5 build's "使用当前位置": one reading of the browser's position, in the foreground, after
 * the person agreed (Taro's H5 `chooseLocation` needs Tencent Maps with a key; WeChat keeps its
 * own picker). Never watched, never repeated in the background. Answers GCJ-02 like WeChat's
 * picker; rejects with a zh-CN sentence.
 */
export function currentPosition(
  geo: GeolocationLike | undefined = (globalThis as { navigator?: { geolocation?: GeolocationLike } })
    .navigator?.geolocation,
): Promise<{ lat: number; lng: number }> {
  // WeChat has its own picker (chooseLocation); the build drops the rest of this function there
  if (process.env.TARO_ENV === 'weapp') return Promise.reject(new Error('请在地图上选点。'));
  return new Promise((resolve, reject) => {
    if (!geo) return reject(new Error('此浏览器不能提供位置，请在地点栏填写文字描述。'));
    geo.getCurrentPosition(
      (p) => resolve(wgs84ToGcj02({ lat: p.coords.latitude, lng: p.coords.longitude })),
      (e) =>
        reject(
          new Error(
            e.code === 1
              ? '您未允许读取位置，请在地点栏填写文字描述。'
              : '暂时无法获取位置，请稍后再试或在地点栏填写文字描述。',
          ),
        ),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}
