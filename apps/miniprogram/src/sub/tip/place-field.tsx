import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { currentPosition } from '../../lib/current-position.ts';
import { FieldError } from './field-error.tsx';
import type { TipFormState } from './tip-form.ts';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * 地点: free text, and a map point — WeChat's own picker in the mini-program, one reading of the
 * browser's position on H5. Never background location; both ask for privacy consent first.
 */
export function PlaceField({
  place,
  location,
  error,
  set,
  askConsent,
}: {
  place: string;
  location: TipFormState['location'];
  error: string | undefined;
  set: (patch: Partial<TipFormState>) => void;
  askConsent: () => Promise<boolean>;
}) {
  const [locating, setLocating] = useState<string | null>(null);

  /** WeChat: its own map picker (no background location). */
  const pickPlace = async () => {
    if (!(await askConsent())) return;
    try {
      const res = await Taro.chooseLocation({});
      set({
        place: [res.name, res.address].filter(Boolean).join('，').slice(0, 200),
        location: { lat: res.latitude, lng: res.longitude },
      });
    } catch {
      // cancelled: nothing to do
    }
  };

  /** H5: one reading of the browser's position, after the person agreed here and in the browser. */
  const readCurrentPosition = async () => {
    const { confirm } = await Taro.showModal({
      title: '使用当前位置',
      content: '仅此一次读取您此刻所在的位置，作为这条线索的地图位置；不会在后台持续定位。',
      confirmText: '允许读取',
      cancelText: '不用了',
    });
    if (!confirm) return;
    setLocating('正在读取位置…');
    try {
      set({ location: await currentPosition() });
      setLocating(null);
    } catch (err) {
      setLocating((err as Error).message);
    }
  };

  return (
    <View className="form-row">
      <Text className="field-label">地点（选填）</Text>
      <Input
        className="text-input"
        value={place}
        maxlength={200}
        placeholder="如：某小区停车场"
        aria-label="地点"
        onInput={(e) => set({ place: e.detail.value })}
      />
      {isWeapp ? (
        <Button className="button" onClick={pickPlace}>
          {location ? '已在地图上选点，重新选择' : '在地图上选点'}
        </Button>
      ) : (
        <View>
          <Button className="button" onClick={readCurrentPosition}>
            {location ? '已记录当前位置，重新读取' : '使用当前位置'}
          </Button>
          {location ? (
            <Button className="link-button" onClick={() => set({ location: null })}>
              不附地图位置
            </Button>
          ) : null}
        </View>
      )}
      {location ? (
        <Text className="hint" aria-label="地图位置">
          地图位置：北纬 {location.lat.toFixed(5)}，东经 {location.lng.toFixed(5)}
        </Text>
      ) : null}
      {locating ? (
        <View role="status">
          <Text className="hint">{locating}</Text>
        </View>
      ) : null}
      <FieldError text={error} />
    </View>
  );
}
