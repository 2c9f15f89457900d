import type { Browser } from 'playwright-core';

/**
 * A small real JPEG (a 320×240 street-coloured picture) drawn and encoded by Chromium itself, so
 * tests need no binary fixture file and no image library.
 */
export async function makeJpeg(browser: Browser, label = '粤B·12345'): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const base64 = await page.evaluate((text: string) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#5a6b7c';
      ctx.fillRect(0, 0, 320, 240);
      ctx.fillStyle = '#f2c14e';
      ctx.fillRect(60, 90, 200, 60);
      ctx.fillStyle = '#111';
      ctx.font = '28px sans-serif';
      ctx.fillText(text, 80, 130);
      return canvas.toDataURL('image/jpeg', 0.85).split(',')[1] ?? '';
    }, label);
    return Buffer.from(base64, 'base64');
  } finally {
    await page.close();
  }
}
