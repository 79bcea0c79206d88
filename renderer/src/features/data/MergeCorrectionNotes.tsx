import { useTranslation } from 'react-i18next';
import type { MergeReport } from '../../../../shared/study';

/**
 * What a study file does with corrected and thrown-away questionnaires and removed organisations:
 * nobody is asked (the later correction holds; a thrown-away unfinished questionnaire and a removed
 * organisation stay away, unless something here names the organisation), but the preview and the
 * report say what happens, one line per corrected questionnaire.
 */
export function MergeCorrectionNotes({ report, testId }: { report: MergeReport; testId: string }) {
  const { t } = useTranslation();
  const notes = [
    report.discardedSkipped > 0 && t('data.mergeCorrections.discardedSkipped', { count: report.discardedSkipped }),
    report.discardsApplied > 0 && t('data.mergeCorrections.discardsApplied', { count: report.discardsApplied }),
    report.discardedButSubmitted > 0 && t('data.mergeCorrections.discardedButSubmitted', { count: report.discardedButSubmitted }),
    report.removedOrganisationsSkipped > 0 && t('data.mergeOrganisationRemovals.skipped', { count: report.removedOrganisationsSkipped }),
    report.organisationsRemoved.length > 0 && t('data.mergeOrganisationRemovals.removed', { names: report.organisationsRemoved.join(', ') }),
    report.removedOrganisationsKept.length > 0 && t('data.mergeOrganisationRemovals.kept', { names: report.removedOrganisationsKept.join(', ') }),
  ].filter((note): note is string => typeof note === 'string');
  if (notes.length === 0 && report.correctionConflicts.length === 0) return null;
  return (
    <>
      {notes.length > 0 && (
        <ul className="data-notes" data-testid={`${testId}-discards`}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {report.correctionConflicts.length > 0 && (
        <>
          <p>{t('data.mergeCorrections.intro')}</p>
          <ul className="data-notes" data-testid={`${testId}-corrections`}>
            {report.correctionConflicts.map((c) => (
              <li key={c.responseId}>
                {t('data.mergeCorrections.item', { code: c.respondentCode, wave: c.waveLabel, network: c.networkName, count: c.differences.length })}{' '}
                {c.holds === 'local' ? t('data.mergeCorrections.holdsLocal') : t('data.mergeCorrections.holdsIncoming')}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
