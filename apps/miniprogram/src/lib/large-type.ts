import Taro from '@tarojs/taro';
import { useState } from 'react';

const STORAGE_KEY = 'largeType';
/** WeChat's standard font size is 17 px on iOS (16 on Android); anything above is "larger text". */
const LARGE_SYSTEM_FONT_PX = 18;

/** The system font size the user chose, in px, where the platform reports it (not on H5). */
function systemFontSize(): number | undefined {
  try {
    const info = (Taro.getAppBaseInfo?.() ?? Taro.getSystemInfoSync()) as { fontSizeSetting?: number };
    return typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 适老化: large type follows the system font size; a switch on the page overrides it and is
 * remembered on the device (a display preference, not personal data).
 */
export function useLargeType(): [boolean, (on: boolean) => void] {
  const [large, setLarge] = useState<boolean>(() => {
    const saved = Taro.getStorageSync(STORAGE_KEY);
    if (saved === 'on') return true;
    if (saved === 'off') return false;
    return (systemFontSize() ?? 0) >= LARGE_SYSTEM_FONT_PX;
  });
  const set = (on: boolean) => {
    setLarge(on);
    Taro.setStorageSync(STORAGE_KEY, on ? 'on' : 'off');
  };
  return [large, set];
}
