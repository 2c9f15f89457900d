import { TIP_MAX_PHOTOS } from '@portal/domain';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FieldError } from './field-error.tsx';
import type { PhotoStatus } from './photo-uploads.ts';
import type { TipFormState, TipPhoto } from './tip-form.ts';

const MAX_PHOTOS = TIP_MAX_PHOTOS;

function photoStatusText(status: PhotoStatus | undefined): string {
  switch (status?.kind) {
    case 'uploading':
      return `上传中 ${Math.round(status.fraction * 100)}%`;
    case 'done':
      return '已上传';
    case 'failed':
      return `上传失败：${status.message}`;
    default:
      return '待上传';
  }
}

/** 照片: up to six, chosen after privacy consent, each with its upload state and a delete button. */
export function PhotosField({
  photos,
  status,
  error,
  set,
  onRemove,
  askConsent,
}: {
  photos: TipPhoto[];
  status: Record<string, PhotoStatus>;
  error: string | undefined;
  set: (patch: Partial<TipFormState>) => void;
  /** a removed photo's earlier upload is forgotten too */
  onRemove: (path: string) => void;
  askConsent: () => Promise<boolean>;
}) {
  const addPhotos = async () => {
    if (!(await askConsent())) return;
    try {
      const res = await Taro.chooseMedia({
        count: MAX_PHOTOS - photos.length,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      });
      const picked = res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
      set({ photos: [...photos, ...picked].slice(0, MAX_PHOTOS) });
    } catch {
      // cancelled: nothing to do
    }
  };

  return (
    <View className="form-row">
      <Text className="field-label">照片（选填，最多 {MAX_PHOTOS} 张）</Text>
      <View className="photos">
        {photos.map((p, i) => (
          <View className="photo" key={p.path}>
            <Image className="photo-image" src={p.path} mode="aspectFill" aria-label={`第 ${i + 1} 张照片`} />
            <Text
              className={status[p.path]?.kind === 'failed' ? 'photo-status field-error' : 'photo-status'}
              aria-label={`第 ${i + 1} 张照片：${photoStatusText(status[p.path])}`}
            >
              {photoStatusText(status[p.path])}
            </Text>
            <Button
              className="link-button"
              aria-label={`删除第 ${i + 1} 张照片`}
              onClick={() => {
                onRemove(p.path);
                set({ photos: photos.filter((x) => x.path !== p.path) });
              }}
            >
              删除
            </Button>
          </View>
        ))}
      </View>
      {photos.length < MAX_PHOTOS ? (
        <Button className="button" onClick={addPhotos}>
          添加照片
        </Button>
      ) : null}
      <FieldError text={error} />
    </View>
  );
}
