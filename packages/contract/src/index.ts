/**
 * The HTTP contract of `/api/v1` (CONTRACT.md): zod schemas beside the domain rules, and the
 * routes built from them. The API implements these routes; clients call them with `./client`.
 * One file per feature; add new features' schemas and routes here, not in apps.
 */

export * from './audit.ts';
export * from './auth.ts';
export * from './campaign.ts';
export * from './common.ts';
export * from './corrections.ts';
export * from './health.ts';
export * from './listing-edits.ts';
export * from './listing-terms.ts';
export * from './listings.ts';
export * from './media.ts';
export * from './notify-targets.ts';
export * from './openapi.ts';
export * from './period.ts';
export * from './rewards.ts';
export type { ApiRoute } from './route.ts';
export * from './screens.ts';
export * from './search.ts';
export * from './staff-admin.ts';
export * from './stats.ts';
export * from './tip-photos.ts';
export * from './tips.ts';
export * from './tips-staff.ts';
export * from './wechat.ts';
