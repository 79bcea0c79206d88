import { useTranslation } from 'react-i18next';
import type { NetworkDetail, Wave } from '../../../../shared/domain';
import { api } from '../../api';
import { BackButton } from '../../components/BackButton';
import { ExportButton } from '../../components/ExportButton';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { OrganisationForm } from './OrganisationForm';
import { WaveForm } from './WaveForm';

export interface NetworkScreenProps {
  networkId: string;
  onBack: () => void;
  onFill: (waveId: string) => void;
  onOverview: (waveId: string) => void;
}

export function NetworkScreen({ networkId, onBack, onFill, onOverview }: NetworkScreenProps) {
  const { t } = useTranslation();
  const [detail, reload] = useApiData(networkId, () => api.getNetwork({ networkId }));

  return (
    <>
      <BackButton label={t('nav.backToNetworks')} onClick={onBack} />
      {detail.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={detail.status === 'error' ? detail.message : null} />
      {detail.status === 'ready' && <NetworkDetailView detail={detail.data} reload={reload} onFill={onFill} onOverview={onOverview} />}
    </>
  );
}

function NetworkDetailView({
  detail,
  reload,
  onFill,
  onOverview,
}: {
  detail: NetworkDetail;
  reload: () => void;
  onFill: (waveId: string) => void;
  onOverview: (waveId: string) => void;
}) {
  const { t } = useTranslation();
  const { network, organisations, waves } = detail;
  return (
    <>
      <ScreenTitle title={network.name}>
        <span className="title-kicker">{t('network.kicker')}</span> {network.name}
      </ScreenTitle>
      {network.description && <p className="lead">{network.description}</p>}

      <section aria-labelledby="organisations-title" className="panel">
        <h2 id="organisations-title">{t('organisations.title')}</h2>
        {organisations.length === 0 ? (
          <p className="empty">{t('organisations.empty')}</p>
        ) : (
          <table className="data-table" data-testid="organisation-table">
            <caption className="visually-hidden">{t('organisations.caption', { network: network.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.name')}</th>
                <th scope="col">{t('organisations.sector')}</th>
                <th scope="col">{t('organisations.size')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.name}</th>
                  <td>{t(`sector.${o.sector}`)}</td>
                  <td>{o.sizeClass ? t(`sizeClass.${o.sizeClass}`) : t('sizeClass.unknown')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <OrganisationForm networkId={network.id} onAdded={reload} />
      </section>

      <section aria-labelledby="waves-title" className="panel">
        <h2 id="waves-title">{t('waves.title')}</h2>
        {waves.length === 0 ? (
          <p className="empty">{t('waves.empty')}</p>
        ) : (
          <ul className="card-list" data-testid="wave-list">
            {waves.map((w) => (
              <WaveCard key={w.id} wave={w} onFill={onFill} onOverview={onOverview} />
            ))}
          </ul>
        )}
        <WaveForm networkId={network.id} onCreated={reload} />
      </section>
    </>
  );
}

function WaveCard({ wave, onFill, onOverview }: { wave: Wave; onFill: (waveId: string) => void; onOverview: (waveId: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="card card-wave" data-testid={`wave-${wave.label}`}>
      <div className="card-body">
        <h3 className="card-title">{wave.label}</h3>
        <p className="card-meta">
          {t(`waveKind.${wave.kind}`)}
          {wave.plannedDate && <> · {t('waves.plannedOn', { date: formatDate(wave.plannedDate, locale) })}</>}
          {' · '}
          {wave.status === 'open' ? t('waves.statusOpen') : t('waves.statusClosed')}
        </p>
      </div>
      <div className="card-actions">
        <button type="button" className="button" onClick={() => onFill(wave.id)} aria-label={t('waves.fillFor', { wave: wave.label })}>
          {t('waves.fill')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onOverview(wave.id)}
          aria-label={t('waves.overviewFor', { wave: wave.label })}
        >
          {t('waves.overview')}
        </button>
        <ExportButton waveId={wave.id} waveLabel={wave.label} />
      </div>
    </li>
  );
}
