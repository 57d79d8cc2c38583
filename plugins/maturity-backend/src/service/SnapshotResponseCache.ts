import { LRUCache } from 'lru-cache';
import { SnapshotInfo, SnapshotStore } from '../database/SnapshotStore';

const DEFAULT_OPTIONS = {
  ttlMs: 5000,
  maxEntries: 5000,
  maxBytes: 128 * 2 ** 20,
};

/**
 * Answers of the read routes, kept per current snapshot. Every answer is a pure function of the
 * snapshot it was read from, so it stays right until a newer snapshot lands; the current snapshot
 * id is itself re-read at most every `ttlMs`, which is how long a replica may lag behind a run
 * another replica finished. Concurrent misses for one key share one computation. The answers
 * are bounded in bytes as well as in number: 5,000 leaderboards of every team (~1.2 MB each, kept
 * plain and gzipped), one per distinct query, would otherwise hold ~6 GB.
 */
export class SnapshotResponseCache<
  S extends Pick<SnapshotStore, 'getCurrentSnapshot'>,
> {
  private readonly answers: LRUCache<string, Promise<unknown>>;
  private current?: {
    snapshot: Promise<SnapshotInfo | undefined>;
    readAt: number;
  };
  private readonly options: typeof DEFAULT_OPTIONS;

  constructor(
    private readonly store: S,
    options: Partial<typeof DEFAULT_OPTIONS> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.answers = new LRUCache({
      max: this.options.maxEntries,
      maxSize: this.options.maxBytes,
    });
  }

  /**
   * The store as answers should read it: its current snapshot is the one they are cached under,
   * so computing a missed answer costs no extra query for it.
   */
  reader(): S {
    return Object.create(this.store, {
      getCurrentSnapshot: { value: () => this.currentSnapshot() },
    });
  }

  /** Re-reads the current snapshot on the next request: this replica has just written one. */
  forgetCurrent(): void {
    this.current = undefined;
  }

  /**
   * The answer for `key` in the current snapshot, computed unless cached or being computed.
   * `bytesOf` tells what a computed answer weighs against `maxBytes`; until computed it counts 1.
   */
  async get<T>(
    key: string,
    compute: () => Promise<T>,
    bytesOf: (answer: T) => number = () => 1,
  ): Promise<T> {
    const full = await this.keyInCurrent(key);
    const cached = this.answers.get(full);
    if (cached) return cached as Promise<T>;
    const answer = compute();
    this.answers.set(full, answer, { size: 1 });
    answer.then(
      value => {
        // Unless evicted or replaced meanwhile. Setting the same value again keeps its old size,
        // so it is set anew; one larger than maxBytes is not kept at all.
        if (this.answers.peek(full) !== answer) return;
        this.answers.delete(full);
        this.answers.set(full, answer, { size: Math.max(1, bytesOf(value)) });
      },
      // A failure (404 before the first run, a database hiccup) is not remembered.
      () => this.answers.delete(full),
    );
    return answer;
  }

  private async keyInCurrent(key: string): Promise<string> {
    return `${(await this.currentSnapshot())?.id ?? null}\u0000${key}`;
  }

  private currentSnapshot(): Promise<SnapshotInfo | undefined> {
    const now = Date.now();
    if (!this.current || now - this.current.readAt >= this.options.ttlMs) {
      const snapshot = this.store.getCurrentSnapshot();
      this.current = { snapshot, readAt: now };
      // Neither a failure nor "no run yet" is remembered: the first run may land any moment.
      snapshot.then(
        found => {
          if (!found) this.current = undefined;
        },
        () => {
          this.current = undefined;
        },
      );
    }
    return this.current.snapshot;
  }
}
