import { Zip, ZipPassThrough } from 'fflate';

/** One file of a ZIP, produced when the archive reaches it. */
export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/**
 * A ZIP archive streamed as its entries are produced: the next entry is pulled (rendered) only
 * when the client has taken the previous ones, so a deck of fifty 1920×1080 slides never sits in
 * memory whole. Entries are stored, not deflated: PNG is compressed already.
 * @example new Response(zipStream(files()), { headers: { 'Content-Type': 'application/zip' } })
 */
export function zipStream(entries: AsyncIterable<ZipEntry>): ReadableStream<Uint8Array> {
  const iterator = entries[Symbol.asyncIterator]();
  let zip: Zip;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        zip = new Zip((err, chunk, final) => {
          if (err) return controller.error(err);
          if (chunk.length > 0) controller.enqueue(chunk);
          if (final) controller.close();
        });
      },
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) {
            zip.end();
            return;
          }
          const file = new ZipPassThrough(next.value.name);
          zip.add(file);
          file.push(next.value.bytes, true);
        } catch (err) {
          // headers are gone already: the client sees a cut-off archive that no unzip accepts
          controller.error(err);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}
