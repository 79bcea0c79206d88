import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { formatDateTime } from '../responses/formatDateTime';
import { shortDevice } from './format';

const PAGE = 50;

/** *Auditlog*: who did what and when, newest first, a page at a time; export as CSV. Read-only. */
export function AuditScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [page] = useApiData(`audit-${offset}`, () => api.listAuditLog({ offset, limit: PAGE }));
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const exporting = useAction();
  const actions = t('data.audit.actions', { returnObjects: true }) as Record<string, string>;
  const locale = currentLocale();

  const exportCsv = () =>
    exporting.run(async () => {
      setSavedTo(null);
      const result = await api.exportAuditLog({});
      if (!result.cancelled) setSavedTo(result.filePath);
    });

  const device = (e: AuditEntryView) => (e.thisDevice ? t('data.audit.thisDevice') : t('data.audit.otherDevice', { id: shortDevice(e.deviceId) }));

  return (
    <>
      <BackButton label={t('data.nav.back')} onClick={onBack} />
      <ScreenTitle title={t('data.audit.title')}>{t('data.audit.title')}</ScreenTitle>
      <p className="lead">{t('data.audit.intro')}</p>
      <div className="export">
        <button type="button" className="button button-secondary" onClick={() => void exportCsv()} disabled={exporting.busy} data-testid="audit-export">
          {exporting.busy ? t('data.audit.exportBusy') : t('data.audit.export')}
        </button>
        <StatusMessage testId="audit-export-status" message={savedTo ? t('data.audit.exported', { filePath: savedTo }) : null} />
        <ErrorAlert message={exporting.error} />
      </div>
      <WhenLoaded loaded={page}>
        {(found) => (
          <section className="panel" aria-labelledby="audit-list-title">
            <h2 id="audit-list-title">{t('data.audit.page', { from: found.total === 0 ? 0 : offset + 1, to: offset + found.entries.length, total: found.total })}</h2>
            <DataTable
              scroll
              className="audit-table"
              testId="audit-list"
              columns={(['when', 'device', 'actor', 'action', 'subject', 'details'] as const).map((column) => t(`data.audit.columns.${column}`))}
            >
              {found.entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>{device(e)}</td>
                  <td>{e.actor ?? '–'}</td>
                  <td>{actions[e.action.replace(/\./g, '_')] ?? e.action}</td>
                  <td>
                    {e.entity}
                    {e.entityId ? <span className="muted audit-id"> {e.entityId.length > 24 ? `${e.entityId.slice(0, 8)}…` : e.entityId}</span> : null}
                  </td>
                  <td className="audit-details">{e.details ?? ''}</td>
                </tr>
              ))}
            </DataTable>
            <div className="actions">
              <button type="button" className="button button-secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t('data.audit.newer')}
              </button>
              <button type="button" className="button button-secondary" disabled={offset + PAGE >= found.total} onClick={() => setOffset(offset + PAGE)}>
                {t('data.audit.older')}
              </button>
            </div>
          </section>
        )}
      </WhenLoaded>
    </>
  );
}
