import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import type { Locale } from '../../../../shared/text';
import { currentLocale, localized } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { loadWaveContext, type WaveContext } from '../questionnaire/QuestionnaireScreen';
import { paperColumns, type PaperColumn } from './columns';
import { PaperCorrections } from './PaperCorrections';
import { PaperGrid } from './PaperGrid';

/** Invoermodus: typing in the paper questionnaires of one wave, one row per respondent. */
export function PaperScreen({ networkId, waveId, onBack, onPaperForm }: { networkId: string; waveId: string; onBack: () => void; onPaperForm: () => void }) {
  const { t } = useTranslation();
  const [context] = useApiData(`paper/${networkId}/${waveId}`, () => loadWaveContext(networkId, waveId));

  return (
    <NetworkPage
      loaded={context}
      onBack={onBack}
      heading={({ wave, detail }) => ({ title: t('paper.title', { wave: wave.label }), network: detail.network.name })}
      className="paper-screen"
    >
      {(data) => <PaperEntry context={data} onPaperForm={onPaperForm} />}
    </NetworkPage>
  );
}

function PaperEntry({ context, onPaperForm }: { context: WaveContext; onPaperForm: () => void }) {
  const { t } = useTranslation();
  const { wave, detail, definitions } = context;
  const columns = useMemo(() => paperColumns(definitions), [definitions]);
  const [completed, setCompleted] = useState(0);
  const rowCompleted = useCallback(() => setCompleted((n) => n + 1), []);
  return (
    <>
      <p className="lead">{t('paper.intro')}</p>
      <PaperGrid waveId={wave.id} waveLabel={wave.label} columns={columns} definitions={definitions} organisations={detail.organisations.filter((o) => !o.archived)} onRowCompleted={rowCompleted} />
      {/* After the grid: from the title, Tab goes straight to the first code cell. */}
      <p className="paper-form-link">
        <button type="button" className="button button-secondary" onClick={onPaperForm} aria-label={t('paperForm.openFor', { wave: wave.label })} data-testid="open-paper-form">
          {t('paperForm.open')}
        </button>
      </p>
      <PaperCorrections wave={wave} definitions={definitions} completedRows={completed} />
      <CodeLegend definitions={definitions} columns={columns} />
    </>
  );
}

/** One row of the legend: which questions (by number, with their variable names for researchers) and what to type. */
interface LegendRow {
  key: string;
  columns: PaperColumn[];
  meaning: string;
}

/** What to type for each question, per answer scale, numbered as on the paper form. */
function CodeLegend({ definitions, columns }: { definitions: InstrumentDefinition[]; columns: PaperColumn[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel paper-legend" aria-labelledby="paper-legend-title">
      <h2 id="paper-legend-title">{t('paper.legendTitle')}</h2>
      {definitions.map((def) => {
        const own = columns.filter((c) => c.instrumentId === def.id);
        const itemOf = (c: PaperColumn) => def.items.find((it) => it.id === c.itemId);
        const rows: LegendRow[] = [];
        for (const scale of def.scales) {
          const onScale = own.filter((c) => {
            const item = itemOf(c);
            return (item?.type === 'scale' || item?.type === 'choice') && item.scale === scale.id;
          });
          if (onScale.length === 0) continue;
          rows.push({ key: scale.id, columns: onScale, meaning: [...scale.options, ...scale.notScored].map((o) => `${o.code} = ${localized(o.label, locale)}`).join(' · ') });
        }
        // Tick all that apply: each question its own row, the codes and how to type several.
        for (const c of own) {
          if (c.kind !== 'multiple') continue;
          rows.push({ key: c.key, columns: [c], meaning: `${c.legend.map((o) => `${o.code} = ${localized(o.label, locale)}`).join(' · ')}. ${t('questionRules.gridCodesHint')}` });
        }
        for (const c of own) if (c.numberRange) rows.push({ key: c.key, columns: [c], meaning: t('paper.legendNumber', { min: c.numberRange.min, max: c.numberRange.max }) });
        const open = own.filter((c) => c.kind === 'open');
        if (open.length > 0) rows.push({ key: 'open', columns: open, meaning: t('paper.legendOpen') });
        return (
          <div key={def.id}>
            <h3>{localized(def.name, locale)}</h3>
            <dl>
              {rows.map((row) => (
                <div key={row.key} className="paper-legend-row">
                  <dt>
                    {t('paperGrid.legendQuestions', { count: row.columns.length, numbers: numberRuns(row.columns.map((c) => c.number), t, locale) })}{' '}
                    <span className="paper-legend-variables">{variablesOf(row.columns)}</span>
                  </dt>
                  <dd>{row.meaning}</dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
    </section>
  );
}

/** "1 t/m 20", "22 en 23", "1 t/m 4 en 9": question numbers as runs. */
function numberRuns(numbers: number[], t: TFunction, locale: Locale): string {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs[runs.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  const parts = runs.flatMap(([first, last]) => (last - first >= 2 ? [t('paperGrid.numberRange', { first, last })] : first === last ? [String(first)] : [String(first), String(last)]));
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(parts);
}

/** The variable names, for researchers matching the export: all of a few, the first and last of many. */
function variablesOf(columns: PaperColumn[]): string {
  const ids = columns.map((c) => c.itemId);
  return ids.length <= 3 ? ids.join(', ') : `${ids[0]} … ${ids[ids.length - 1]}`;
}
