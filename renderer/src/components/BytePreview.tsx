// Under the message: the exact bytes Send will put on the wire (count and hex, the checksum marked),
// or the exact fault. It runs the engine's own encoder, so the count is what goes out.
import { CHECKSUM_LABELS } from '../../../shared/codec/checksum';
import type { BytesResult } from '../../../shared/codec/codec-error';
import { formatHex } from '../../../shared/codec/hex';
import type { Payload } from '../../../shared/contract/model';
import { useT } from '../i18n';
import { previewParts } from '../state/compose';
import { faultText } from '../state/phrase';

const PREVIEW_BYTES = 32;

export function BytePreview(props: { id: string; encoded: BytesResult; payload: Payload; macros: boolean }) {
  const { t, tn } = useT();
  const { encoded, payload } = props;
  if (!encoded.ok) {
    return (
      <div className="preview" id={props.id}>
        <span className="fault" role="alert">
          {faultText(encoded.error)}
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
          {tn('compose.bytes', encoded.bytes.length)}:{' '}
          <span className="mono">
            {formatHex(parts.head)}
            {parts.elided > 0 && (
              <span className="muted">
                {t('compose.bytesMore', { bytes: tn('compose.bytes', parts.elided) })}
              </span>
            )}
            {parts.sum.length > 0 && (
              <>
                {parts.head.length > 0 ? ' ' : ''}
                <mark className="sum" title={t('compose.checksumAppended', { name: sumName })}>
                  {formatHex(parts.sum)}
                </mark>
              </>
            )}
          </span>
          {sum && <span className="preview-note"> ({sumName})</span>}
        </span>
      )}
      {props.macros && <span className="preview-note block">{t('compose.macrosPreview')}</span>}
    </div>
  );
}
