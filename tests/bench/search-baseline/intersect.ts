/**
 * Intersection of ascending `Uint32Array`s: a linear merge when the lists are of similar length,
 * galloping (exponential + binary search) in the longer list when one is much shorter.
 * Writes into `out` and returns how many slots it wrote.
 */
export function intersectSorted(a: Uint32Array, b: Uint32Array, out: Uint32Array): number {
  if (a.length > b.length) return intersectSorted(b, a, out);
  if (a.length === 0) return 0;
  return b.length > a.length * 4 ? gallop(a, b, out) : merge(a, b, out);
}

function merge(a: Uint32Array, b: Uint32Array, out: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

function gallop(a: Uint32Array, b: Uint32Array, out: Uint32Array): number {
  let n = 0;
  let lo = 0;
  for (let i = 0; i < a.length && lo < b.length; i++) {
    const x = a[i]!;
    let step = 1;
    let hi = lo;
    while (hi < b.length && b[hi]! < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    if (hi >= b.length) hi = b.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (b[lo] === x) out[n++] = x;
  }
  return n;
}
