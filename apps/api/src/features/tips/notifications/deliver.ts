import type { Agent } from 'node:http';
import type { TipNotificationRow } from '@portal/db/schema';
import type { NotifyTargets } from '../tips-services.ts';
import { guardedPost } from './guarded-post.ts';
import { webhookHeaders } from './standard-webhooks.ts';
import type { ResolvedTarget } from './target-resolution.ts';

export type DeliveryOutcome = { ok: true } | { ok: false; error: string; gone?: boolean };

const TIMEOUT_MS = 10_000;

/**
 * Sends one notification to its resolved target, through the SSRF guard. Only a 2xx counts
 * (企业微信 also needs `errcode: 0`); redirects are not followed; 410 Gone means the receiver asks
 * us to stop. `unopened` is the unit's count of tips not yet opened, the only figure a message
 * carries.
 */
export async function deliver(
  row: TipNotificationRow,
  target: ResolvedTarget | null,
  policy: Pick<NotifyTargets, 'allowPrivate' | 'resolve'>,
  unopened: number,
  nowMs: number,
  /** the batch's keep-alive agent for this target (`batchAgents`), if any */
  agent?: Agent,
): Promise<DeliveryOutcome> {
  if (!target) return { ok: false, error: `no ${row.channel} target configured` };
  let body: string;
  let headers: Record<string, string>;
  if (row.channel === 'webhook') {
    const timestamp = Math.floor(nowMs / 1000);
    body = JSON.stringify({
      type: row.event,
      timestamp: new Date(nowMs).toISOString(),
      data: { ...row.payload, unopened },
    });
    headers = webhookHeaders(target.secrets, row.id, timestamp, body);
  } else {
    const text =
      row.event === 'tips.reminder'
        ? `提醒：有 ${unopened} 条举报线索超过 1 个工作日未查看，请登录执行工作平台处理。`
        : `有 ${unopened} 条新的举报线索待查看，请登录执行工作平台处理。`;
    body = JSON.stringify({ msgtype: 'text', text: { content: text } });
    headers = { 'content-type': 'application/json' };
  }
  try {
    const res = await guardedPost(target.url, {
      body,
      headers,
      timeoutMs: TIMEOUT_MS,
      allowPrivate: policy.allowPrivate,
      resolve: policy.resolve,
      agent,
    });
    const text = res.text;
    if (res.status === 410) return { ok: false, error: 'receiver answered 410 Gone', gone: true };
    if (res.status < 200 || res.status >= 300) return { ok: false, error: `receiver answered ${res.status}` };
    if (row.channel === 'wecom') {
      const answer = safeJson(text) as { errcode?: number; errmsg?: string } | null;
      if (answer?.errcode !== 0)
        return {
          ok: false,
          error: `企业微信 errcode ${answer?.errcode ?? '?'} ${answer?.errmsg ?? ''}`.trim(),
        };
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
