import { useEffect, useEffectEvent, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedStudyFile } from '../../../../shared/contract';
import { ApiError } from '../../../../shared/errors';
import type { MergeChoice, MergeConflict, MergeReport, MergeTable, PlannedErasure, ResponseVersion, StudyFileProgress } from '../../../../shared/study';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { readPickedText, takePickedFile } from '../../lib/pickedFile';
import { usePolledProgress } from '../../lib/usePolledProgress';
import { formatDateTime } from '../responses/formatDateTime';
import { shortDevice } from './format';
import { MergeCorrectionNotes } from './MergeCorrectionNotes';

/** The contract refuses more; saying so before reading the file is friendlier. */
const MAX_FILE_BYTES = 25_000_000;
const TABLES: MergeTable[] = ['networks', 'organisations', 'instruments', 'waves', 'occasions', 'respondents', 'responses', 'answers', 'linkDecisions', 'auditLog', 'erasures', 'discards', 'organisationRemovals'];

/**
 * *Studiebestand importeren*: pick the file another laptop exported, see what would change (added,
 * already here, conflicts with both versions side by side), choose per conflict, then import in
 * one go. Nothing is written before "Importeren". `openedFile`: a study file opened from outside
 * the app (double-click), read by the main process; its preview (or refusal) shows at once.
 */
export function MergeScreen({ onBack, openedFile }: { onBack: () => void; openedFile?: OpenedStudyFile }) {
  const { t } = useTranslation();
  const id = useId();
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<MergeReport | null>(null);
  const [decisions, setDecisions] = useState<Record<string, MergeChoice>>({});
  const [done, setDone] = useState<MergeReport | null>(null);
  const [openedName, setOpenedName] = useState(openedFile?.fileName ?? null);
  const [erasuresConfirmed, setErasuresConfirmed] = useState(false);
  const reading = useAction();
  const importing = useAction();
  const busy = reading.busy || importing.busy;
  const progress = usePolledProgress<StudyFileProgress>(busy, () => api.getStudyFileProgress({}), { running: false });


  /** Forgets any earlier file, reads the new one and asks the main process what importing it would change. */
  function showPreview(read: () => Promise<string>) {
    void reading.run(async () => {
      setContent(null);
      setPreview(null);
      setDone(null);
      setDecisions({});
      setErasuresConfirmed(false);
      const text = await read();
      const report = await api.previewStudyFile({ content: text });
      setContent(text);
      setPreview(report);
    });
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = takePickedFile(event);
    if (!file) return;
    setOpenedName(null);
    showPreview(() => readPickedText(file, MAX_FILE_BYTES, { tooLarge: t('data.merge.tooLarge'), readFailed: t('data.merge.readFailed') }));
  }

  const previewOpenedFile = useEffectEvent(() => {
    if (!openedFile) return;
    showPreview(async () => {
      if ('refusal' in openedFile) throw new ApiError('VALIDATION', openedFile.refusal);
      return openedFile.content;
    });
  });
  useEffect(() => previewOpenedFile(), []);

  const runImport = () =>
    importing.run(async () => {
      if (content === null) return;
      const list = Object.entries(decisions).map(([incomingResponseId, choice]) => ({ incomingResponseId, choice }));
      const report = await api.importStudyFile({ content, decisions: list, confirmErasures: erasuresConfirmed });
      setDone(report);
      setPreview(null);
      setContent(null);
    });

  const open = preview ? preview.conflicts.filter((c) => !decisions[c.incomingResponseId]).length : 0;
  const erasures = preview?.plannedErasures ?? [];
  const unconfirmed = erasures.length > 0 && !erasuresConfirmed;

  return (
    <>
      <BackButton label={t('data.nav.back')} onClick={onBack} />
      <ScreenTitle title={t('data.merge.title')}>{t('data.merge.title')}</ScreenTitle>
      <p className="lead">{t('data.merge.intro')}</p>

      <section aria-labelledby={`${id}-pick`} className="panel" data-testid="merge-pick">
        <h2 id={`${id}-pick`}>{t('data.merge.pickTitle')}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('data.merge.fileLabel')}</label>
          <input
            id={`${id}-file`}
            type="file"
            className="file-input"
            accept=".nwstudie,.json,application/json"
            onChange={choose}
            disabled={busy}
            aria-describedby={`${id}-hint`}
            aria-invalid={reading.error ? true : undefined}
            data-testid="merge-file"
          />
          <p id={`${id}-hint`} className="hint">
            {t('data.merge.fileHint')}
          </p>
        </div>
        {openedName !== null && (
          <p className="hint" data-testid="merge-opened-file">
            {t('data.merge.openedFile', { name: openedName })}
          </p>
        )}
        {reading.busy && <p>{progress.running ? t('data.merge.progress', { phase: t(`data.merge.phase.${progress.phase}`), done: progress.done, total: progress.total }) : t('data.merge.reading')}</p>}
        <ProblemsAlert message={reading.error} testId="merge-error" />
      </section>

      {preview && (
        <>
          <ReportPanel report={preview} title={t('data.merge.previewTitle')} testId="merge-preview" />
          {preview.conflicts.length > 0 && (
            <section aria-labelledby={`${id}-conflicts`} className="panel" data-testid="merge-conflicts">
              <h2 id={`${id}-conflicts`}>{t('data.merge.conflictsTitle')}</h2>
              <p>{t('data.merge.conflictsIntro')}</p>
              {preview.conflicts.map((c) => (
                <ConflictCard
                  key={c.incomingResponseId}
                  conflict={c}
                  choice={decisions[c.incomingResponseId] ?? null}
                  onChoose={(choice) => setDecisions((d) => ({ ...d, [c.incomingResponseId]: choice }))}
                />
              ))}
            </section>
          )}
          {erasures.length > 0 && (
            <ErasuresPanel erasures={erasures} confirmed={erasuresConfirmed} onConfirm={setErasuresConfirmed} />
          )}
          <section className="panel" aria-labelledby={`${id}-go`}>
            <h2 id={`${id}-go`}>{t('data.merge.goTitle')}</h2>
            <p>{preview.nothingChanged && preview.conflicts.length === 0 ? t('data.merge.nothing') : t('data.merge.goText')}</p>
            {open > 0 && (
              <p className="message message-info" data-testid="merge-undecided">
                {t('data.merge.undecided', { count: open })}
              </p>
            )}
            {unconfirmed && (
              <p className="message message-info" data-testid="merge-erasures-unconfirmed">
                {t('data.merge.erasuresConfirmFirst')}
              </p>
            )}
            <ProblemsAlert message={importing.error} testId="merge-import-error" />
            <button type="button" className="button button-large" onClick={() => void runImport()} disabled={importing.busy || unconfirmed} data-testid="merge-import">
              {importing.busy ? t('data.merge.importBusy') : t('data.merge.import')}
            </button>
            {importing.busy && progress.running && (
              <p className="hint">{t('data.merge.progress', { phase: t(`data.merge.phase.${progress.phase}`), done: progress.done, total: progress.total })}</p>
            )}
          </section>
        </>
      )}

      <StatusMessage
        testId="merge-status"
        message={done ? (done.nothingChanged ? t('data.merge.doneNothing') : t('data.merge.done', { backup: done.backup ?? '-' })) : null}
      />
      {done && <ReportPanel report={done} title={t('data.merge.doneTitle')} testId="merge-report" showDecisions />}
    </>
  );
}

/**
 * A refusal from the main process. A study file with problems is refused with one line per kind of
 * problem ("- 3 antwoorden …"): shown as a list between the first and the last sentence.
 */
function ProblemsAlert({ message, testId }: { message: string | null; testId: string }) {
  if (!message?.includes('\n')) return <ErrorAlert message={message} testId={testId} />;
  const lines = message.split('\n');
  const items = lines.filter((line) => line.startsWith('- '));
  const text = lines.filter((line) => !line.startsWith('- '));
  return (
    <div role="alert" className="message message-error" data-testid={testId}>
      <p>{text[0]}</p>
      <ul>
        {items.map((line) => (
          <li key={line}>{line.slice(2)}</li>
        ))}
      </ul>
      {text.slice(1).map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}

/** The respondents the import erases here (with their codes, shown only here) and the researcher's confirmation. */
function ErasuresPanel({ erasures, confirmed, onConfirm }: { erasures: PlannedErasure[]; confirmed: boolean; onConfirm: (on: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="merge-erasures">
      <h2 id={`${id}-title`}>{t('data.merge.erasuresTitle')}</h2>
      <p>{t('data.merge.erasuresIntro', { count: erasures.length })}</p>
      <ul className="data-notes">
        {erasures.map((e) => (
          <li key={`${e.networkName}/${e.respondentCode}`}>
            {t(e.wholeRespondent ? 'data.merge.erasureWhole' : 'data.merge.erasurePart', { network: e.networkName, code: e.respondentCode, waves: e.waves.join(', ') })}
          </li>
        ))}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(event) => onConfirm(event.currentTarget.checked)} data-testid="merge-erasures-confirm" />
        {t('data.merge.erasuresConfirm', { count: erasures.length })}
      </label>
    </section>
  );
}

function ReportPanel({ report, title, testId, showDecisions = false }: { report: MergeReport; title: string; testId: string; showDecisions?: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const f = report.file;
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid={testId}>
      <h2 id={`${id}-title`}>{title}</h2>
      <dl className="data-facts">
        <dt>{t('data.merge.madeOn')}</dt>
        <dd>{formatDateTime(f.createdAt, locale)}</dd>
        <dt>{t('data.merge.device')}</dt>
        <dd>
          {shortDevice(f.deviceId)}
          {f.researcher ? ` (${f.researcher})` : ''}
        </dd>
        <dt>{t('data.merge.networks')}</dt>
        <dd>{f.networks.map((n) => n.name).join(', ')}</dd>
      </dl>
      <div className="table-scroll">
        <table className="data-table merge-counts">
          <thead>
            <tr>
              <th scope="col">{t('data.merge.columns.what')}</th>
              <th scope="col" className="numeric">
                {t('data.merge.columns.added')}
              </th>
              <th scope="col" className="numeric">
                {t('data.merge.columns.skipped')}
              </th>
            </tr>
          </thead>
          <tbody>
            {TABLES.map((table) => (
              <tr key={table}>
                <th scope="row">{t(`data.merge.tables.${table}`)}</th>
                <td className="numeric" data-testid={`${testId}-${table}-added`}>
                  {report.counts[table].added}
                </td>
                <td className="numeric" data-testid={`${testId}-${table}-skipped`}>
                  {report.counts[table].skipped}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="data-notes">
        {report.matched.organisations + report.matched.waves + report.matched.respondents > 0 && <li>{t('data.merge.matched', report.matched)}</li>}
        {report.updatedResponses > 0 && <li>{t('data.merge.updated', { count: report.updatedResponses })}</li>}
        {report.erasedSkipped > 0 && <li>{t('data.merge.erasedSkipped', { count: report.erasedSkipped })}</li>}
        {report.erasuresApplied > 0 && <li>{t('data.merge.erasuresApplied', { count: report.erasuresApplied })}</li>}
        {report.decidedEarlier > 0 && <li>{t('data.merge.decidedEarlier', { count: report.decidedEarlier })}</li>}
        {!showDecisions && <li data-testid={`${testId}-conflict-count`}>{t('data.merge.conflictCount', { count: report.conflicts.length })}</li>}
      </ul>
      {report.linkConflicts.length > 0 && (
        <>
          <p>{t('data.merge.linkConflictsIntro')}</p>
          <ul className="data-notes" data-testid={`${testId}-link-conflicts`}>
            {report.linkConflicts.map((c) => (
              <li key={`${c.baselineCode}/${c.followUpCode}/${c.networkName}`}>
                {t('data.merge.linkConflict', {
                  baseline: c.baselineCode,
                  followUp: c.followUpCode,
                  network: c.networkName,
                  local: t(`linking.decision.${c.local.decision}`),
                  incoming: t(`linking.decision.${c.incoming.decision}`),
                })}{' '}
                {c.holds === 'local' ? t('data.merge.linkHoldsLocal') : t('data.merge.linkHoldsIncoming')}
              </li>
            ))}
          </ul>
        </>
      )}
      <MergeCorrectionNotes report={report} testId={testId} />
      {report.recordConflicts.length > 0 && (
        <>
          <p>{t('recordMerge.intro')}</p>
          <ul className="data-notes" data-testid={`${testId}-record-conflicts`}>
            {report.recordConflicts.map((c) => (
              <li key={`${c.kind}/${c.networkName}/${c.local.name}/${c.incoming.name}`}>
                {t(`recordMerge.${c.kind}`, { network: c.networkName, local: c.local.name, incoming: c.incoming.name })}{' '}
                {c.holds === 'local' ? t('recordMerge.holdsLocal') : t('recordMerge.holdsIncoming')}
              </li>
            ))}
          </ul>
        </>
      )}
      {showDecisions && report.conflicts.length > 0 && (
        <ul className="data-notes" data-testid={`${testId}-decisions`}>
          {report.conflicts.map((c) => (
            <li key={c.incomingResponseId}>
              {t('data.merge.decided', { code: c.respondentCode, wave: c.waveLabel, choice: c.decision ? t(`data.merge.choice.${c.decision}`) : '-' })}
              {c.newRespondentCode ? ` ${t('data.merge.newCode', { code: c.newRespondentCode })}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const shown = (value: number | string | null, empty: string) => (value === null ? empty : String(value));

function VersionFacts({ version, title }: { version: ResponseVersion; title: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="merge-version">
      <h4>{title}</h4>
      <p className="card-meta">
        {t(`data.merge.status.${version.status}`)} · {t('data.merge.answers', { count: version.answers.length })}
        {version.organisationName ? ` · ${version.organisationName}` : ''}
      </p>
      <p className="card-meta">{t('data.merge.lastChange', { when: formatDateTime(version.updatedAt, locale), device: shortDevice(version.deviceId) })}</p>
    </div>
  );
}

function ConflictCard({ conflict, choice, onChoose }: { conflict: MergeConflict; choice: MergeChoice | null; onChoose: (choice: MergeChoice) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const vars = { code: conflict.respondentCode, wave: conflict.waveLabel, network: conflict.networkName };
  const title = conflict.kind === 'conflict' ? t('data.merge.conflictTitle', vars) : t('data.merge.duplicateTitle', vars);
  const empty = t('data.merge.empty');
  return (
    <article className="card merge-conflict" aria-labelledby={`${id}-title`} data-testid={`conflict-${conflict.incomingResponseId}`}>
      <div className="card-body">
        <h3 id={`${id}-title`} className="card-title">
          {title}
        </h3>
        <p>{conflict.kind === 'conflict' ? t('data.merge.conflictText') : t('data.merge.duplicateText')}</p>
        <div className="merge-versions">
          <VersionFacts version={conflict.local} title={t('data.merge.local')} />
          <VersionFacts version={conflict.incoming} title={t('data.merge.incoming')} />
        </div>
        {conflict.differences.length > 0 && (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="merge-caption">{t('data.merge.differences')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.merge.item')}</th>
                  <th scope="col">{t('data.merge.local')}</th>
                  <th scope="col">{t('data.merge.incoming')}</th>
                </tr>
              </thead>
              <tbody>
                {conflict.differences.map((d) => (
                  <tr key={`${d.instrumentId}/${d.itemId}`} data-testid={`difference-${d.itemId}`}>
                    <th scope="row">{d.itemId}</th>
                    <td>{shown(d.local, empty)}</td>
                    <td>{shown(d.incoming, empty)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <fieldset>
          <legend>{t('data.merge.choose')}</legend>
          {conflict.choices.map((c) => (
            <label key={c} className="checkbox merge-choice">
              <input type="radio" name={`${id}-choice`} value={c} checked={choice === c} onChange={() => onChoose(c)} />
              {t(`data.merge.choice.${c}`)}
            </label>
          ))}
        </fieldset>
      </div>
    </article>
  );
}
