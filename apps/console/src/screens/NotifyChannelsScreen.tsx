import { listUnitsRoute, notifyTargetDeleteRoute, notifyTargetListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { Outcome } from '../components/Outcome.tsx';
import { chinaDateTime } from '../format.ts';
import { DeadLetters } from './DeadLetters.tsx';
import { NotifyTargetForm } from './NotifyTargetForm.tsx';
import {
  CHANNEL_NAMES,
  CHANNELS,
  type Channel,
  type NotifyTargets,
  type UnitTarget,
} from './notify-channels.ts';

type Unit = SuccessBody<typeof listUnitsRoute>['items'][number];
type Slot = { unit: Unit; channel: Channel };

/** A target's state: sending, or stopped by the receiver's 410 Gone until it is saved again. */
function TargetState({ disabled }: { disabled: UnitTarget['disabled'] }) {
  if (!disabled) return <>启用</>;
  return (
    <>
      <strong className="flag">已停用</strong>
      <span className="block">
        接收方答复 410 Gone，自 {chinaDateTime(disabled.at)} 起停止发送；重新保存该地址即恢复。
      </span>
    </>
  );
}

/**
 * 通知渠道 (court admin): where each execution unit's new-tip notices go — a signed webhook and a
 * 企业微信 group robot — with their state, and the notifications that could not be delivered.
 * A unit without its own target uses the court-wide one. URLs and secrets are write-only.
 */
export function NotifyChannelsScreen() {
  const [units, setUnits] = useState<Unit[] | null>(null);
  const [targets, setTargets] = useState<NotifyTargets | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [editing, setEditing] = useState<Slot | null>(null);
  const [removing, setRemoving] = useState<Slot | null>(null);

  const load = useCallback(async () => {
    try {
      const [u, t] = await Promise.all([api.call(listUnitsRoute), api.call(notifyTargetListRoute)]);
      setUnits(u.items);
      setTargets(t);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const targetOf = (unitId: string, channel: Channel) =>
    targets?.items.find((t) => t.unitId === unitId && t.channel === channel);

  async function remove({ unit, channel }: Slot) {
    setError(null);
    try {
      await api.call(notifyTargetDeleteRoute, { params: { unitId: unit.id, channel } });
      setRemoving(null);
      setDone(`已删除${unit.name}的${CHANNEL_NAMES[channel]}地址，此后使用全院默认地址。`);
      await load();
    } catch (e) {
      setError(e);
    }
  }

  function open(slot: Slot, action: 'edit' | 'remove') {
    setDone('');
    setError(null);
    setEditing(action === 'edit' ? slot : null);
    setRemoving(action === 'remove' ? slot : null);
  }

  return (
    <section aria-labelledby="channels-title">
      <h1 id="channels-title">通知渠道</h1>
      <p className="muted">
        新线索和未阅提醒按执行单元发到这里设置的地址；没有设置的执行单元使用全院默认地址。地址和密钥保存后只显示协议和主机。
      </p>
      <Outcome error={error} done={done} />

      <h2>全院默认地址</h2>
      {targets && targets.courtWide.length === 0 ? (
        <p className="muted">未配置全院默认地址（服务器设置 TIP_WEBHOOK_URL、TIP_WECOM_ROBOT_URL）。</p>
      ) : (
        <ul className="court-targets">
          {(targets?.courtWide ?? []).map((t) => (
            <li key={t.channel}>
              {CHANNEL_NAMES[t.channel]}：{t.urlHint}，<TargetState disabled={t.disabled} />
            </li>
          ))}
        </ul>
      )}

      <h2>各执行单元的通知地址</h2>
      {editing ? (
        <NotifyTargetForm
          key={`${editing.unit.id}-${editing.channel}`}
          unit={editing.unit}
          channel={editing.channel}
          current={targetOf(editing.unit.id, editing.channel)}
          onCancel={() => setEditing(null)}
          onSaved={async (message) => {
            setEditing(null);
            setDone(message);
            await load();
          }}
        />
      ) : null}
      {removing ? (
        <section className="card decision-form" aria-label="确认删除通知地址">
          <p>
            删除{removing.unit.name}的{CHANNEL_NAMES[removing.channel]}
            地址？删除后该单元的通知改用全院默认地址。
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => remove(removing)}>
              确认删除
            </button>
            <button type="button" className="secondary" onClick={() => setRemoving(null)}>
              取消
            </button>
          </div>
        </section>
      ) : null}
      <p className="muted" aria-live="polite">
        {units ? `共 ${units.length} 个执行单元` : '正在载入…'}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">各执行单元的通知地址</caption>
          <thead>
            <tr>
              <th scope="col">执行单元</th>
              <th scope="col">渠道</th>
              <th scope="col">地址</th>
              <th scope="col">状态</th>
              <th scope="col">更新时间</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {(units ?? []).flatMap((unit) =>
              CHANNELS.map((channel) => {
                const t = targetOf(unit.id, channel);
                const what = `${unit.name} 的${CHANNEL_NAMES[channel]}地址`;
                return (
                  <tr key={`${unit.id}-${channel}`}>
                    <td>{unit.name}</td>
                    <td>{CHANNEL_NAMES[channel]}</td>
                    <td>
                      {t ? (
                        <>
                          {t.urlHint}
                          {channel === 'webhook' ? (
                            <span className="muted block">签名密钥 {t.secretCount} 个</span>
                          ) : null}
                        </>
                      ) : (
                        <span className="muted">未设置，使用全院默认地址</span>
                      )}
                    </td>
                    <td>{t ? <TargetState disabled={t.disabled} /> : '—'}</td>
                    <td className="nowrap">{t ? chinaDateTime(t.updatedAt) : '—'}</td>
                    <td>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`${t ? '修改' : '设置'} ${what}`}
                          onClick={() => open({ unit, channel }, 'edit')}
                        >
                          {t ? '修改' : '设置'}
                        </button>
                        {t ? (
                          <button
                            type="button"
                            className="secondary"
                            aria-label={`删除 ${what}`}
                            onClick={() => open({ unit, channel }, 'remove')}
                          >
                            删除
                          </button>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              }),
            )}
            {units && units.length === 0 ? (
              <tr>
                <td colSpan={6}>还没有执行单元，请先在“账号与执行单元”中创建。</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <DeadLetters unitNames={new Map((units ?? []).map((u) => [u.id, u.name]))} />
    </section>
  );
}
