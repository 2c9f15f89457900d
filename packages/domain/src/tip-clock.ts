/**
 * The inbox clock of a tip: the plan asks units to open a tip within one working day of its
 * arrival (the campaign counts "tips opened within 1 working day", and the reminder worker nags a
 * unit whose tips stay unopened longer). Pure, no I/O.
 */
import { addDays } from './dates.ts';
import { addWorkingDays, isSpanAuthoritative, isWorkingDay } from './working-days.ts';

/** Where a tip stands against its one-working-day opening deadline. */
export interface TipOpenClock {
  /** China date the tip arrived, `YYYY-MM-DD` */
  receivedOn: string;
  /** last day to open it: the first working day after arrival */
  openBy: string;
  /** whole working days that passed after the arrival day, before `today` (or the opening day) */
  workingDaysElapsed: number;
  state: 'unopened' | 'opened';
  /** unopened after `openBy`, or opened after it */
  overdue: boolean;
  /** `openBy` falls outside the bundled holiday calendar: label it 估算 */
  estimate: boolean;
}

/** Working days strictly between `from` and `to` (both exclusive). */
function workingDaysBetween(from: string, to: string): number {
  let n = 0;
  for (let day = addDays(from, 1); day < to; day = addDays(day, 1)) if (isWorkingDay(day)) n++;
  return n;
}

/**
 * The opening clock of a tip received on `receivedOn`, opened on `openedOn` (or not yet), seen on
 * `today`. Overdue exactly when a whole working day passed after the arrival day unopened — the
 * same rule as the unit reminders.
 * @example
 * tipOpenClock({ receivedOn: '2025-09-30', openedOn: null, today: '2025-10-10' })
 * // { receivedOn: '2025-09-30', openBy: '2025-10-09', workingDaysElapsed: 1, state: 'unopened', overdue: true, estimate: false }
 */
export function tipOpenClock(input: {
  receivedOn: string;
  openedOn?: string | null;
  today: string;
}): TipOpenClock {
  const openBy = addWorkingDays(input.receivedOn, 1);
  const until = input.openedOn ?? input.today;
  return {
    receivedOn: input.receivedOn,
    openBy,
    workingDaysElapsed: workingDaysBetween(input.receivedOn, until),
    state: input.openedOn ? 'opened' : 'unopened',
    overdue: until > openBy,
    estimate: !isSpanAuthoritative(input.receivedOn, openBy),
  };
}
