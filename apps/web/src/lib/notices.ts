import { type CollectionEntry, getCollection } from 'astro:content';

export type Notice = CollectionEntry<'notices'>;

/** Notices newest first (then by `order`, then title). */
export async function noticesNewestFirst(): Promise<Notice[]> {
  const all = await getCollection('notices');
  return all.sort(
    (a, b) =>
      b.data.date.localeCompare(a.data.date) ||
      (a.data.order ?? 99) - (b.data.order ?? 99) ||
      a.data.title.localeCompare(b.data.title, 'zh-CN'),
  );
}
