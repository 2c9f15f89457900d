import { type meRoute, staffTipDetailRoute, staffTipStatusRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import {
  CONSUMPTION_BAN_ITEMS,
  canMoveTip,
  TIP_ASSET_TYPE_LABELS,
  TIP_STATUS_LABELS,
  TIP_STATUSES,
  type TipStatus,
} from '@portal/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ApiClientError, api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { Outcome } from '../components/Outcome.tsx';
import { chinaDateTime } from '../format.ts';
import { TipMapPoint } from './TipMapPoint.tsx';
import { OpenClock } from './TipOpenClock.tsx';
import { TipReveal } from './TipReveal.tsx';

type Me = SuccessBody<typeof meRoute>;
type Detail = SuccessBody<typeof staffTipDetailRoute>;

/**
 * One tip: what was seen, where (coordinates and a drawn sketch, no map tiles), the photos (the
 * staff-only attachment route, same origin), its history, the status change with a message to
 * the tipster, and the identity-reveal request.
 */
export function TipDetail({
  id,
  me,
  onChanged,
  onClose,
}: {
  id: string;
  me: Me;
  onChanged: () => Promise<void>;
  onClose: () => void;
}) {
  const [tip, setTip] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api
      .call(staffTipDetailRoute, { params: { id } })
      .then(async (detail) => {
        if (!live) return;
        setTip(detail);
        // the first opening is recorded by the API: refresh the list's unread marks and clocks
        await onChanged();
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id, onChanged]);
  // focus moves to the tip once it has loaded, for keyboard and screen-reader users
  const loadedId = tip?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (!tip)
    return (
      <div className="card" aria-busy={error ? undefined : 'true'}>
        {error ? <ErrorBanner error={error} /> : <p>正在载入线索…</p>}
      </div>
    );

  const sub =
    tip.assetType !== null
      ? `（${TIP_ASSET_TYPE_LABELS[tip.assetType]}）`
      : tip.consumptionItem !== null
        ? `（第 ${tip.consumptionItem} 项：${CONSUMPTION_BAN_ITEMS.find((i) => i.item === tip.consumptionItem)?.shortLabel ?? ''}）`
        : '';

  return (
    <article className="card tip-detail" aria-labelledby="tip-detail-title">
      <h2 id="tip-detail-title" ref={heading} tabIndex={-1}>
        线索：{tip.listingName}（{tip.kindLabel}）
      </h2>
      <dl className="facts">
        <dt>案件</dt>
        <dd>
          {tip.listingName}，{tip.caseNo}
        </dd>
        <dt>线索类型</dt>
        <dd>
          {tip.kindLabel}
          {sub}
        </dd>
        <dt>情况描述</dt>
        <dd className="pre">{tip.description}</dd>
        <dt>发现时间</dt>
        <dd>{tip.seenAt ? chinaDateTime(tip.seenAt) : '未填写'}</dd>
        <dt>地点</dt>
        <dd>{tip.place ?? '未填写'}</dd>
        <dt>收到时间</dt>
        <dd>
          {chinaDateTime(tip.receivedAt)}
          {tip.openedAt ? `，首次打开 ${chinaDateTime(tip.openedAt)}` : ''}
          <span className="block">
            <OpenClock tip={tip} />
          </span>
        </dd>
        <dt>状态</dt>
        <dd>{tip.statusLabel}</dd>
        {tip.registrationNo ? (
          <>
            <dt>悬赏登记</dt>
            <dd>第 {tip.registrationNo} 号（按提供先后登记）</dd>
          </>
        ) : null}
        <dt>举报人</dt>
        <dd>{tip.hasContact ? '留有联系方式（须经批准方可查看）' : '匿名'}</dd>
      </dl>
      {tip.location ? (
        <section aria-labelledby="tip-map-title">
          <h3 id="tip-map-title">地图位置</h3>
          <TipMapPoint lat={tip.location.lat} lng={tip.location.lng} />
        </section>
      ) : null}
      {tip.attachments.length > 0 ? (
        <section aria-labelledby="tip-photos-title">
          <h3 id="tip-photos-title">照片（{tip.attachments.length} 张，已去除拍摄位置等元数据）</h3>
          <ul className="photos">
            {tip.attachments.map((a, i) => (
              <li key={a.id}>
                <img
                  src={a.url}
                  width={Math.min(a.width, 320)}
                  height={Math.round((Math.min(a.width, 320) * a.height) / Math.max(a.width, 1))}
                  alt={`举报人上传的照片 ${i + 1}（${a.width}×${a.height}）`}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="tip-history-title">
        <h3 id="tip-history-title">办理记录</h3>
        {tip.history.length === 0 ? (
          <p className="muted">尚无办理记录。</p>
        ) : (
          <ol className="history">
            {tip.history.map((h) => (
              <li key={`${h.at}-${h.status}`}>
                {chinaDateTime(h.at)}：{TIP_STATUS_LABELS[h.status]}
                {h.note ? <span className="muted">（内部备注：{h.note}）</span> : null}
              </li>
            ))}
          </ol>
        )}
        <h3>给举报人的答复</h3>
        {tip.messages.length === 0 ? (
          <p className="muted">尚未答复。</p>
        ) : (
          <ol className="history">
            {tip.messages.map((m) => (
              <li key={m.at}>
                {chinaDateTime(m.at)}：{m.text}
              </li>
            ))}
          </ol>
        )}
      </section>
      <StatusForm
        tip={tip}
        onChanged={async (next) => {
          setTip(next);
          await onChanged();
        }}
      />
      {tip.hasContact ? <TipReveal tipId={tip.id} me={me} /> : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>
          关闭详情
        </button>
      </div>
    </article>
  );
}

/** received → in_review → verified / not_useful → closed, or a further message at the same step. */
function StatusForm({ tip, onChanged }: { tip: Detail; onChanged: (next: Detail) => Promise<void> }) {
  const choices = TIP_STATUSES.filter((s) => canMoveTip(tip.status, s));
  const [status, setStatus] = useState<TipStatus | ''>('');
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  if (tip.status === 'closed') return <p className="muted">该线索已办结，不能再变更或答复。</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone('');
    if (!status) {
      setError(new ApiClientError({ status: 400, code: 'VALIDATION_FAILED', message: '请选择新的状态。' }));
      return;
    }
    if (status === tip.status && !message.trim()) {
      setError(
        new ApiClientError({
          status: 400,
          code: 'VALIDATION_FAILED',
          message: '状态未变时，请填写给举报人的答复。',
        }),
      );
      return;
    }
    setBusy(true);
    try {
      const next = await api.call(staffTipStatusRoute, {
        params: { id: tip.id },
        json: {
          status,
          ...(message.trim() ? { messageToTipster: message.trim() } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      });
      setStatus('');
      setMessage('');
      setNote('');
      setDone(
        `已改为“${next.statusLabel}”${message.trim() ? '，答复已发给举报人（凭回执码查询可见）' : ''}。`,
      );
      await onChanged(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="status-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>办理与答复</h3>
      <Outcome error={error} done={done} />
      <div className="field">
        <label htmlFor={`${id}-status`}>新的状态</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as TipStatus | '')}
        >
          <option value="">请选择</option>
          <option value={tip.status}>保持“{tip.statusLabel}”，只答复</option>
          {choices.map((s) => (
            <option key={s} value={s}>
              {TIP_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-message`}>给举报人的答复</label>
        <textarea
          id={`${id}-message`}
          rows={3}
          maxLength={500}
          aria-describedby={`${id}-message-hint`}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
        <span className="hint" id={`${id}-message-hint`}>
          举报人凭回执码查询时可见，最多 500 字；请勿写入案件秘密或他人信息。
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>内部备注</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={1000}
          aria-describedby={`${id}-note-hint`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <span className="hint" id={`${id}-note-hint`}>
          仅工作人员可见。
        </span>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        保存
      </button>
    </form>
  );
}
