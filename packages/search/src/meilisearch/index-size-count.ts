/**
 * Counts what Meilisearch would store for the adapter documents of n demo listings: stored JSON
 * bytes, token occurrences, and keys / postings of word_docids, word_fid_docids,
 * word_position_docids and word_pair_proximity_docids (the extraction rules ported in
 * meili-oracle.ts). Input of the index size estimate in the README. Run:
 * `node packages/search/src/meilisearch/index-size-count.ts`
 */
import { createIdentifierHasher } from '../identifier.ts';
import { toMeiliDocument } from './meili-document.ts';
import { bucketedPosition } from './meili-oracle.ts';
import { SEARCHABLE_FIELDS } from './meili-settings.ts';
import { demoDocuments } from './oracle-fixtures.ts';

const hash = createIdentifierHasher('size-estimate-secret-0123456789');
for (const n of [5000, 20000, 80000]) {
  const docs = demoDocuments(n, hash).map(toMeiliDocument);
  const word = new Map<string, number>(),
    wordFid = new Map<string, number>(),
    wordPos = new Map<string, number>(),
    pair = new Map<string, number>();
  let storedBytes = 0,
    occurrences = 0,
    wordKeyBytes = 0;
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const doc of docs) {
    storedBytes += Buffer.byteLength(JSON.stringify(doc));
    const seenW = new Set<string>(),
      seenWF = new Set<string>(),
      seenWP = new Set<string>(),
      seenP = new Map<string, number>();
    SEARCHABLE_FIELDS.forEach((field, fid) => {
      const v = doc[field];
      const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
      let pos = -8;
      const toks: [string, number][] = [];
      for (const item of items) {
        pos += 8;
        let p = pos;
        for (const w of String(item).split(' ')) {
          toks.push([w, p]);
          pos = p;
          p++;
        }
      }
      for (let i = 0; i < toks.length; i++) {
        const [w, p] = toks[i]!;
        occurrences++;
        seenW.add(w);
        seenWF.add(`${w}|${fid}`);
        seenWP.add(`${w}|${bucketedPosition(p)}`);
        for (let j = i + 1; j < toks.length && toks[j]![1] - p < 4; j++) {
          const k = `${w}|${toks[j]![0]}`;
          const prox = toks[j]![1] - p;
          if (!seenP.has(k) || seenP.get(k)! > prox) seenP.set(k, prox);
        }
      }
    });
    for (const w of seenW) bump(word, w);
    for (const k of seenWF) bump(wordFid, k);
    for (const k of seenWP) bump(wordPos, k);
    for (const [k, prox] of seenP) bump(pair, `${prox}|${k}`);
  }
  for (const w of word.keys()) wordKeyBytes += w.length;
  const post = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(
    JSON.stringify({
      n,
      storedBytesPerDoc: Math.round(storedBytes / n),
      occurrencesPerDoc: +(occurrences / n).toFixed(1),
      word: [word.size, post(word)],
      wordFid: [wordFid.size, post(wordFid)],
      wordPos: [wordPos.size, post(wordPos)],
      pair: [pair.size, post(pair)],
      avgWordLen: +(wordKeyBytes / word.size).toFixed(1),
    }),
  );
}
