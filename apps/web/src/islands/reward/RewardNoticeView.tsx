import { ApiClientError } from '@portal/contract/client';
import { rewardDetailRoute } from '@portal/contract/routes';
import { formatFen } from '@portal/domain';
import { useEffect, useState } from 'react';
import { formatDateZh } from '../../lib/format.ts';
import { api, type PublicReward } from '../tip/tip-api.ts';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; notice: PublicReward }
  | { kind: 'gone' }
  | { kind: 'error'; message: string };

const ID = /^[\w-]{1,64}$/;

/** The public fields of the defaulter the notice is about (法释〔2017〕7号 art. 6), nothing more. */
function Defaulter({ d }: { d: PublicReward['defaulter'] }) {
  const rows: [string, string][] = [[d.kind === 'person' ? '姓名' : '名称', d.name]];
  if (d.kind === 'person') {
    if (d.gender) rows.push(['性别', d.gender]);
    if (d.age !== null && d.age !== undefined) rows.push(['年龄', `${d.age}岁`]);
    if (d.idNumberMasked) rows.push(['身份证号码', d.idNumberMasked]);
  } else {
    if (d.uscc) rows.push(['统一社会信用代码', d.uscc]);
    if (d.legalRepresentative) rows.push(['法定代表人', d.legalRepresentative]);
  }
  rows.push(['未履行金额', formatFen(d.amountOwedFen)]);
  return (
    <dl className="fields">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One 悬赏公告 (法释〔2017〕8号 art. 22): the sum or formula, the conditions, the period, and the
 * way to give a lead. The creditor is never named: the notice is the court's.
 */
export function RewardNoticeView({ initialSearch = '' }: { initialSearch?: string }) {
  const id = new URLSearchParams(initialSearch).get('id') ?? '';
  const [state, setState] = useState<State>(() => (ID.test(id) ? { kind: 'loading' } : { kind: 'gone' }));
  useEffect(() => {
    if (!ID.test(id)) return;
    const ctrl = new AbortController();
    api.call(rewardDetailRoute, { params: { id }, signal: ctrl.signal }).then(
      (notice) => setState({ kind: 'ready', notice }),
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiClientError && err.status === 404) setState({ kind: 'gone' });
        else
          setState({
            kind: 'error',
            message: err instanceof ApiClientError ? err.message : '暂时无法读取悬赏公告，请稍后再试。',
          });
      },
    );
    return () => ctrl.abort();
  }, [id]);

  useEffect(() => {
    if (state.kind === 'ready') document.title = `悬赏公告：${state.notice.defaulter.name} - 失信曝光台`;
  }, [state]);

  if (state.kind === 'loading') return <p className="hint">正在读取悬赏公告…</p>;
  if (state.kind === 'error') return <p className="alert">{state.message}</p>;
  if (state.kind === 'gone') {
    return (
      <div className="notice-box" id="reward-gone">
        <h1>这则悬赏公告已经结束</h1>
        <p>悬赏期限已满、公告已撤回，或者被执行人的失信信息已依法删除。</p>
        <p>
          <a href="/rewards/">查看正在发布的悬赏公告</a>
        </p>
      </div>
    );
  }
  const n = state.notice;
  return (
    <article className="reward-notice" aria-labelledby="reward-title">
      <h1 id="reward-title">
        悬赏公告
        {n.demo && <span className="badge demo">演示数据</span>}
      </h1>
      {n.demo && (
        <p className="notice-box">
          这是一则<strong>演示数据</strong>，由程序生成，不对应任何真实人员或单位。
        </p>
      )}
      <p>{`${n.court}　案号：${n.caseNo}`}</p>
      <p>经申请执行人申请，为查找被执行人及其财产，本院依法发布悬赏公告如下：</p>
      <h2>被执行人</h2>
      <Defaulter d={n.defaulter} />
      <h2>悬赏金</h2>
      <p className="reward-terms" id="reward-terms">
        {n.termsText}
      </p>
      <h2>领取条件</h2>
      <ol id="reward-conditions">
        {n.conditions.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <p>
        <strong>{`悬赏期限：${formatDateZh(n.startsAt)}至${formatDateZh(n.endsAt)}`}</strong>
      </p>
      <p>
        举报人须留下真实姓名和联系方式，法院按提供线索的先后顺序登记；两人以上提供相同线索的，以先提供者为准。举报人身份依法保密，仅在核实线索和发放悬赏金时使用。申请执行人的代理人、负有报告财产义务的人员提供线索的，不予发放。
      </p>
      {n.courtPhone && <p>{`本院联系电话：${n.courtPhone}`}</p>}
      <p>
        <a className="button" href={`/report/?notice=${encodeURIComponent(n.id)}`}>
          我要提供线索
        </a>
      </p>
      <p>
        <a href={`/listings/${encodeURIComponent(n.listingId)}/`}>查看被执行人的公布信息</a> ·{' '}
        <a href="/rewards/">全部悬赏公告</a>
      </p>
    </article>
  );
}
