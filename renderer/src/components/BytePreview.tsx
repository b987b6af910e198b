// Under the message: the exact bytes Send will put on the wire (count and hex, the checksum marked),
// or the exact fault. It runs the engine's own encoder, so the count is what goes out.
import { CHECKSUM_LABELS } from '../../../shared/codec/checksum';
import type { BytesResult } from '../../../shared/codec/codec-error';
import { formatHex } from '../../../shared/codec/hex';
import type { Payload } from '../../../shared/contract/model';
import { pluralBytes } from '../format';
import { previewParts } from '../state/compose';

const PREVIEW_BYTES = 32;

export function BytePreview(props: { id: string; encoded: BytesResult; payload: Payload; macros: boolean }) {
  const { encoded, payload } = props;
  if (!encoded.ok) {
    return (
      <div className="preview" id={props.id}>
        <span className="fault" role="alert">
          {encoded.error.message}
        </span>
      </div>
    );
  }
  const parts = previewParts(encoded.bytes, payload, PREVIEW_BYTES);
  const sum = payload.checksum;
  const sumName = sum
    ? `${CHECKSUM_LABELS[sum.kind]}${parts.sum.length > 1 ? ` ${(sum.order ?? 'be').toUpperCase()}` : ''}`
    : '';
  return (
    <div className="preview" id={props.id}>
      {encoded.bytes.length > 0 && (
        <span>
          {pluralBytes(encoded.bytes.length)}:{' '}
          <span className="mono">
            {formatHex(parts.head)}
            {parts.elided > 0 && <span className="muted"> … {pluralBytes(parts.elided)} more …</span>}
            {parts.sum.length > 0 && (
              <>
                {parts.head.length > 0 ? ' ' : ''}
                <mark className="sum" title={`${sumName}, appended`}>
                  {formatHex(parts.sum)}
                </mark>
              </>
            )}
          </span>
          {sum && <span className="preview-note"> ({sumName})</span>}
        </span>
      )}
      {props.macros && (
        <span className="preview-note block">
          Macros expand when sent: {'{counter}'} counts 1, 2, 3… per session and the time is the send's; the
          preview shows sample values.
        </span>
      )}
    </div>
  );
}
