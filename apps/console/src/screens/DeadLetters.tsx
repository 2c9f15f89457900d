import { notificationListRoute } from '@portal/contract';
import type { SuccessBody } from '@portal/contract/client';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBanner } from '../components/ErrorBanner.tsx';
import { chinaDateTime } from '../format.ts';

type Delivery = SuccessBody<typeof notificationListRoute>['items'][number];

const EVENT_LABELS: Record<string, string> = {
  'tip.received': '新线索通知',
  'tips.reminder': '未阅线索提醒',
};
const CHANNEL_LABELS: Record<Delivery['channel'], string> = { webhook: 'Webhook', wecom: '企业微信' };

/**
 * Notifications of new tips that could not be delivered (dead letters): the unit would not have
 * heard of those tips through its usual channel, so the inbox shows them until someone looks.
 * Given the units' names (the 通知渠道 screen), it also says whose notification it was.
 */
export function DeadLetters({ unitNames }: { unitNames?: ReadonlyMap<string, string> } = {}) {
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api
      .call(notificationListRoute, { query: { state: 'dead' } })
      .then((r) => setItems(r.items))
      .catch(setError);
  }, []);

  return (
    <section aria-labelledby="dead-letters-title" className="dead-letters">
      <h2 id="dead-letters-title">投递失败的通知{items ? `（${items.length}）` : ''}</h2>
      <ErrorBanner error={error} />
      {items && items.length === 0 ? (
        <p className="muted">没有投递失败的通知。</p>
      ) : items ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">投递失败的通知</caption>
            <thead>
              <tr>
                <th scope="col">产生时间</th>
                {unitNames ? <th scope="col">执行单元</th> : null}
                <th scope="col">通知</th>
                <th scope="col">渠道</th>
                <th scope="col">尝试次数</th>
                <th scope="col">最后的错误</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{chinaDateTime(d.createdAt)}</td>
                  {unitNames ? (
                    <td>{d.unitId ? (unitNames.get(d.unitId) ?? d.unitId) : '全院默认地址'}</td>
                  ) : null}
                  <td>{EVENT_LABELS[d.event] ?? d.event}</td>
                  <td>{CHANNEL_LABELS[d.channel]}</td>
                  <td className="num">{d.attempts}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
