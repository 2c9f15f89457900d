/**
 * Phone photos are often 4–10 MB; six of them take minutes on a mobile connection. A photo
 * larger than SHRINK_ABOVE_BYTES is redrawn at most MAX_SIDE pixels on its long side as a JPEG
 * before upload: plenty to read a number plate or a shop sign, and the phone does the work once
 * instead of the tipster waiting. (The server re-encodes every photo anyway and removes what
 * metadata is left; redrawing here already drops it.) If anything fails the original is sent.
 */
export const SHRINK_ABOVE_BYTES = 1_500_000;
export const MAX_SIDE = 2560;

/** The size a `width`×`height` picture is drawn at: long side at most MAX_SIDE, never enlarged. */
export function shrunkSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function toJpeg(canvas: HTMLCanvasElement): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

/** `file` itself when small enough or when it cannot be redrawn smaller, else a smaller JPEG. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size <= SHRINK_ABOVE_BYTES) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const size = shrunkSize(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, size.width, size.height);
    bitmap.close();
    const blob = await toJpeg(canvas);
    if (!blob || blob.size >= file.size) return file;
    const name = `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`;
    return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
  } catch {
    return file;
  }
}
