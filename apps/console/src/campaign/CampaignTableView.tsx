import type { CampaignTable } from './campaign-tables.ts';
import { downloadTableCsv } from './csv-download.ts';

/** A report table with its caption, and (on screen) a button saving it as CSV. */
export function CampaignTableView({
  table,
  fileStem,
  level = 2,
}: {
  table: CampaignTable;
  fileStem?: string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="campaign-table" aria-labelledby={`${table.id}-caption`}>
      <div className="table-head">
        <Heading id={`${table.id}-caption`}>{table.caption}</Heading>
        {fileStem ? (
          <button
            type="button"
            className="secondary no-print"
            onClick={() => downloadTableCsv(table, fileStem)}
            aria-label={`导出 CSV：${table.caption}`}
          >
            导出 CSV
          </button>
        ) : null}
      </div>
      <div className="table-scroll">
        <table aria-labelledby={`${table.id}-caption`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length}>本期间无记录。</td>
              </tr>
            ) : (
              table.rows.map((r, i) => (
                // rows are figures in a fixed order: the index is their identity
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={i}>
                  {r.text.map((t, j) =>
                    j === 0 ? (
                      <th key={table.columns[j]?.label} scope="row">
                        {t}
                      </th>
                    ) : (
                      <td
                        key={table.columns[j]?.label}
                        className={table.columns[j]?.numeric ? 'num' : undefined}
                      >
                        {t}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
