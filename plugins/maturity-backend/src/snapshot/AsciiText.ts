/**
 * ASCII text written a character or a number at a time into one reused buffer, and made a
 * string once. A stored detail's per-check columns are built this way: built by `+=`, each of a
 * workload's ~200 pieces would be a string of its own, garbage within microseconds.
 */
export class AsciiText {
  private bytes = Buffer.alloc(256);
  private length = 0;

  /** Appends one ASCII character, by its code. */
  char(code: number): void {
    if (this.length === this.bytes.length) {
      const bigger = Buffer.alloc(this.bytes.length * 2);
      this.bytes.copy(bigger);
      this.bytes = bigger;
    }
    this.bytes[this.length++] = code;
  }

  /** Appends a whole number ≥ 0 in decimal digits. */
  digits(n: number): void {
    if (n >= 10) this.digits(Math.floor(n / 10));
    this.char(48 + (n % 10));
  }

  /** Forgets what was written since the last take. */
  clear(): void {
    this.length = 0;
  }

  /** The text written since the last take (or clear), which starts afresh. */
  take(): string {
    const text = this.bytes.toString('latin1', 0, this.length);
    this.clear();
    return text;
  }
}
