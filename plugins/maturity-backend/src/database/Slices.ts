/**
 * Items read `size` at a time, with a turn of the event loop between slices, for long work on the
 * thread that does everything else the backend does. A run scores a page in slices: between them
 * requests are answered, instead of waiting for the whole page; each row is handed on as it is
 * made (the store serialises it at once), so a page's rows are not all held at once. Inserts on
 * the backend's own connection of SQLite are paced the same way (insertTable).
 */
export class Slices<T> implements AsyncIterable<T> {
  /** Settles once every item has been read. */
  readonly read: Promise<void>;
  private finished!: () => void;

  constructor(
    private readonly items: Iterable<T>,
    private readonly size: number,
  ) {
    this.read = new Promise(resolve => (this.finished = resolve));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    let count = 0;
    for (const item of this.items) {
      yield item;
      if (++count % this.size === 0) await new Promise(setImmediate);
    }
    this.finished();
  }
}
