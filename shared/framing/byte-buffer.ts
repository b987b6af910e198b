// The bytes of the frame being assembled, in one growable array: appends copy once, takes copy
// out, and the read offset moves instead of shifting memory on every frame.

export class ByteBuffer {
  private buf = new Uint8Array(0);
  private head = 0;
  private tail = 0;

  get length(): number {
    return this.tail - this.head;
  }

  append(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n === 0) return;
    if (this.tail + n > this.buf.length) {
      const used = this.tail - this.head;
      if (used + n <= this.buf.length && this.head > 0) {
        this.buf.copyWithin(0, this.head, this.tail);
      } else {
        const grown = new Uint8Array(Math.max(used + n, this.buf.length * 2, 256));
        grown.set(this.buf.subarray(this.head, this.tail));
        this.buf = grown;
      }
      this.head = 0;
      this.tail = used;
    }
    this.buf.set(chunk, this.tail);
    this.tail += n;
  }

  /** Byte `i` of what is held (0 = oldest). */
  byteAt(i: number): number {
    return this.buf[this.head + i] as number;
  }

  /** A view of what is held; valid only until the next append or take. */
  view(): Uint8Array {
    return this.buf.subarray(this.head, this.tail);
  }

  /** Remove and return the oldest `n` bytes as a copy the caller owns. */
  take(n: number): Uint8Array {
    const out = this.buf.slice(this.head, this.head + n);
    this.head += n;
    if (this.head === this.tail) this.clear();
    return out;
  }

  /** Forget everything; a buffer grown by one huge frame is given back to the collector. */
  clear(): void {
    this.head = 0;
    this.tail = 0;
    if (this.buf.length > 64 * 1024) this.buf = new Uint8Array(0);
  }
}
