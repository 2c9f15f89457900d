import { describe, expect, it } from 'vitest';
import { ColumnFlow, type Frame } from './column-flow.ts';

/** Two 100-pt-wide columns; the first page's start at y=300 (under the notice), later pages at y=50. */
const frames = (page: number): Frame[] =>
  [0, 1].map((c) => ({
    x: 10 + c * 110,
    y: page === 1 ? 300 : 50,
    width: 100,
    height: page === 1 ? 200 : 450,
  }));

describe('newspaper column flow', () => {
  it('stacks blocks down a column with the spacing, then moves to the next column, then to a new page', () => {
    const flow = new ColumnFlow(frames, 10);
    expect(flow.place(90)).toEqual({ page: 1, column: 0, x: 10, y: 300 });
    expect(flow.place(90)).toEqual({ page: 1, column: 0, x: 10, y: 400 });
    expect(flow.place(90)).toEqual({ page: 1, column: 1, x: 120, y: 300 });
    expect(flow.place(90)).toEqual({ page: 1, column: 1, x: 120, y: 400 });
    expect(flow.place(90)).toEqual({ page: 2, column: 0, x: 10, y: 50 });
    expect(flow.page).toBe(2);
  });

  it('never splits a block: one that does not fit the rest of a column starts the next', () => {
    const flow = new ColumnFlow(frames, 0);
    flow.place(150);
    expect(flow.place(60)).toEqual({ page: 1, column: 1, x: 120, y: 300 });
  });

  it('gives a block taller than a column a fresh column of its own instead of looping', () => {
    const flow = new ColumnFlow(frames, 0);
    expect(flow.place(500)).toEqual({ page: 1, column: 0, x: 10, y: 300 });
    expect(flow.place(10)).toEqual({ page: 1, column: 1, x: 120, y: 300 });
  });
});
