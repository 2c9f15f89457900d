import { ApiClientError, type SuccessBody } from '@portal/contract/client';
import { rewardListRoute } from '@portal/contract/routes';
import { formatFen } from '@portal/domain';
import { useEffect, useState } from 'react';
import { formatDateZh } from '../../lib/format.ts';
import { api } from '../tip/tip-api.ts';

type RewardPage = SuccessBody<typeof rewardListRoute>;
type State = { kind: 'loading' } | { kind: 'ready'; page: RewardPage } | { kind: 'error'; message: string };

/** 悬赏公告 in force, newest first as the API lists them: who, how much, until when. */
export function RewardList() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const ctrl = new AbortController();
    api.call(rewardListRoute, { signal: ctrl.signal }).then(
      (page) => setState({ kind: 'ready', page }),
      (err: unknown) =>
        ctrl.signal.aborted ||
        setState({
          kind: 'error',
          message: err instanceof ApiClientError ? err.message : '暂时无法读取悬赏公告，请稍后再试。',
        }),
    );
    return () => ctrl.abort();
  }, []);

  if (state.kind === 'loading') return <p className="hint">正在读取悬赏公告…</p>;
  if (state.kind === 'error') return <p className="alert">{state.message}</p>;
  const { items, total } = state.page;
  if (items.length === 0) {
    return (
      <p className="notice-box" id="reward-list-empty">
        目前没有正在发布的悬赏公告。您仍可以就任何一条公布的失信信息举报线索。
      </p>
    );
  }
  return (
    <>
      <p role="status">{`共有 ${total} 则正在发布的悬赏公告。`}</p>
      <ul className="card-list reward-list">
        {items.map((n) => (
          <li className="card" key={n.id}>
            <h3>
              <a
                href={`/rewards/notice/?id=${encodeURIComponent(n.id)}`}
              >{`悬赏公告：${n.defaulter.name}`}</a>
              {n.demo && <span className="badge demo">演示数据</span>}
            </h3>
            <p className="meta">{`${n.court}　${n.caseNo}`}</p>
            <p className="reward-terms">{n.termsText}</p>
            <p className="meta">
              {`未履行金额 ${formatFen(n.defaulter.amountOwedFen)}　悬赏至 ${formatDateZh(n.endsAt)}`}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
