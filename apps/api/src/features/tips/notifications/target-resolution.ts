import type { Database } from '@portal/db';
import { type NotificationChannel, notifyDisabledTargets, unitNotifyTargets } from '@portal/db/schema';
import { and, eq } from 'drizzle-orm';
import type { TipKeyring } from '../tip-keyring.ts';
import type { NotifyTargets } from '../tips-services.ts';

/**
 * Which URL a unit's notification goes to: the unit's own target for the channel when a court
 * admin set one, else the court-wide target from env. Sealed under the tip keyring, bound to
 * unit and channel, so a row copied onto another unit does not open.
 */
export interface ResolvedTarget {
  url: string;
  /** webhook signing secrets (`whsec_`), first signs; empty for the robot */
  secrets: string[];
  /** keyed hash of the URL: the key of its 410 state */
  urlHash: string;
  /** the unit whose own target this is; null for the court-wide one */
  ownerUnitId: string | null;
}

const PURPOSE = 'notify-target';

export const targetAad = (unitId: string, channel: NotificationChannel, column: string) => ({
  table: 'unit_notify_targets',
  column,
  rowId: `${unitId}/${channel}`,
});

export function urlHashOf(keyring: TipKeyring, url: string): string {
  return keyring.mac('notify-target-url', url);
}

export function sealTarget(
  keyring: TipKeyring,
  unitId: string,
  channel: NotificationChannel,
  url: string,
  secrets: readonly string[],
) {
  return {
    urlSealed: keyring.seal(PURPOSE, url, targetAad(unitId, channel, 'url_sealed')),
    secretsSealed:
      secrets.length > 0
        ? keyring.seal(PURPOSE, JSON.stringify(secrets), targetAad(unitId, channel, 'secrets_sealed'))
        : null,
    urlHash: urlHashOf(keyring, url),
  };
}

/** The channels a unit's notifications go out on: its own targets plus the court-wide ones. */
export async function channelsFor(
  db: Database,
  fallback: NotifyTargets,
  unitId: string | null,
): Promise<NotificationChannel[]> {
  const channels = new Set<NotificationChannel>();
  if (fallback.webhookUrl) channels.add('webhook');
  if (fallback.wecomUrl) channels.add('wecom');
  if (unitId !== null && channels.size < 2) {
    const own = await db
      .select({ channel: unitNotifyTargets.channel })
      .from(unitNotifyTargets)
      .where(eq(unitNotifyTargets.unitId, unitId));
    for (const row of own) channels.add(row.channel);
  }
  return [...channels].sort();
}

export async function targetFor(
  db: Database,
  keyring: TipKeyring,
  fallback: NotifyTargets,
  unitId: string | null,
  channel: NotificationChannel,
): Promise<ResolvedTarget | null> {
  if (unitId !== null) {
    const [own] = await db
      .select()
      .from(unitNotifyTargets)
      .where(and(eq(unitNotifyTargets.unitId, unitId), eq(unitNotifyTargets.channel, channel)));
    if (own) {
      const url = keyring.open(PURPOSE, own.urlSealed, targetAad(unitId, channel, 'url_sealed'));
      const secrets = own.secretsSealed
        ? (JSON.parse(
            keyring.open(PURPOSE, own.secretsSealed, targetAad(unitId, channel, 'secrets_sealed')),
          ) as string[])
        : [];
      return { url, secrets, urlHash: own.urlHash, ownerUnitId: unitId };
    }
  }
  const url = channel === 'webhook' ? fallback.webhookUrl : fallback.wecomUrl;
  if (!url) return null;
  return {
    url,
    secrets: channel === 'webhook' ? fallback.webhookSecrets : [],
    urlHash: urlHashOf(keyring, url),
    ownerUnitId: null,
  };
}

/** The 410 record of a target, if it answered Gone (in any process, before any restart). */
export async function disabledState(db: Database, urlHash: string) {
  const [row] = await db
    .select()
    .from(notifyDisabledTargets)
    .where(eq(notifyDisabledTargets.urlHash, urlHash));
  return row ?? null;
}

export async function disableTarget(
  db: Database,
  target: ResolvedTarget,
  channel: NotificationChannel,
  reason: string,
): Promise<void> {
  await db
    .insert(notifyDisabledTargets)
    .values({ urlHash: target.urlHash, channel, unitId: target.ownerUnitId, reason: reason.slice(0, 300) })
    .onConflictDoNothing();
}
