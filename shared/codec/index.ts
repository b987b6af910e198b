// The codec's public face: bytes <-> text both ways, for the composer, the engine and the log.
export { formatBase64, parseBase64 } from './base64';
export type { BytesResult, CodecError } from './codec-error';
export { DECODE_AS, type DecodeAs, type DisplaySegment, decodeForDisplay, displayText } from './display';
export { expandEscapes } from './escapes';
export { formatHex, type HexParseResult, parseHex } from './hex';
export { encodePayload, LINE_ENDING_BYTES } from './payload';
export { encodeText } from './text';
