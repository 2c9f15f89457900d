import type { Browser } from 'playwright-core';

export interface JpegOptions {
  label?: string;
  width?: number;
  height?: number;
  /** fill with random pixels: a photo that does not compress, like a real one of a busy street */
  noise?: boolean;
  quality?: number;
}

/**
 * A real JPEG drawn and encoded by Chromium itself, so tests need no binary fixture file and no
 * image library. Default: a small 320×240 picture with a plate-like label.
 */
export async function makeJpeg(browser: Browser, opts: JpegOptions = {}): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate(
      ({ label, width, height, noise, quality }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        if (noise) {
          const img = ctx.createImageData(width, height);
          for (let i = 0; i < img.data.length; i++) img.data[i] = i % 4 === 3 ? 255 : Math.random() * 256;
          ctx.putImageData(img, 0, 0);
        } else {
          ctx.fillStyle = '#5a6b7c';
          ctx.fillRect(0, 0, width, height);
        }
        ctx.fillStyle = '#f2c14e';
        ctx.fillRect(60, 90, 200, 60);
        ctx.fillStyle = '#111';
        ctx.font = '28px sans-serif';
        ctx.fillText(label, 80, 130);
        return canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? '';
      },
      {
        label: opts.label ?? '琼C·12345',
        width: opts.width ?? 320,
        height: opts.height ?? 240,
        noise: opts.noise ?? false,
        quality: opts.quality ?? 0.85,
      },
    );
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}

/**
 * Width and height from a JPEG's start-of-frame marker.
 * @example jpegSize(await makeJpeg(browser)) // { width: 320, height: 240 }
 */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number } | null {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1] ?? 0;
    const length = ((jpeg[i + 2] ?? 0) << 8) | (jpeg[i + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xc3) {
      return {
        height: ((jpeg[i + 5] ?? 0) << 8) | (jpeg[i + 6] ?? 0),
        width: ((jpeg[i + 7] ?? 0) << 8) | (jpeg[i + 8] ?? 0),
      };
    }
    i += 2 + length;
  }
  return null;
}
