import { describe, expect, it } from 'vitest';
import { tipOpenClock } from './tip-clock.ts';

describe('tipOpenClock', () => {
  it('gives a tip received on a Monday until Tuesday, and flags it unopened on Wednesday', () => {
    // 2025-06-09 is a Monday
    expect(tipOpenClock({ receivedOn: '2025-06-09', today: '2025-06-10' })).toEqual({
      receivedOn: '2025-06-09',
      openBy: '2025-06-10',
      workingDaysElapsed: 0,
      state: 'unopened',
      overdue: false,
      estimate: false,
    });
    expect(tipOpenClock({ receivedOn: '2025-06-09', today: '2025-06-11' })).toMatchObject({
      workingDaysElapsed: 1,
      overdue: true,
    });
  });

  it('does not count the National Day holiday: received 30 Sep 2025, due 9 Oct', () => {
    expect(tipOpenClock({ receivedOn: '2025-09-30', today: '2025-10-09' })).toMatchObject({
      openBy: '2025-10-09',
      workingDaysElapsed: 0,
      overdue: false,
    });
    expect(tipOpenClock({ receivedOn: '2025-09-30', today: '2025-10-10' })).toMatchObject({
      workingDaysElapsed: 1,
      overdue: true,
    });
  });

  it('stops at the opening: opened in time stays in time, opened late stays late', () => {
    expect(
      tipOpenClock({ receivedOn: '2025-06-09', openedOn: '2025-06-10', today: '2025-07-01' }),
    ).toMatchObject({ state: 'opened', workingDaysElapsed: 0, overdue: false });
    expect(
      tipOpenClock({ receivedOn: '2025-06-09', openedOn: '2025-06-13', today: '2025-07-01' }),
    ).toMatchObject({ state: 'opened', workingDaysElapsed: 3, overdue: true });
  });

  it('marks a deadline outside the holiday calendar as an estimate', () => {
    expect(tipOpenClock({ receivedOn: '2031-03-03', today: '2031-03-03' }).estimate).toBe(true);
  });
});
