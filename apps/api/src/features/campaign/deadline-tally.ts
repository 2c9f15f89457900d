import type { DeadlineCompliance } from '@portal/contract';

/** Where one deadline-bound item stands: done in time, done late, not done past the deadline, not yet due. */
export type DeadlineState = 'met' | 'late' | 'overdue' | 'pending';

export interface Tally {
  met: number;
  late: number;
  overdue: number;
  pending: number;
  estimated: number;
}

export const emptyTally = (): Tally => ({ met: 0, late: 0, overdue: 0, pending: 0, estimated: 0 });

export function countInto(tally: Tally, state: DeadlineState, estimate: boolean): void {
  tally[state]++;
  if (estimate) tally.estimated++;
}

export function addTallies(...tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.met += t.met;
    sum.late += t.late;
    sum.overdue += t.overdue;
    sum.pending += t.pending;
    sum.estimated += t.estimated;
  }
  return sum;
}

/**
 * The figures with the rate: met ÷ (met + late + overdue). Items still inside their deadline do
 * not count either way; with nothing due the rate is null ("no deadline fell due"), never 100 %.
 * @example
 * withRate({ met: 3, late: 1, overdue: 0, pending: 2, estimated: 0 }).rate // 0.75
 */
export function withRate(t: Tally): DeadlineCompliance {
  const due = t.met + t.late + t.overdue;
  return { ...t, rate: due === 0 ? null : t.met / due };
}

/** How a fix or removal clock's state reads as a deadline state. */
export function stateOf(done: boolean, overdue: boolean): DeadlineState {
  if (done) return overdue ? 'late' : 'met';
  return overdue ? 'overdue' : 'pending';
}
