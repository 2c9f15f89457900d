import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type ZipEntry, zipStream } from './deck-zip.ts';

async function* entries(fail = false): AsyncGenerator<ZipEntry> {
  yield { name: 'board-001.png', bytes: new Uint8Array([1, 2, 3]) };
  if (fail) throw new Error('render failed');
  yield { name: 'manifest.json', bytes: Buffer.from('{"ok":true}\n') };
}

describe('streamed ZIP', () => {
  it('holds every entry, byte for byte, in order', async () => {
    const bytes = new Uint8Array(await new Response(zipStream(entries())).arrayBuffer());
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(['board-001.png', 'manifest.json']);
    expect([...files['board-001.png']!]).toEqual([1, 2, 3]);
    expect(Buffer.from(files['manifest.json']!).toString()).toBe('{"ok":true}\n');
  });

  it('errors the stream (the client sees a failed download, never a short archive that looks whole) when an entry fails', async () => {
    await expect(new Response(zipStream(entries(true))).arrayBuffer()).rejects.toThrow('render failed');
  });

  it('pulls entries only as the reader takes them', async () => {
    let produced = 0;
    async function* counted(): AsyncGenerator<ZipEntry> {
      for (let i = 1; i <= 50; i++) {
        produced++;
        yield { name: `board-${i}.png`, bytes: new Uint8Array(64 * 1024) };
      }
    }
    const reader = zipStream(counted()).getReader();
    await reader.read();
    await new Promise((r) => setTimeout(r, 50));
    expect(produced).toBeLessThan(5);
    await reader.cancel();
  });
});
