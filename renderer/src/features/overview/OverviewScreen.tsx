import { useTranslation } from 'react-i18next';
import { DataTable, numeric } from '../../components/DataTable';
import type { ConditionSummary, WaveOverview } from '../../../../shared/domain';
import { api } from '../../api';
import { currentLocale, localized } from '../../i18n';
import { formatMean } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { loadWaveContext } from '../questionnaire/QuestionnaireScreen';
import { ConditionChart } from './ConditionChart';

export function OverviewScreen({ networkId, waveId, onBack }: { networkId: string; waveId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [loaded] = useApiData(`${networkId}/${waveId}`, async () => {
    const [context, overview] = await Promise.all([loadWaveContext(networkId, waveId), api.getWaveOverview({ waveId })]);
    return { context, overview };
  });

  return (
    <NetworkPage
      loaded={loaded}
      onBack={onBack}
      heading={({ context }) => ({ title: t('overview.title', { wave: context.wave.label }), network: context.detail.network.name })}
    >
      {({ overview }) => <OverviewBody overview={overview} />}
    </NetworkPage>
  );
}

function OverviewBody({ overview }: { overview: WaveOverview }) {
  const { t } = useTranslation();
  const locale = currentLocale();

  function meanText(c: ConditionSummary): string {
    if (c.mean !== null) return formatMean(c.mean, locale);
    if (c.suppressed) return t('overview.suppressed', { min: overview.minGroupSize });
    return t('overview.noAnswers');
  }

  return (
    <>
      <dl className="counts" data-testid="overview-counts">
        <div>
          <dt>{t('overview.started')}</dt>
          <dd data-testid="count-started">{overview.started}</dd>
        </div>
        <div>
          <dt>{t('overview.complete')}</dt>
          <dd data-testid="count-complete">{overview.complete}</dd>
        </div>
      </dl>

      <section className="panel" aria-labelledby="overview-conditions">
        <h2 id="overview-conditions">{t('overview.conditionsTitle')}</h2>
        <p>{t('overview.explanation', { min: overview.minGroupSize })}</p>
        <DataTable
          caption={t('overview.tableCaption')}
          testId="condition-table"
          columns={[t('overview.condition'), numeric(t('overview.n')), numeric(t('overview.mean'))]}
        >
          {overview.conditions.map((c) => (
            <tr key={`${c.instrumentId}/${c.subscaleId}`} data-testid={`condition-${c.subscaleId}`}>
              <th scope="row">{localized(c.label, locale)}</th>
              <td className="numeric" data-testid={`condition-n-${c.subscaleId}`}>
                {c.n}
              </td>
              <td className={c.mean === null ? 'withheld' : 'numeric'} data-testid={`condition-mean-${c.subscaleId}`}>
                {meanText(c)}
              </td>
            </tr>
          ))}
        </DataTable>
        <ConditionChart conditions={overview.conditions} />
      </section>
    </>
  );
}
