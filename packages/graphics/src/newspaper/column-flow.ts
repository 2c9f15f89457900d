/** A column box on a page, in points from the page's top-left corner. */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a block goes: 1-based page, 0-based column, and its top-left corner. */
export interface Placement {
  page: number;
  column: number;
  x: number;
  y: number;
}

/**
 * Newspaper-style flow of blocks down columns and across pages: a block goes under the previous
 * one when it fits, else to the top of the next column, else to the first column of a new page.
 * Blocks are never split, so an entry is read in one place. A block taller than a whole column
 * still gets a fresh column of its own (callers keep blocks shorter than that).
 *
 * @example
 * const flow = new ColumnFlow((page) => frames(page), 6);
 * flow.place(80) // { page: 1, column: 0, x: 36, y: 400 }
 */
export class ColumnFlow {
  #page = 1;
  #column = 0;
  #y: number;
  #frames: Frame[];
  readonly #framesOf: (page: number) => Frame[];
  readonly #spacing: number;

  /** `framesOf(page)` gives the columns of a page (the first page's start lower, under the notice). */
  constructor(framesOf: (page: number) => Frame[], spacing: number) {
    this.#framesOf = framesOf;
    this.#spacing = spacing;
    this.#frames = framesOf(1);
    this.#y = this.#frame().y;
  }

  #frame(): Frame {
    const f = this.#frames[this.#column];
    if (!f) throw new RangeError(`page ${this.#page} has no column ${this.#column}`);
    return f;
  }

  place(height: number): Placement {
    let frame = this.#frame();
    const used = this.#y > frame.y;
    if (used && this.#y + height > frame.y + frame.height) {
      if (this.#column + 1 < this.#frames.length) {
        this.#column++;
      } else {
        this.#page++;
        this.#column = 0;
        this.#frames = this.#framesOf(this.#page);
      }
      frame = this.#frame();
      this.#y = frame.y;
    }
    const at = { page: this.#page, column: this.#column, x: frame.x, y: this.#y };
    this.#y += height + this.#spacing;
    return at;
  }

  /** The page the next block would start on (the last page once every block is placed). */
  get page(): number {
    return this.#page;
  }
}
