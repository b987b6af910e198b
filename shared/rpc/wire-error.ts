// The one error decoding a frame throws, whatever is wrong with the bytes.

/** Thrown by decodeFrame on anything that is not a well-formed frame. */
export class FrameError extends Error {
  constructor(reason: string) {
    super(`Malformed frame: ${reason}`);
    this.name = 'FrameError';
  }
}
