import type { VNode } from '../h.ts';
import { COLORS } from '../theme.ts';
import { type BoardSlideInput, boardSlideTree } from './board-slide.ts';

export type LivelihoodSlideInput = Omit<BoardSlideInput, 'title' | 'band' | 'notice' | 'emptyText'>;

/**
 * 涉民生 slide: cases over unpaid wages, personal injury and traffic accidents, which the
 * campaign enforces first. Same rows as the board; pass one slide of `livelihoodSlidePlan`.
 */
export function livelihoodSlideTree(input: LivelihoodSlideInput): Promise<VNode> {
  return boardSlideTree({
    ...input,
    title: '涉民生案件失信被执行人',
    band: COLORS.redDark,
    notice: '追索劳动报酬 · 人身损害赔偿 · 交通事故赔偿　涉民生案件优先执行',
    emptyText: '暂无涉民生案件失信被执行人',
  });
}
