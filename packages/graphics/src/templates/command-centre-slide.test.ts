import { describe, expect, it } from 'vitest';
import { drawnText } from '../testing/inspect.ts';
import {
  COMMAND_CENTRE_ROWS,
  COMMAND_CENTRE_SIZE,
  type CommandCentreUnit,
  commandCentreSlideTree,
} from './command-centre-slide.ts';

const unit = (name: string, over: Partial<CommandCentreUnit> = {}): CommandCentreUnit => ({
  name,
  openTips: 0,
  unopenedTips: 0,
  lateUnopenedTips: 0,
  overdueRemovals: 0,
  openCorrections: 0,
  overdueCorrections: 0,
  nextDeadline: null,
  ...over,
});

const text = (units: CommandCentreUnit[]) =>
  drawnText(
    commandCentreSlideTree({ courtName: '儋州市人民法院', units, date: new Date('2026-11-27T02:00:00Z') }),
    COMMAND_CENTRE_SIZE,
  );

describe('指挥中心 slide content', () => {
  it('draws each unit’s open tips and deadlines, and the totals', async () => {
    const drawn = await text([
      unit('执行一组', { openTips: 12, unopenedTips: 3, lateUnopenedTips: 1, nextDeadline: '2026-12-01' }),
      unit('执行二组', { openTips: 5, overdueRemovals: 2, openCorrections: 4, overdueCorrections: 1 }),
    ]);
    expect(drawn).toContain('执行指挥中心');
    expect(drawn).toContain('截至2026年11月27日');
    expect(drawn).toContain('执行一组');
    expect(drawn).toContain('2026年12月1日');
    // totals: 17 open, 3 unopened, 1 late, 2 removals overdue, 4 corrections open, 1 overdue, nearest date
    expect(drawn).toContain('合计17312412026年12月1日');
  });

  it('says how many units did not fit instead of dropping them silently', async () => {
    const many = Array.from({ length: COMMAND_CENTRE_ROWS + 2 }, (_, i) => unit(`执行${i + 1}组`));
    const drawn = await text(many);
    expect(drawn).toContain('另有 2 个执行单元未显示');
    expect(drawn).not.toContain(`执行${COMMAND_CENTRE_ROWS + 1}组`);
  });

  it('shows a plain message when the court has no units yet', async () => {
    expect(await text([])).toContain('尚未设立执行单元');
  });
});
