import { contentKey } from './contentKey';

/**
 * A detail's JSON on its way to the database: text, or its UTF-8 bytes in a page's
 * {@link DetailChunks}.
 */
export type DetailJson = string | Uint8Array;

/**
 * The key of a detail's JSON text among its entity's details: its content key (SHA-256 of its
 * UTF-8 bytes in base64url), the first 11 characters (66 bits). A detail is stored under its
 * entity and this key, so keys need to differ only between the versions of one entity's detail:
 * a million entities with a year of daily versions each make ~7·10¹⁰ pairs, which share a key
 * with odds of ~10⁻⁹. Every run writes the key in every workload's row, so its length is paid
 * on every run (migration `20261213000000_compact_scores`).
 */
export function detailHash(json: DetailJson): string {
  return contentKey(json, 11);
}

/** A detail's JSON as text, whichever form it is in. */
export function detailText(json: DetailJson): string {
  return typeof json === 'string'
    ? json
    : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString(
        'utf8',
      );
}

/** The size of a page's chunks of detail bytes: ~400 workloads' details each. */
const CHUNK_BYTES = 1 << 20;
/** The most bytes UTF-8 takes for one UTF-16 code unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * A page's details as the UTF-8 bytes of their JSON, in chunks outside V8's heap. A detail's JSON
 * (~2.3 KB) is a string only for as long as it takes to encode it: kept as strings until the page
 * is written, a page's details would survive the young generation's collections and be copied
 * into the old one, each a two-byte string (the cost advice's `×`) of twice its UTF-8 size. The
 * bytes are what SHA-256 hashes anyway, what a SQLite writer thread receives (a chunk is copied
 * to it whole) and what PostgreSQL's COPY is sent.
 */
export class DetailChunks {
  private chunk = new Uint8Array(0);
  private used = 0;
  private readonly encoder = new TextEncoder();

  /** Serialises `detail`: its bytes, a view of this page's chunk. */
  add(detail: unknown): Uint8Array {
    const text = JSON.stringify(detail);
    if (this.chunk.length - this.used < text.length * MAX_BYTES_PER_UNIT) {
      this.chunk = new Uint8Array(
        Math.max(CHUNK_BYTES, text.length * MAX_BYTES_PER_UNIT),
      );
      this.used = 0;
    }
    const start = this.used;
    this.used += this.encoder.encodeInto(
      text,
      this.chunk.subarray(start),
    ).written!;
    return this.chunk.subarray(start, this.used);
  }
}
