import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { open } from '../lib/navigate.ts';

const AGREED_KEY = 'privacyAgreed';
type Resolve = (agreed: boolean) => void;
const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The platform's privacy-consent flow before `chooseMedia` / `chooseLocation`: WeChat asks the
 * page through `onNeedPrivacyAuthorization` when an API needs the user's consent to the
 * 隐私保护指引, and only a tap on a button with `openType="agreePrivacyAuthorization"` grants it.
 * The H5 build has no such flow, so the same dialog asks once and remembers the answer.
 * `ask()` resolves true when the protected API may be called.
 */
export function usePrivacyConsent() {
  const [visible, setVisible] = useState(false);
  const pending = useRef<Resolve[]>([]);
  const platformResolve = useRef<((r: { buttonId?: string; event: 'agree' | 'disagree' }) => void) | null>(
    null,
  );

  useEffect(() => {
    if (!isWeapp || !Taro.onNeedPrivacyAuthorization) return;
    const onNeed = (resolve: (r: { buttonId?: string; event: 'agree' | 'disagree' }) => void) => {
      platformResolve.current = resolve;
      setVisible(true);
    };
    Taro.onNeedPrivacyAuthorization(onNeed);
  }, []);

  const settle = (agreed: boolean) => {
    setVisible(false);
    if (agreed && !isWeapp) Taro.setStorageSync(AGREED_KEY, 'yes');
    platformResolve.current?.(agreed ? { buttonId: 'privacy-agree', event: 'agree' } : { event: 'disagree' });
    platformResolve.current = null;
    for (const r of pending.current.splice(0)) r(agreed);
  };

  const ask = async (): Promise<boolean> => {
    if (isWeapp) {
      const needed = await new Promise<boolean>((resolve) => {
        if (!Taro.getPrivacySetting) return resolve(true);
        Taro.getPrivacySetting({
          success: (res) => resolve(res.needAuthorization),
          fail: () => resolve(true),
        });
      });
      if (!needed) return true;
    } else if (Taro.getStorageSync(AGREED_KEY) === 'yes') return true;
    return new Promise<boolean>((resolve) => {
      pending.current.push(resolve);
      setVisible(true);
    });
  };

  const modal = visible ? (
    <View className="modal-mask">
      <View className="modal" role="dialog" aria-label="隐私保护提示">
        <Text className="section-title">隐私保护提示</Text>
        <Text className="article-p">
          举报时选择照片或地点，需要您同意《隐私保护指引》：照片和所选地点仅用于法院核实线索，不作他用。
        </Text>
        <Button
          className="link-button"
          onClick={() =>
            isWeapp && Taro.openPrivacyContract ? Taro.openPrivacyContract({}) : open('privacy')
          }
        >
          查看《隐私保护指引》
        </Button>
        <View className="actions">
          <Button className="button" onClick={() => settle(false)}>
            不同意
          </Button>
          <Button
            id="privacy-agree"
            className="button primary"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => settle(true)}
            onClick={() => {
              if (!isWeapp) settle(true);
            }}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  ) : null;

  return { ask, modal };
}
