/**
 * @portal/domain: every rule of the law the portal applies, pure (no I/O). Import from here only.
 */
export * from './age.ts';
export * from './case-number.ts';
export * from './categories.ts';
export * from './consumption-ban.ts';
export * from './correction-request.ts';
export * from './csv-export.ts';
export * from './csv-import.ts';
export * from './csv-parse.ts';
export * from './csv-template.ts';
export * from './csv-values.ts';
export * from './dates.ts';
export * from './errors.ts';
export * from './field-labels.ts';
export * from './id-number.ts';
export * from './listing-draft.ts';
export * from './listing-draft-body.ts';
export type * from './listing-types.ts';
export * from './money.ts';
export * from './org-code.ts';
export * from './public-display.ts';
export * from './public-projection.ts';
export * from './removal-reasons.ts';
export * from './rewards.ts';
export * from './search-limits.ts';
export * from './term.ts';
export * from './text-normalize.ts';
export * from './tip-clock.ts';
export * from './tips.ts';
export * from './uscc.ts';
export * from './working-days.ts';
