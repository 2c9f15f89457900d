import type { NotifyTargetInput } from '@portal/contract';
import { appendAudit, type Database } from '@portal/db';
import {
  executionUnits,
  type NotificationChannel,
  notifyDisabledTargets,
  unitNotifyTargets,
} from '@portal/db/schema';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { ApiError } from '../../../errors.ts';
import type { StaffPrincipal } from '../../staff/principal.ts';
import { assertCourtAdmin } from '../../staff/staff-auth.ts';
import type { TipsServices } from '../tips-services.ts';
import { assertPublicTarget } from './ssrf-guard.ts';
import { sealTarget, targetAad, urlHashOf } from './target-resolution.ts';

interface Deps {
  db: Database;
  now: () => Date;
  tips: Pick<TipsServices, 'keyring' | 'notify'>;
}

/** What staff see of a URL: scheme and host, never the path or query (a robot URL's key is there). */
export function urlHint(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/…`;
}

async function unitOfCourt(db: Database, principal: StaffPrincipal, unitId: string) {
  const [unit] = await db
    .select({ id: executionUnits.id })
    .from(executionUnits)
    .where(and(eq(executionUnits.id, unitId), eq(executionUnits.courtId, principal.courtId)));
  if (!unit) throw new ApiError('NOT_FOUND', { field: 'unitId', message: '未找到该执行单元。' });
}

/**
 * Sets a unit's target for one channel (court admin). The URL passes the SSRF guard before it is
 * stored; URL and secrets are sealed; saving clears a 410 Gone state of the old and the new URL.
 */
export async function setUnitTarget(
  deps: Deps,
  principal: StaffPrincipal,
  unitId: string,
  channel: NotificationChannel,
  input: NotifyTargetInput,
) {
  assertCourtAdmin(principal);
  await unitOfCourt(deps.db, principal, unitId);
  const secrets = input.secrets ?? [];
  if (channel === 'webhook' && secrets.length === 0)
    throw new ApiError('VALIDATION_FAILED', {
      field: 'secrets',
      message: '签名回调需要至少一个签名密钥（whsec_ 开头），接收方用它核验通知来自本院。',
    });
  if (channel === 'wecom' && secrets.length > 0)
    throw new ApiError('VALIDATION_FAILED', {
      field: 'secrets',
      message: '企业微信群机器人不使用签名密钥，请只填写机器人地址。',
    });
  try {
    await assertPublicTarget(input.url, deps.tips.notify.allowPrivate, deps.tips.notify.resolve);
  } catch {
    throw new ApiError('VALIDATION_FAILED', {
      field: 'url',
      message: '通知地址无法解析或指向内网、本机地址，已拒绝（防止服务端请求伪造）。',
    });
  }
  const sealed = sealTarget(deps.tips.keyring, unitId, channel, input.url, secrets);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [previous] = await tx
      .select({ urlHash: unitNotifyTargets.urlHash })
      .from(unitNotifyTargets)
      .where(and(eq(unitNotifyTargets.unitId, unitId), eq(unitNotifyTargets.channel, channel)))
      .for('update');
    await tx
      .insert(unitNotifyTargets)
      .values({ unitId, channel, ...sealed, urlHint: urlHint(input.url), updatedBy: principal.staffId })
      .onConflictDoUpdate({
        target: [unitNotifyTargets.unitId, unitNotifyTargets.channel],
        set: { ...sealed, urlHint: urlHint(input.url), updatedBy: principal.staffId, updatedAt: now },
      });
    const hashes = [sealed.urlHash, ...(previous ? [previous.urlHash] : [])];
    await tx.delete(notifyDisabledTargets).where(inArray(notifyDisabledTargets.urlHash, hashes));
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'notify_target.set',
      entity: 'execution_unit',
      entityId: unitId,
      // the hint only: the URL (a robot key) and secrets never enter the audit log
      details: { channel, urlHint: urlHint(input.url), secretCount: secrets.length },
    });
  });
  return {
    unitId,
    channel,
    urlHint: urlHint(input.url),
    secretCount: secrets.length,
    disabled: null,
    updatedAt: now.toISOString(),
  };
}

export async function deleteUnitTarget(
  deps: Deps,
  principal: StaffPrincipal,
  unitId: string,
  channel: NotificationChannel,
) {
  assertCourtAdmin(principal);
  await unitOfCourt(deps.db, principal, unitId);
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(unitNotifyTargets)
      .where(and(eq(unitNotifyTargets.unitId, unitId), eq(unitNotifyTargets.channel, channel)))
      .returning({ urlHash: unitNotifyTargets.urlHash });
    if (removed.length === 0)
      throw new ApiError('NOT_FOUND', { message: '该执行单元没有设置这个渠道的通知地址。' });
    await appendAudit(tx, {
      actor: principal.staffId,
      action: 'notify_target.delete',
      entity: 'execution_unit',
      entityId: unitId,
      details: { channel },
    });
  });
  return { unitId, channel };
}

/** Targets as staff see them: a court admin sees every unit's, a unit member only its own. */
export async function listTargets(deps: Deps, principal: StaffPrincipal) {
  if (principal.role === 'custodian') throw new ApiError('FORBIDDEN');
  const rows = await deps.db
    .select({ t: unitNotifyTargets, disabled: notifyDisabledTargets })
    .from(unitNotifyTargets)
    .innerJoin(executionUnits, eq(executionUnits.id, unitNotifyTargets.unitId))
    .leftJoin(notifyDisabledTargets, eq(notifyDisabledTargets.urlHash, unitNotifyTargets.urlHash))
    .where(
      and(
        eq(executionUnits.courtId, principal.courtId),
        principal.role === 'unit_member' ? eq(unitNotifyTargets.unitId, principal.unitId ?? '') : undefined,
      ),
    )
    .orderBy(unitNotifyTargets.unitId, unitNotifyTargets.channel);
  const { keyring, notify } = deps.tips;
  const court = (
    [
      ['webhook', notify.webhookUrl],
      ['wecom', notify.wecomUrl],
    ] as const
  ).filter((e): e is readonly [NotificationChannel, string] => Boolean(e[1]));
  const courtDisabled =
    court.length > 0
      ? await deps.db
          .select()
          .from(notifyDisabledTargets)
          .where(
            and(
              isNull(notifyDisabledTargets.unitId),
              or(...court.map(([, url]) => eq(notifyDisabledTargets.urlHash, urlHashOf(keyring, url)))),
            ),
          )
      : [];
  const disabledView = (d: { disabledAt: Date; reason: string } | null | undefined) =>
    d ? { at: d.disabledAt.toISOString(), reason: d.reason } : null;
  return {
    items: rows.map(({ t, disabled }) => ({
      unitId: t.unitId,
      channel: t.channel,
      urlHint: t.urlHint,
      secretCount: t.secretsSealed
        ? (
            JSON.parse(
              keyring.open(
                'notify-target',
                t.secretsSealed,
                targetAad(t.unitId, t.channel, 'secrets_sealed'),
              ),
            ) as string[]
          ).length
        : 0,
      disabled: disabledView(disabled),
      updatedAt: t.updatedAt.toISOString(),
    })),
    courtWide: court.map(([channel, url]) => ({
      channel,
      urlHint: urlHint(url),
      disabled: disabledView(courtDisabled.find((d) => d.urlHash === urlHashOf(keyring, url))),
    })),
  };
}
