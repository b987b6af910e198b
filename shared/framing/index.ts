// Framing's public face: one framer per FramingSpec, so a message shows as one entry however the
// network cut it or glued it to the next.
import type { FramingSpec } from '../contract/model';
import { createDelimiterFramer } from './delimiter';
import { createFixedLengthFramer } from './fixed-length';
import { createIdleGapFramer } from './idle-gap';
import { createLengthPrefixFramer } from './length-prefix';
import { createRawFramer } from './raw';
import { DEFAULT_MAX_FRAME_BYTES, type Framer } from './types';
import { parseDelimiter, validateFraming } from './validate';

export {
  DEFAULT_MAX_FRAME_BYTES,
  type Frame,
  type FrameIssue,
  type Framer,
  MAX_FRAME_BYTES_LIMIT,
} from './types';
export { parseDelimiter, validateFraming } from './validate';

/** A framer for `spec` (absent = raw). Throws with validateFraming's sentence if it cannot run. */
export function createFramer(spec: FramingSpec = { kind: 'raw' }): Framer {
  const problem = validateFraming(spec);
  if (problem) throw new Error(problem);
  switch (spec.kind) {
    case 'raw':
      return createRawFramer();
    case 'delimiter': {
      const delimiter = parseDelimiter(spec.delimiterHex);
      if (!delimiter.ok) throw new Error(delimiter.message);
      return createDelimiterFramer(delimiter.bytes, spec.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
    }
    case 'fixed':
      return createFixedLengthFramer(spec.length);
    case 'length-prefix':
      return createLengthPrefixFramer({
        ...spec,
        maxFrameBytes: spec.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      });
    case 'idle-gap':
      return createIdleGapFramer(spec.gapMs, spec.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
  }
}
