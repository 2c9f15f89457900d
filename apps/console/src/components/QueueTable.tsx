import type { ReactNode } from 'react';

/**
 * A work queue's table: the live count line above it, a caption for screen readers, one header
 * cell per column and a row saying so when the queue is empty. `items` null means still loading.
 */
export function QueueTable<T>({
  caption,
  columns,
  items,
  count,
  row,
  empty,
}: {
  caption: ReactNode;
  columns: readonly string[];
  items: readonly T[] | null;
  /** the count line once loaded, e.g. 共 3 件 */
  count: (items: readonly T[]) => string;
  row: (item: T) => ReactNode;
  empty: string;
}) {
  return (
    <>
      <p className="muted" aria-live="polite">
        {items ? count(items) : '正在载入…'}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(items ?? []).map(row)}
            {items && items.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}
