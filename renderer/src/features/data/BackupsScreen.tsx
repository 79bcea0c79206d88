import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupList, RestoreResult } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { DataTable, numeric } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { formatDateTime } from '../responses/formatDateTime';
import { formatBytes, reasonKey } from './format';

/**
 * *Reservekopieën*: the backups beside the database, newest first; make one now; restore one
 * (after a confirmation; the current data is backed up first); and remove the ones made before an
 * erasure.
 */
export function BackupsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const [list, reload] = useApiData('backups', () => api.listBackups({}));
  const [message, setMessage] = useState<string | null>(null);
  const locale = currentLocale();
  const when = (iso: string) => formatDateTime(iso, locale);
  const create = useAction();

  const makeBackup = () =>
    create.run(async () => {
      setMessage(null);
      const made = await api.createBackup({});
      setMessage(t('data.backups.created', { when: when(made.createdAt) }));
      reload();
    });

  return (
    <>
      <BackButton label={t('data.nav.back')} onClick={onBack} />
      <ScreenTitle title={t('data.backups.title')}>{t('data.backups.title')}</ScreenTitle>
      <p className="lead">{t('data.backups.intro')}</p>
      <StatusMessage message={message} testId="backups-status" />
      <WhenLoaded loaded={list}>
        {(listed) => (
          <>
            {listed.interruptedRestore && (
              <p className="message message-info" data-testid="restore-interrupted">
                {listed.interruptedRestore.backupName
                  ? t('data.backups.interruptedOf', { when: when(listed.interruptedRestore.foundAt), backup: listed.interruptedRestore.backupName })
                  : t('data.backups.interrupted', { when: when(listed.interruptedRestore.foundAt) })}
              </p>
            )}
            <section aria-labelledby="backups-list-title" className="panel">
              <h2 id="backups-list-title">{t('data.backups.listTitle')}</h2>
              <p className="hint" data-testid="backups-folder">
                {t('data.backups.folder', { folder: listed.folder, keep: listed.keep })}
              </p>
              <p>
                <button type="button" className="button button-secondary" onClick={() => void makeBackup()} disabled={create.busy} data-testid="backup-create">
                  {create.busy ? t('data.backups.createBusy') : t('data.backups.create')}
                </button>
              </p>
              <ErrorAlert message={create.error} />
              {listed.backups.length === 0 ? (
                <p className="empty">{t('data.backups.empty')}</p>
              ) : (
                <BackupTable
                  list={listed}
                  onRestored={(result) => {
                    setMessage(t('data.backups.restored', { when: when(result.restored.createdAt), safety: result.safetyBackup.name }));
                    reload();
                  }}
                />
              )}
            </section>
            {listed.backups.some((b) => b.beforeErasure) && listed.lastErasureAt && (
              <OldBackupsPanel
                intro={t('data.backups.erasureWarning', { when: when(listed.lastErasureAt) })}
                onDeleted={(count) => {
                  setMessage(t('data.backups.deleted', { count }));
                  reload();
                }}
              />
            )}
          </>
        )}
      </WhenLoaded>
    </>
  );
}

function BackupTable({ list, onRestored }: { list: BackupList; onRestored: (result: RestoreResult) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <DataTable
      scroll
      testId="backup-list"
      columns={[t('data.backups.columns.when'), t('data.backups.columns.reason'), numeric(t('data.backups.columns.size')), t('data.backups.columns.actions')]}
    >
      {list.backups.map((b) => (
        <tr key={b.name} data-testid={`backup-${b.name}`}>
          <th scope="row">
            {formatDateTime(b.createdAt, locale)}
            {b.beforeErasure && <span className="warning-tag data-warning-tag">{t('data.backups.beforeErasure')}</span>}
          </th>
          <td>{t(reasonKey(b.reason))}</td>
          <td className="numeric">{formatBytes(b.bytes, locale)}</td>
          <td>
            {confirming === b.name ? (
              <RestoreConfirm backup={b} onCancel={() => setConfirming(null)} onRestored={onRestored} />
            ) : (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(b.name)}
                aria-label={t('data.backups.restoreFor', { when: formatDateTime(b.createdAt, locale) })}
              >
                {t('data.backups.restore')}
              </button>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function RestoreConfirm({ backup, onCancel, onRestored }: { backup: BackupInfo; onCancel: () => void; onRestored: (result: RestoreResult) => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const when = formatDateTime(backup.createdAt, currentLocale());
  const restore = () =>
    run(async () => {
      onRestored(await api.restoreBackup({ backupName: backup.name }));
    });
  return (
    <div role="group" aria-label={t('data.backups.confirmTitle', { when })} className="data-confirm" data-testid="restore-confirm">
      <p>
        <strong>{t('data.backups.confirmTitle', { when })}</strong>
      </p>
      <p>{t('data.backups.confirmText')}</p>
      <ErrorAlert message={error} testId="restore-error" />
      <div className="actions">
        <button type="button" className="button" onClick={() => void restore()} disabled={busy} data-testid="restore-confirm-button">
          {busy ? t('data.backups.restoring') : t('data.backups.confirm')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {t('data.backups.cancel')}
        </button>
      </div>
    </div>
  );
}

/** After an erasure: the older backups still hold the erased data; offer to remove them. */
export function OldBackupsPanel({ intro, onDeleted }: { intro: string; onDeleted: (count: number) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  const remove = () =>
    run(async () => {
      const { deleted } = await api.deleteBackupsBeforeErasure({ confirm: true });
      setAsking(false);
      onDeleted(deleted.length);
    });
  return (
    <section aria-labelledby="old-backups-title" className="panel" data-testid="old-backups">
      <h2 id="old-backups-title">{t('data.backups.oldTitle')}</h2>
      <p>{intro}</p>
      <ErrorAlert message={error} />
      {asking ? (
        <div className="data-confirm">
          <p>
            <strong>{t('data.backups.deleteOldConfirm')}</strong>
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => void remove()} disabled={busy} data-testid="delete-old-backups-confirm">
              {t('data.backups.deleteOldYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAsking(false)} disabled={busy}>
              {t('data.backups.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setAsking(true)} data-testid="delete-old-backups">
          {t('data.backups.deleteOld')}
        </button>
      )}
    </section>
  );
}
