import { entryBytes, type TermEntry } from './term-entry.ts';

/**
 * Per-term entries kept per base: at most this many, and this many bytes or this many per slot,
 * whichever is more. The broad terms' entries together grow with the index (each first keystroke
 * matches a share of it), and the bench asks them in turn: a budget they overflow makes every
 * one of them a miss (LRU over a cycle), rebuilt on every query — at 10M, 256 MB did that.
 */
const MAX_TERM_ENTRIES = 64;
const MAX_TERM_BYTES = 256 * 1024 * 1024;
const MAX_TERM_BYTES_PER_SLOT = 48;

/**
 * The term entries of the current base (sort orders), least recently used dropped first, and the
 * sightings of broad terms that have none yet: a term earns its entry on its n-th sighting
 * (`onSighting`), so a term typed once does not cost an entry's memory.
 */
export class TermCache {
  private readonly entries = new Map<string, TermEntry>();
  private bytes = 0;
  /** broad terms seen without an entry yet → sightings (bounded, oldest forgotten first) */
  private readonly sightings = new Map<string, number>();

  private readonly onSighting: number;
  /** the index's slot count now (an entry's size depends on it) */
  private readonly slots: () => number;

  constructor(onSighting: number, slots: () => number) {
    this.onSighting = onSighting;
    this.slots = slots;
  }

  /** The term's entry, now the most recently used, or undefined. */
  get(text: string): TermEntry | undefined {
    const entry = this.entries.get(text);
    if (entry) {
      this.entries.delete(text);
      this.entries.set(text, entry);
    }
    return entry;
  }

  /** Counts a sighting of a broad term; true when it is the one that earns the term its entry. */
  sighted(text: string): boolean {
    const seen = (this.sightings.get(text) ?? 0) + 1;
    if (seen >= this.onSighting) {
      this.sightings.delete(text);
      return true;
    }
    this.sightings.delete(text);
    this.sightings.set(text, seen);
    if (this.sightings.size > 4 * MAX_TERM_ENTRIES)
      this.sightings.delete(this.sightings.keys().next().value!);
    return false;
  }

  remember(text: string, entry: TermEntry): void {
    this.entries.set(text, entry);
    this.bytes += entryBytes(entry, this.slots());
    const budget = Math.max(MAX_TERM_BYTES, MAX_TERM_BYTES_PER_SLOT * this.slots());
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= MAX_TERM_ENTRIES && this.bytes <= budget) break;
      if (old === entry) break;
      this.entries.delete(oldest);
      this.bytes -= entryBytes(old, this.slots());
    }
  }

  /** Forgets every entry (a new base); sightings stay. */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
