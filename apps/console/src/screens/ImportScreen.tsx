import { importListingsRoute, MAX_REPORTED_REJECTIONS } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { LISTING_FIELD_LABELS_ZH, listingCsvTemplate } from '@portal/domain';
import { type FormEvent, useId, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';

type ImportResult = SuccessBody<typeof importListingsRoute>;

/** Saves the template (headers the import understands, one example row) built in the browser. */
function downloadTemplate(): void {
  const href = URL.createObjectURL(new Blob([listingCsvTemplate()], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = href;
  a.download = '失信名单导入模板.csv';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * CSV import (UTF-8 or GBK, Chinese or English headers): the file goes to the API as it is; the
 * answer lists the refused rows by spreadsheet row and field, and the drafts created.
 * The progress bar is indeterminate: fetch reports no upload progress, and the API validates
 * the whole file before it answers.
 */
export function ImportScreen() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const fileId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (!file) {
      setError(
        new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message: '请选择要导入的 CSV 文件。' }),
      );
      return;
    }
    setBusy(true);
    try {
      setResult(await api.call(importListingsRoute, { body: file, headers: { 'Content-Type': 'text/csv' } }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">导入</h1>
      <form className="card" onSubmit={submit} aria-labelledby="import-form-title" aria-busy={busy}>
        <h2 id="import-form-title">CSV 批量导入草稿</h2>
        <p className="muted">
          支持 UTF-8 或 GBK 编码、中文或英文表头，文件不超过 20 MB。导入的记录为草稿，须在“名单”中发布。
        </p>
        <p>
          <button type="button" className="secondary" onClick={downloadTemplate}>
            下载填写模板（CSV）
          </button>{' '}
          <span className="muted">含全部必填列和一行演示示例，填写时请删除示例行。</span>
        </p>
        <ErrorBanner error={error} />
        <div className="field">
          <label htmlFor={fileId}>CSV 文件</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            导入
          </button>
        </div>
        {busy ? (
          <div className="progress" role="status">
            <progress aria-label="导入进度" />
            <span>正在上传并逐行校验{file ? `“${file.name}”` : ''}…</span>
          </div>
        ) : null}
      </form>
      {result ? <ImportReport result={result} /> : null}
    </section>
  );
}

/** The summary line: refused rows, and the problems in them when a row has more than one. */
export function importSummary({ created, rejectedTotal, problemsTotal }: ImportResult): string {
  if (rejectedTotal === 0) return `已新建 ${created} 条草稿，没有被拒绝的行。`;
  const problems = problemsTotal > rejectedTotal ? `（共 ${problemsTotal} 处问题）` : '';
  return `已新建 ${created} 条草稿，${rejectedTotal} 行被拒绝${problems}。`;
}

function ImportReport({ result }: { result: ImportResult }) {
  const { created, rejected, rejectedTotal, problemsTotal } = result;
  return (
    <div className="import-report">
      <h2>导入结果</h2>
      <p role="status" className={rejectedTotal > 0 ? '' : 'ok'}>
        {importSummary(result)}
      </p>
      {created > 0 ? (
        <p>
          <a href="#/listings">到“名单”的草稿中审核并发布</a>
        </p>
      ) : null}
      {rejectedTotal > 0 ? (
        <>
          <p className="muted">
            请在表格中改正下列行后，仅将这些行重新导入。
            {problemsTotal > rejected.length
              ? `此处仅列出前 ${MAX_REPORTED_REJECTIONS} 处问题，共 ${problemsTotal} 处。`
              : ''}
          </p>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">被拒绝的行</caption>
              <thead>
                <tr>
                  <th scope="col">行号</th>
                  <th scope="col">字段</th>
                  <th scope="col">原因</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((r) => (
                  <tr key={`${r.row}-${r.field ?? ''}-${r.code}`}>
                    <td className="num">第 {r.row} 行</td>
                    <td>{r.field ? (LISTING_FIELD_LABELS_ZH[r.field] ?? r.field) : '整行'}</td>
                    <td>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
