import { LRUCache } from 'lru-cache';
import { SnapshotStore } from '../database/SnapshotStore';

/**
 * Answers of the read routes, kept per current snapshot. Every answer is a pure function of the
 * snapshot it was read from, so it stays right until a newer snapshot lands; the current snapshot
 * id is itself re-read at most every `ttlMs`, which is how long a replica may lag behind a run
 * another replica finished. Concurrent misses for one key share one computation.
 */
export class SnapshotResponseCache {
  private readonly answers: LRUCache<string, Promise<unknown>>;
  private current?: { id: Promise<number | null>; readAt: number };

  constructor(
    private readonly store: Pick<SnapshotStore, 'getCurrentSnapshot'>,
    private readonly options: { ttlMs: number; maxEntries: number } = { ttlMs: 5000, maxEntries: 5000 },
  ) {
    this.answers = new LRUCache({ max: options.maxEntries });
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await this.snapshotId()}\u0000${key}`;
    const cached = this.answers.get(full);
    if (cached) return cached as Promise<T>;
    const answer = compute();
    this.answers.set(full, answer);
    // A failure (404 before the first run, a database hiccup) is not remembered.
    answer.catch(() => this.answers.delete(full));
    return answer;
  }

  private snapshotId(): Promise<number | null> {
    const now = Date.now();
    if (!this.current || now - this.current.readAt >= this.options.ttlMs) {
      const id = this.store.getCurrentSnapshot().then(snapshot => snapshot?.id ?? null);
      this.current = { id, readAt: now };
      id.catch(() => {
        this.current = undefined;
      });
    }
    return this.current.id;
  }
}
