/**
 * Where a run's time went, phase by phase: reading the catalog, each collector, scoring, and
 * waiting on the database. Phases that overlap (the next page is read while the last is written)
 * count only the time the run waited on them, so the phases add up to the run's time.
 */
export class RunPhases {
  private readonly ms = new Map<string, number>();
  private readonly started = performance.now();

  add(phase: string, ms: number) {
    this.ms.set(phase, (this.ms.get(phase) ?? 0) + ms);
  }

  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  timeSync<T>(phase: string, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.add(phase, performance.now() - start);
    }
  }

  /** Pages of `pages`, with the time spent waiting for each counted under `phase`. */
  async *pages<T>(phase: string, pages: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.time(phase, () => iterator.next());
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }

  /** Seconds per phase, in the order first seen, and the run's total. */
  seconds(): Record<string, number> {
    const round = (ms: number) => Math.round(ms) / 1000;
    return {
      ...Object.fromEntries([...this.ms].map(([p, ms]) => [p, round(ms)])),
      total: round(performance.now() - this.started),
    };
  }

  /** "12.3 s: catalog 2.1 s, collector kubernetes 1.0 s, …" */
  describe(): string {
    const { total, ...phases } = this.seconds();
    return `${total} s: ${Object.entries(phases)
      .map(([p, s]) => `${p} ${s} s`)
      .join(', ')}`;
  }
}
