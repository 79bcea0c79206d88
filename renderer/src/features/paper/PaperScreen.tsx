import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { currentLocale, localized } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { loadWaveContext, type WaveContext } from '../questionnaire/QuestionnaireScreen';
import { paperColumns } from './columns';
import { PaperGrid } from './PaperGrid';

/** Invoermodus: typing in the paper questionnaires of one wave, one row per respondent. */
export function PaperScreen({ networkId, waveId, onBack }: { networkId: string; waveId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [context] = useApiData(`paper/${networkId}/${waveId}`, () => loadWaveContext(networkId, waveId));

  return (
    <NetworkPage
      loaded={context}
      onBack={onBack}
      heading={({ wave, detail }) => ({ title: t('paper.title', { wave: wave.label }), network: detail.network.name })}
      className="paper-screen"
    >
      {(data) => <PaperEntry context={data} />}
    </NetworkPage>
  );
}

function PaperEntry({ context }: { context: WaveContext }) {
  const { t } = useTranslation();
  const { wave, detail, definitions } = context;
  const columns = useMemo(() => paperColumns(definitions), [definitions]);
  return (
    <>
      <p className="lead">{t('paper.intro')}</p>
      <PaperGrid waveId={wave.id} waveLabel={wave.label} columns={columns} organisations={detail.organisations.filter((o) => !o.archived)} />
      <CodeLegend definitions={definitions} />
    </>
  );
}

/** What the codes mean, per answer scale, as printed on the paper form. */
function CodeLegend({ definitions }: { definitions: InstrumentDefinition[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel paper-legend" aria-labelledby="paper-legend-title">
      <h2 id="paper-legend-title">{t('paper.legendTitle')}</h2>
      {definitions.map((def) => (
        <div key={def.id}>
          <h3>{localized(def.name, locale)}</h3>
          <dl>
            {def.scales.map((scale) => {
              const items = def.items.filter((it) => (it.type === 'scale' || it.type === 'choice') && it.scale === scale.id).map((it) => it.id);
              if (items.length === 0) return null;
              return (
                <div key={scale.id} className="paper-legend-row">
                  <dt>{items.length === 1 ? items[0] : t('paper.legendItems', { first: items[0], last: items[items.length - 1], n: items.length })}</dt>
                  <dd>
                    {[...scale.options, ...scale.notScored].map((o) => `${o.code} = ${localized(o.label, locale)}`).join(' · ')}
                  </dd>
                </div>
              );
            })}
            {def.items.map((it) =>
              it.type === 'number' ? (
                <div key={it.id} className="paper-legend-row">
                  <dt>{it.id}</dt>
                  <dd>{t('paper.legendNumber', { min: it.min, max: it.max })}</dd>
                </div>
              ) : it.type === 'open' ? (
                <div key={it.id} className="paper-legend-row">
                  <dt>{it.id}</dt>
                  <dd>{t('paper.legendOpen')}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </div>
      ))}
    </section>
  );
}
