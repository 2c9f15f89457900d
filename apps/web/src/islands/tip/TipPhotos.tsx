import { TIP_MAX_PHOTOS, TIP_PHOTO_MAX_PIXELS } from '@portal/domain';
import { useEffect, useRef, useState } from 'react';
import { admitPhotos, TIP_PHOTO_TYPES } from './tip-rules.ts';

export interface ChosenPhoto {
  key: number;
  file: File;
}

interface Props {
  photos: readonly ChosenPhoto[];
  onChange: (photos: ChosenPhoto[]) => void;
  /** the server's message about the photos, if it refused them */
  error: string | undefined;
}

const PREVIEW = 160;
let nextKey = 1;

/**
 * A preview drawn on a canvas: the site's CSP allows images from its own origin only (no blob:
 * or data: URLs), and a canvas needs neither. Decoding also tells a photo the phone cannot read
 * (and so the server could not either) and one with too many pixels.
 */
function PhotoPreview({ photo, onProblem }: { photo: ChosenPhoto; onProblem: (m: string) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const report = useRef(onProblem);
  report.current = onProblem;
  const [size, setSize] = useState('');
  useEffect(() => {
    const onProblem = (m: string) => report.current(m);
    let cancelled = false;
    createImageBitmap(photo.file).then(
      (bitmap) => {
        const canvas = ref.current;
        if (cancelled || !canvas) return bitmap.close();
        if (bitmap.width * bitmap.height > TIP_PHOTO_MAX_PIXELS) {
          onProblem(`“${photo.file.name}”像素过多，请换一张或截图后再上传。`);
        }
        const scale = Math.min(1, PREVIEW / Math.max(bitmap.width, bitmap.height));
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        setSize(`${bitmap.width}×${bitmap.height}`);
        bitmap.close();
      },
      () => cancelled || onProblem(`无法读取“${photo.file.name}”，请换一张 JPG 或 PNG 照片。`),
    );
    return () => {
      cancelled = true;
    };
  }, [photo]);
  return (
    <canvas
      ref={ref}
      className="tip-photo-canvas"
      width={PREVIEW}
      height={PREVIEW}
      role="img"
      aria-label={`照片预览：${photo.file.name}${size ? `，${size}` : ''}`}
    />
  );
}

const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Up to six photos: chosen, checked (type, size, count, decodable), previewed, removable. */
export function TipPhotos({ photos, onChange, error }: Props) {
  const [refused, setRefused] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const add = (files: FileList | null) => {
    if (!files) return;
    const { accepted, refused: why } = admitPhotos(photos.length, Array.from(files));
    setRefused(why);
    onChange([...photos, ...accepted.map((file) => ({ key: nextKey++, file }))]);
    if (input.current) input.current.value = ''; // the same file can be chosen again after removal
  };
  const remove = (key: number) => {
    setRefused([]);
    onChange(photos.filter((p) => p.key !== key));
  };
  const problem = (key: number) => (message: string) => {
    setRefused((r) => (r.includes(message) ? r : [...r, message]));
    onChange(photos.filter((p) => p.key !== key));
  };
  const messages = [...(error ? [error] : []), ...refused];

  return (
    <div className="field">
      <label htmlFor="t-photos">
        照片<span className="hint">（选填，最多 {TIP_MAX_PHOTOS} 张）</span>
      </label>
      <p className="hint" id="t-photos-hint">
        JPG、PNG 或 WebP 格式，每张不超过 10 MB。照片中的拍摄地点、设备等信息会在保存前删除。
      </p>
      {messages.map((m) => (
        <p className="field-error" key={m} id={m === error ? 't-photos-error' : undefined}>
          {m}
        </p>
      ))}
      <input
        ref={input}
        id="t-photos"
        name="photos"
        type="file"
        accept={TIP_PHOTO_TYPES.join(',')}
        multiple
        disabled={photos.length >= TIP_MAX_PHOTOS}
        aria-describedby={`t-photos-hint${error ? ' t-photos-error' : ''}`}
        onChange={(e) => add(e.target.files)}
      />
      {photos.length > 0 && (
        <ul className="tip-photos" aria-label="已选择的照片">
          {photos.map((p) => (
            <li key={p.key}>
              <PhotoPreview photo={p} onProblem={problem(p.key)} />
              <span className="hint tip-photo-name">{`${p.file.name}（${kb(p.file.size)}）`}</span>
              <button
                type="button"
                className="button secondary tip-photo-remove"
                onClick={() => remove(p.key)}
              >
                删除<span className="visually-hidden">{p.file.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint" aria-live="polite">{`已选择 ${photos.length} / ${TIP_MAX_PHOTOS} 张`}</p>
    </div>
  );
}
