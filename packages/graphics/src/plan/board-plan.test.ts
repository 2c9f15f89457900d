import { describe, expect, it } from 'vitest';
import { fakeListing, fakeListings } from '../testing/fixtures.ts';
import { boardSlidePlan, DEFAULT_PER_PAGE, livelihoodSlidePlan } from './board-plan.ts';

describe('board slide plan', () => {
  it('splits listings into pages of the orientation’s size, keeping order', () => {
    const all = fakeListings(13);
    const plan = boardSlidePlan(all, { orientation: 'landscape' });
    expect(DEFAULT_PER_PAGE.landscape).toBe(6);
    expect(plan.pages).toBe(3);
    expect(plan.slides.map((s) => s.length)).toEqual([6, 6, 1]);
    expect(plan.slides.flat()).toEqual(all);
    expect(boardSlidePlan(all, { orientation: 'portrait' }).pages).toBe(2);
    expect(boardSlidePlan(all, { orientation: 'landscape', perPage: 5 }).pages).toBe(3);
  });

  it('has one empty page when nothing is published', () => {
    expect(boardSlidePlan([], { orientation: 'landscape' })).toEqual({ pages: 1, slides: [[]] });
  });

  it('never shows the same listing twice', () => {
    const a = fakeListing(1);
    const plan = boardSlidePlan([a, fakeListing(2), { ...a }], { orientation: 'landscape' });
    expect(plan.slides.flat().map((l) => l.id)).toEqual([a.id, fakeListing(2).id]);
  });

  it('puts only 涉民生 listings on the livelihood slides', () => {
    const plan = livelihoodSlidePlan(fakeListings(12), { orientation: 'landscape' });
    expect(plan.slides.flat().every((l) => l.livelihood)).toBe(true);
    expect(plan.slides.flat()).toHaveLength(4);
  });
});
