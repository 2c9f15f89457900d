import { type Database, toArrayLiteral } from '@portal/db';
import { idempotencyKeys, listings, tips } from '@portal/db/schema';
import { type SQL, sql } from 'drizzle-orm';
import type { PreparedTip } from './prepared-tip.ts';

/** `execute` answers an array on postgres-js and `{ rows }` on PGlite. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * One parameter holding a whole column of a batch: a PostgreSQL array literal sent as text and
 * cast to `type[]` by the server (both drivers pass a string through as it is; neither
 * serialises a JS array the same way).
 */
export function arrayParam(values: readonly (string | number | null)[], type: string) {
  return sql`${toArrayLiteral(values)}::text::${sql.raw(type)}[]`;
}

/**
 * What a batch needs to know before it writes, in one statement: the transaction's time (the
 * tips' `created_at`), the keys another process holds (PostgreSQL: `pg_try_advisory_xact_lock`,
 * taking the others), earlier answers stored under the keys, and the listings named.
 */
export async function firstLook(tx: Database, keyHashes: string[], lockKeys: boolean, listingIds: string[]) {
  const keys = arrayParam(keyHashes, 'text');
  const [row] = rowsOf<{ now: string | Date; refused: string; earlier: string; listings: string }>(
    await tx.execute(sql`
      select now() as now,
        ${
          lockKeys && keyHashes.length > 0
            ? sql`(select coalesce(json_agg(v.k), '[]')::text from unnest(${keys}) as v(k)
                where not pg_try_advisory_xact_lock(hashtextextended(v.k, 0)))`
            : sql`'[]'`
        } as refused,
        ${
          keyHashes.length > 0
            ? sql`(select coalesce(json_agg(json_build_array(i.key_hash, i.fingerprint, i.response_sealed)), '[]')::text
                from ${idempotencyKeys} i where i.key_hash = any(${keys}))`
            : sql`'[]'`
        } as earlier,
        (select coalesce(json_agg(json_build_array(l.id, l.status, l.unit_id)), '[]')::text
          from ${listings} l where l.id = any(${arrayParam(listingIds, 'text')})) as listings`),
  );
  const earlier = JSON.parse(row!.earlier) as [string, string, string][];
  const found = JSON.parse(row!.listings) as [string, string, string | null][];
  return {
    now: new Date(row!.now),
    refused: new Set(JSON.parse(row!.refused) as string[]),
    earlier: new Map(
      earlier.map(([keyHash, fingerprint, responseSealed]) => [keyHash, { fingerprint, responseSealed }]),
    ),
    listings: new Map(found.map(([id, status, unitId]) => [id, { status, unitId }])),
  };
}

/** A column of `tips` that a batch sends as one array parameter: name, PostgreSQL type, value. */
type TipColumn = [
  name: string,
  type: string,
  value: (tip: PreparedTip, registrationNo: number | null) => string | number | null,
];

const TIP_COLUMNS: readonly TipColumn[] = [
  ['id', 'text', (t) => t.tipId],
  ['listing_id', 'text', (t) => t.fields.listingId],
  ['reward_notice_id', 'text', (t) => t.fields.rewardNoticeId ?? null],
  ['registration_no', 'int4', (_, n) => n],
  ['kind', 'text', (t) => t.fields.kind],
  ['asset_type', 'text', (t) => t.fields.assetType ?? null],
  ['consumption_item', 'int2', (t) => t.fields.consumptionItem ?? null],
  ['description', 'text', (t) => t.fields.description],
  ['seen_at', 'timestamptz', (t) => (t.fields.seenAt ? new Date(t.fields.seenAt).toISOString() : null)],
  ['place', 'text', (t) => t.fields.place || null],
  ['location_lat', 'float8', (t) => t.fields.location?.lat ?? null],
  ['location_lng', 'float8', (t) => t.fields.location?.lng ?? null],
  ['contact_sealed', 'text', (t) => t.contactSealed],
  ['receipt_hash', 'text', (t) => t.receiptHash],
  ['photo_count', 'int2', (t) => t.attachments.length],
];
const TIP_COLUMN_NAMES = sql.raw(TIP_COLUMNS.map(([name]) => name).join(', '));

/**
 * The batch's tips in ONE insert whose parameters are one array per column (`unnest`): the
 * statement text is the same for every batch size, and building it costs the same for 1 tip or
 * 64 (a multi-row VALUES costs a parameter per column and tip to build, send and parse). The
 * registration time is the moment the row is written (art. 23 orders by it).
 */
export function tipsInsert(
  batch: readonly PreparedTip[],
  stored: number[],
  registrationNo: Map<number, number>,
): SQL {
  const columns = TIP_COLUMNS.map(([, type, value]) =>
    arrayParam(
      stored.map((i) => value(batch[i]!, registrationNo.get(i) ?? null)),
      type,
    ),
  );
  return sql`
      insert into ${tips} (${TIP_COLUMN_NAMES}, registered_at, has_contact)
      select ${TIP_COLUMN_NAMES},
        case when registration_no is null then null else clock_timestamp() end,
        contact_sealed is not null
      from unnest(${sql.join(columns, sql`, `)}) as v(${TIP_COLUMN_NAMES})
      returning id`;
}
