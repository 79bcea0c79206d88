import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/contract';
import type { AuditEntryView } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { useTranslate } from '../dashboard/hooks';
import { formatDateTime } from '../responses/formatDateTime';
import { AUDIT_KINDS, auditKindLabel, auditSentence } from './auditSentence';
import { shortDevice } from './format';

const PAGE = 50;

/** The filters as chosen on screen: a kind, a network id, and dates (yyyy-mm-dd) as the date fields give them; '' is "any". */
interface AuditFilters {
  kind: string;
  networkId: string;
  from: string;
  to: string;
}
const NO_FILTERS: AuditFilters = { kind: '', networkId: '', from: '', to: '' };

function listInput(filters: AuditFilters, offset: number): Input<'listAuditLog'> {
  return {
    offset,
    limit: PAGE,
    kind: filters.kind || undefined,
    networkId: filters.networkId || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
}

/** *Auditlog*: who did what and when as sentences, newest first, a page at a time, by kind, period and network; export as CSV. Read-only. */
export function AuditScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [page] = useApiData(`audit-${offset}-${JSON.stringify(filters)}`, () => api.listAuditLog(listInput(filters, offset)));
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const exporting = useAction();
  const locale = currentLocale();
  const translate = useTranslate();

  const exportCsv = () =>
    exporting.run(async () => {
      setSavedTo(null);
      const result = await api.exportAuditLog({});
      if (!result.cancelled) setSavedTo(result.filePath);
    });

  const filter = (change: Partial<AuditFilters>) => {
    setFilters({ ...filters, ...change });
    setOffset(0);
  };

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
      <AuditFilterForm filters={filters} onChange={filter} />
      <WhenLoaded loaded={page}>
        {(found) => (
          <section className="panel" aria-labelledby="audit-list-title">
            <h2 id="audit-list-title">{t('data.audit.page', { from: found.total === 0 ? 0 : offset + 1, to: offset + found.entries.length, total: found.total })}</h2>
            {found.total === 0 ? (
              <p className="empty" data-testid="audit-none">
                {t('data.auditFilter.none')}
              </p>
            ) : (
              <DataTable
                scroll
                className="audit-table"
                testId="audit-list"
                columns={(['when', 'device', 'actor', 'action'] as const).map((column) => t(`data.audit.columns.${column}`))}
              >
                {found.entries.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td>{formatDateTime(e.at, locale)}</td>
                    <td>{device(e)}</td>
                    <td>{e.actor ?? '–'}</td>
                    <td className="audit-sentence">{auditSentence(e, translate)}</td>
                  </tr>
                ))}
              </DataTable>
            )}
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

/** Kind, network and period; every change shows the first page of what it leaves. */
function AuditFilterForm({ filters, onChange }: { filters: AuditFilters; onChange: (change: Partial<AuditFilters>) => void }) {
  const { t, i18n } = useTranslation();
  const translate = useTranslate();
  const id = useId();
  const [networks] = useApiData('audit-networks', () => api.listNetworks({}));
  const kinds = AUDIT_KINDS.map((kind) => ({ kind, label: auditKindLabel(kind, translate) })).sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return (
    <section className="panel audit-filters" aria-labelledby={`${id}-title`} data-testid="audit-filters">
      <h2 id={`${id}-title`}>{t('data.auditFilter.title')}</h2>
      <div className="field-row">
        <Field id={`${id}-kind`} label={t('data.auditFilter.kind')}>
          <select id={`${id}-kind`} value={filters.kind} onChange={(e) => onChange({ kind: e.target.value })}>
            <option value="">{t('data.auditFilter.allKinds')}</option>
            {kinds.map(({ kind, label }) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-network`} label={t('data.auditFilter.network')}>
          <select id={`${id}-network`} value={filters.networkId} onChange={(e) => onChange({ networkId: e.target.value })}>
            <option value="">{t('data.auditFilter.allNetworks')}</option>
            {(networks.status === 'ready' ? networks.data : []).map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-from`} label={t('data.auditFilter.from')}>
          <input id={`${id}-from`} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => onChange({ from: e.target.value })} />
        </Field>
        <Field id={`${id}-to`} label={t('data.auditFilter.to')}>
          <input id={`${id}-to`} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
        </Field>
      </div>
      <button type="button" className="button button-secondary" onClick={() => onChange(NO_FILTERS)} disabled={JSON.stringify(filters) === JSON.stringify(NO_FILTERS)}>
        {t('data.auditFilter.clear')}
      </button>
    </section>
  );
}
