/**
 * Splits a CSV into parts of at most `rowsPerChunk` records, each with the header line, without
 * breaking quoted fields that contain newlines. Keeps the original bytes' encoding untouched by
 * working on bytes: commas, quotes and newlines are ASCII in UTF-8 and in GBK alike.
 */
export function splitCsvIntoChunks(bytes: Uint8Array, rowsPerChunk: number) {
  const records: [number, number][] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes) {
      records.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < bytes.length) records.push([start, bytes.length]);
  const [header, ...rows] = records;
  const parts: { csv: Uint8Array; firstRow: number; rowCount: number }[] = [];
  if (!header) return { parts, totalRows: 0 };
  const headerBytes = bytes.subarray(header[0], header[1]);
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const slice = rows.slice(i, i + rowsPerChunk);
    const size = headerBytes.length + slice.reduce((n, [a, b]) => n + (b - a), 0);
    const out = new Uint8Array(size);
    out.set(headerBytes, 0);
    let offset = headerBytes.length;
    for (const [a, b] of slice) {
      out.set(bytes.subarray(a, b), offset);
      offset += b - a;
    }
    parts.push({ csv: out, firstRow: i + 2, rowCount: slice.length });
  }
  return { parts, totalRows: rows.length };
}
