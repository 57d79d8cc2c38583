/**
 * The workloads a run has scored, as a Bloom filter of a fixed size: a run's memory does not grow
 * with the workloads it has seen. It answers "certainly not seen" or "maybe seen"; a run asks the
 * database about the maybes (SnapshotDraft.hasWorkloads), so a false "maybe" costs a query, never
 * a workload.
 *
 * 8 MB and 7 hashes: at 1,000,000 refs about one false "maybe" in ten million, at 10,000,000
 * about one in twenty.
 */
export class SeenRefs {
  private readonly words: Int32Array;
  private readonly bits: number;

  constructor(sizeBytes = 8 * 2 ** 20, private readonly hashes = 7) {
    this.words = new Int32Array(sizeBytes / 4);
    this.bits = sizeBytes * 8;
  }

  /** Adds `ref`; whether it may have been added before (`false`: it certainly was not). */
  add(ref: string): boolean {
    // Two FNV-1a hashes with different offsets; the k positions are h1 + i·h2 (Kirsch–Mitzenmacher).
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < ref.length; i++) {
      const c = ref.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    h2 |= 1;
    let seen = true;
    for (let i = 0; i < this.hashes; i++) {
      const bit = ((h1 + Math.imul(i, h2)) >>> 0) % this.bits;
      const mask = 1 << (bit & 31);
      const word = bit >>> 5;
      if ((this.words[word] & mask) === 0) {
        seen = false;
        this.words[word] |= mask;
      }
    }
    return seen;
  }
}
