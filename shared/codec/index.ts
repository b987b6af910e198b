// The codec's public face: bytes <-> text both ways, for the composer, the engine and the log.
export { formatBase64, parseBase64 } from './base64';
export {
  appendChecksum,
  CHECKSUM_LABELS,
  CHECKSUM_WIDTH,
  checksum,
  checksumValue,
  defaultChecksumOrder,
} from './checksum';
export type { BytesResult, CodecError } from './codec-error';
export {
  DECODE_AS,
  DECODE_AS_LABELS,
  type DecodeAs,
  type DisplaySegment,
  decodeForDisplay,
  displayText,
} from './display';
export { expandEscapes, expandEscapesRange } from './escapes';
export { formatHex, type HexParseResult, parseHex } from './hex';
export {
  defaultMacroContext,
  expandMacros,
  MACRO_NAMES,
  type MacroContext,
  type MacroPart,
  type MacroResult,
} from './macros';
export { encodePayload, LINE_ENDING_BYTES } from './payload';
export { encodeText, encodeTextRange } from './text';
