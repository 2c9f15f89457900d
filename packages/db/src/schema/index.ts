export * from './audit-log.ts';
export * from './correction-requests.ts';
export * from './courts.ts';
export * from './execution-units.ts';
export * from './listings.ts';
export * from './outbox.ts';
export * from './staff.ts';
export * from './staff-tokens.ts';
