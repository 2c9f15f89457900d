import {
  type AuditEntryView,
  type AuditVerificationView,
  auditListRoute,
  auditVerificationRoute,
  listStaffRoute,
} from '@portal/contract';
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react';
import { api } from '../api.ts';
import { auditActionLabel, auditEntityLabel } from '../campaign/audit-labels.ts';
import { Pager } from '../components/Pager.tsx';
import '../campaign/campaign.css';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Field } from '../components/Field.tsx';

const PAGE_SIZE = 50;

interface Filters {
  listingId: string;
  actor: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { listingId: '', actor: '', from: '', to: '' };

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** The chain's verification: intact with its length, or the first row that does not fit. */
function Verification({ v, onRecheck }: { v: AuditVerificationView | null; onRecheck: () => void }) {
  return (
    <section
      className={`audit-verify ${v ? (v.ok ? 'ok' : 'broken') : ''}`}
      aria-labelledby="audit-verify-title"
      aria-live="polite"
    >
      <h2 id="audit-verify-title">哈希链校验</h2>
      {v === null ? (
        <p>正在校验…</p>
      ) : v.ok ? (
        <p>
          校验通过：全部 {v.count.toLocaleString('zh-CN')} 条记录完整，未发现删除或篡改。（{when(v.checkedAt)}
          ）
        </p>
      ) : (
        <p role="alert">
          校验未通过：第 {v.brokenAtSeq} 条记录异常——{v.problem}（{when(v.checkedAt)}）
        </p>
      )}
      <button type="button" className="secondary" onClick={onRecheck}>
        重新校验
      </button>
    </section>
  );
}

/**
 * 审计日志 (court admins): the hash-chained trail of every publish, change, removal and access,
 * filtered by listing, actor and date, newest first, with the chain's verification on top.
 * Details arrive redacted by the API (no phone, ID or contact).
 */
export function AuditScreen() {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: AuditEntryView[]; total: number } | null>(null);
  const [verification, setVerification] = useState<AuditVerificationView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [actors, setActors] = useState<{ id: string; label: string }[]>([]);
  const actorId = useId();

  useEffect(() => {
    api
      .call(listStaffRoute)
      .then((list) =>
        setActors([
          ...list.items.map((s) => ({ id: s.id, label: s.username ? `${s.name}（${s.username}）` : s.name })),
          { id: 'system', label: '系统（system）' },
          { id: 'public', label: '公众（public）' },
        ]),
      )
      .catch(() => setActors([]));
  }, []);

  const verify = useCallback(async () => {
    setVerification(null);
    try {
      setVerification(await api.call(auditVerificationRoute));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void verify();
  }, [verify]);

  useEffect(() => {
    let live = true;
    const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
    api
      .call(auditListRoute, { query: { ...query, page: String(page), pageSize: String(PAGE_SIZE) } })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if (!live) return;
        setData(null); // never show the previous query's rows under a refused one
        setError(e);
      });
    return () => {
      live = false;
    };
  }, [filters, page]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setPage(1);
    setFilters({ ...draft });
  }
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value.trim() }));
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <h1>审计日志</h1>
      <Verification v={verification} onRecheck={() => void verify()} />
      <form className="audit-filters" onSubmit={submit} aria-label="筛选审计记录">
        <Field label="名单编号" value={draft.listingId} onChange={set('listingId')} />
        <div className="field">
          <label htmlFor={actorId}>操作人</label>
          <select id={actorId} value={draft.actor} onChange={set('actor')}>
            <option value="">全部</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <Field label="开始日期" type="date" value={draft.from} onChange={set('from')} />
        <Field label="结束日期" type="date" value={draft.to} onChange={set('to')} />
        <div className="field">
          <button type="submit" className="primary">
            查询
          </button>
        </div>
      </form>
      <ErrorBanner error={error} />
      {data ? (
        <>
          <p>共 {data.total.toLocaleString('zh-CN')} 条记录，按时间倒序。</p>
          <div className="table-scroll">
            <table aria-label="审计记录">
              <thead>
                <tr>
                  <th scope="col">序号</th>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">操作</th>
                  <th scope="col">对象</th>
                  <th scope="col">事由</th>
                  <th scope="col">详情</th>
                  <th scope="col">哈希</th>
                </tr>
              </thead>
              <tbody>
                {data.items.length === 0 ? (
                  <tr>
                    <td colSpan={8}>没有符合条件的记录。</td>
                  </tr>
                ) : null}
                {data.items.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="nowrap">{when(e.at)}</td>
                    <td>
                      {e.actorName ?? e.actor}
                      {e.actorName ? <span className="block muted">{e.actor}</span> : null}
                    </td>
                    <td>{auditActionLabel(e.action)}</td>
                    <td>
                      {auditEntityLabel(e.entity)} <span className="block muted">{e.entityId}</span>
                    </td>
                    <td>{e.reason ?? '—'}</td>
                    <td>
                      {e.details ? (
                        // focusable: a keyboard user can scroll a long one (max-height in campaign.css)
                        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
                        <pre className="audit-details" tabIndex={0}>
                          {JSON.stringify(e.details, null, 1)}
                        </pre>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="hash" title={e.hash}>
                      {e.hash.slice(0, 12)}…
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={pages} onPage={setPage} label="审计记录分页" showPosition />
        </>
      ) : null}
    </>
  );
}
