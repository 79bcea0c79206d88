import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasurePreview, ErasureResult } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { Field, Options } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { formatDateTime } from '../responses/formatDateTime';
import { OldBackupsPanel } from './BackupsScreen';

/**
 * *Gegevens van één respondent wissen* (AVG): find the code in a network, see which waves it has
 * answered, type the code again and erase. Afterwards: the backups that still hold the data.
 */
export function ErasureScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [networks] = useApiData('erasure-networks', () => api.listNetworks({}));
  const [networkId, setNetworkId] = useState('');
  const [code, setCode] = useState('');
  const [preview, setPreview] = useState<(ErasurePreview & { networkId: string }) | null>(null);
  const [confirmCode, setConfirmCode] = useState('');
  const [result, setResult] = useState<ErasureResult | null>(null);
  const [deletedOld, setDeletedOld] = useState<number | null>(null);
  const finding = useAction();
  const erasing = useAction();
  const locale = currentLocale();
  const selectedNetwork = networkId || (networks.status === 'ready' ? (networks.data[0]?.id ?? '') : '');

  // The code to look up, and the same code typed again to confirm the erasure.
  const codeField = (fieldId: string, label: string, value: string, onChange: (value: string) => void, invalid: boolean) => (
    <Field id={fieldId} label={label}>
      <input id={fieldId} type="text" className="input-code" value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" aria-invalid={invalid ? true : undefined} />
    </Field>
  );

  const find = finding.submit(async () => {
    setPreview(null);
    setResult(null);
    setDeletedOld(null);
    setConfirmCode('');
    const found = await api.previewErasure({ networkId: selectedNetwork, respondentCode: code });
    setPreview({ ...found, networkId: selectedNetwork });
  });

  const erase = erasing.submit(async () => {
    // The form is only there with a preview.
    if (!preview) return;
    const done = await api.eraseRespondent({ networkId: preview.networkId, respondentCode: preview.respondentCode, confirmCode });
    setResult(done);
    setPreview(null);
    setCode('');
    setConfirmCode('');
  });

  return (
    <>
      <BackButton label={t('data.nav.back')} onClick={onBack} />
      <ScreenTitle title={t('data.erasure.title')}>{t('data.erasure.title')}</ScreenTitle>
      <p className="lead">{t('data.erasure.intro')}</p>
      <WhenLoaded loaded={networks} empty={t('data.erasure.noNetworks')}>
        {(list) => (
          <section aria-labelledby={`${id}-find`} className="panel">
            <h2 id={`${id}-find`}>{t('data.erasure.findTitle')}</h2>
            <form onSubmit={find} noValidate data-testid="erasure-find">
              <div className="field-row">
                <Field id={`${id}-network`} label={t('data.erasure.network')}>
                  <select id={`${id}-network`} value={selectedNetwork} onChange={(e) => setNetworkId(e.target.value)}>
                    <Options options={list.map((n) => ({ value: n.id, label: n.name }))} />
                  </select>
                </Field>
                {codeField(`${id}-code`, t('data.erasure.code'), code, setCode, !!finding.error)}
              </div>
              <ErrorAlert message={finding.error} testId="erasure-find-error" />
              <button type="submit" className="button button-secondary" disabled={finding.busy}>
                {t('data.erasure.find')}
              </button>
            </form>
          </section>
        )}
      </WhenLoaded>

      {preview && (
        <section aria-labelledby={`${id}-confirm`} className="panel data-danger" data-testid="erasure-preview">
          <h2 id={`${id}-confirm`}>{t('data.erasure.foundTitle', { code: preview.respondentCode, network: preview.networkName })}</h2>
          <ul>
            {preview.responses.map((r, i) => (
              <li key={i}>
                {r.waveLabel}: {t(`data.merge.status.${r.status}`)}
              </li>
            ))}
          </ul>
          {preview.responses.length === 0 && <p>{t('data.erasure.noResponses')}</p>}
          <p>{t('data.erasure.warning')}</p>
          <form onSubmit={erase} noValidate>
            {codeField(`${id}-again`, t('data.erasure.confirmLabel'), confirmCode, setConfirmCode, !!erasing.error)}
            <ErrorAlert message={erasing.error} testId="erasure-error" />
            <button type="submit" className="button" disabled={erasing.busy} data-testid="erasure-confirm">
              {t('data.erasure.erase')}
            </button>
          </form>
        </section>
      )}

      <StatusMessage testId="erasure-status" message={result ? t('data.erasure.erased', { count: result.erasedResponses }) : null} />
      {result && (
        <section aria-labelledby={`${id}-after`} className="panel" data-testid="erasure-after">
          <h2 id={`${id}-after`}>{t('data.erasure.afterTitle')}</h2>
          <p>{t('data.erasure.otherLaptops')}</p>
          {result.backupsBeforeErasure.length === 0 || deletedOld !== null ? (
            <p>{deletedOld !== null ? t('data.backups.deleted', { count: deletedOld }) : t('data.erasure.noBackups')}</p>
          ) : (
            <>
              <ul data-testid="erasure-old-backups">
                {result.backupsBeforeErasure.map((b) => (
                  <li key={b.name}>{formatDateTime(b.createdAt, locale)}</li>
                ))}
              </ul>
              <OldBackupsPanel intro={t('data.erasure.backupsIntro', { count: result.backupsBeforeErasure.length })} onDeleted={setDeletedOld} />
            </>
          )}
        </section>
      )}
    </>
  );
}
