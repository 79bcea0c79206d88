import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Locale } from '../../../../shared/text';
import type { NetworkDetail, Organisation, Wave } from '../../../../shared/domain';
import { api } from '../../api';
import { DataTable } from '../../components/DataTable';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from './NetworkPage';
import { NetworkEdit, OrganisationCorrections, WaveCorrections } from './CorrectionForms';
import { OrganisationForm } from './OrganisationForm';
import { NetworkToolsPanel } from './settings/NetworkToolsPanel';
import { WaveForm } from './WaveForm';

export interface NetworkScreenProps {
  networkId: string;
  onBack: () => void;
  onFill: (waveId: string) => void;
  onOverview: (waveId: string) => void;
  onSettings: () => void;
  onCodes: () => void;
  onPaper: (waveId: string) => void;
  /** *Papieren vragenlijst afdrukken* for a wave. */
  onPaperForm?: (waveId: string) => void;
  onResponses: (waveId: string) => void;
  /** Kiosk mode (afnamemodus) for a wave: the researcher's setup screen. */
  onKiosk?: (waveId: string) => void;
  /** Meeting mode for a wave: everyone at the meeting fills in on their own phone. */
  onMeeting?: (waveId: string) => void;
  /** *Resultaten*: the dashboard of this network across its waves. */
  onResults?: () => void;
  /** *Exporteren*: the workbook or CSV + SPSS syntax for this network; with wave ids, only those waves ticked. */
  onExport?: (waveIds?: string[]) => void;
  /** The print view of the results (PDF, charts as PNG/SVG). */
  onResultsPrint?: () => void;
  /** Word and PowerPoint reports of the network's results. */
  onReports?: () => void;
  /** *Koppelen*: near matches of self-made codes awaiting a decision. */
  onLinking?: () => void;
  /** *Open antwoorden* of a wave: what respondents wrote at the open questions. */
  onOpenAnswers?: (waveId: string) => void;
  /** The MDOs evaluated before and after within this wave. */
  onOccasions?: (waveId: string) => void;
}

/** Where the network screen leads besides filling in and the overview: settings, codes, paper entry, the list of questionnaires. */
type NetworkLinks = Pick<NetworkScreenProps, 'onSettings' | 'onCodes' | 'onPaper' | 'onPaperForm' | 'onResponses' | 'onKiosk' | 'onMeeting' | 'onResults' | 'onExport' | 'onResultsPrint' | 'onReports' | 'onLinking' | 'onOpenAnswers' | 'onOccasions'>;

export function NetworkScreen({ networkId, onBack, onFill, onOverview, ...links }: NetworkScreenProps) {
  const { t } = useTranslation();
  const [detail, reload] = useApiData(networkId, () => api.getNetwork({ networkId }));

  return (
    <NetworkPage loaded={detail} onBack={onBack} backLabel={t('nav.backToNetworks')} heading={({ network }) => ({ title: network.name, kicker: t('network.kicker') })}>
      {(data) => <NetworkDetailView detail={data} reload={reload} onFill={onFill} onOverview={onOverview} links={links} />}
    </NetworkPage>
  );
}

function NetworkDetailView({
  detail,
  reload,
  onFill,
  onOverview,
  links,
}: {
  detail: NetworkDetail;
  reload: () => void;
  onFill: (waveId: string) => void;
  onOverview: (waveId: string) => void;
  links: NetworkLinks;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { network, organisations, waves } = detail;
  return (
    <>
      {network.description && <p className="lead">{network.description}</p>}
      <div className="actions">
        <NetworkEdit network={network} onSaved={reload} />
      </div>

      <section aria-labelledby="waves-title" className="panel">
        <h2 id="waves-title">{t('waves.title')}</h2>
        {waves.length === 0 ? (
          <p className="empty">{t('waves.empty')}</p>
        ) : (
          <ul className="card-list" data-testid="wave-list">
            {waves.map((w) => (
              <WaveCard key={w.id} wave={w} onFill={onFill} onOverview={onOverview} links={links} onChanged={reload} />
            ))}
          </ul>
        )}
        <WaveForm networkId={network.id} existingKinds={waves.map((w) => w.kind)} onCreated={reload} />
      </section>

      {waves.length > 0 && (links.onResults || links.onExport) && (
        <section aria-labelledby="network-results-title" className="panel" data-testid="export-panel">
          <h2 id="network-results-title">{t('networkResults.title')}</h2>
          <p>{t('networkResults.intro')}</p>
          <div className="actions">
            {links.onResults && (
              <button type="button" className="button" onClick={links.onResults} aria-label={t('dashboard.openFor', { network: network.name })} data-testid="open-results">
                {t('dashboard.open')}
              </button>
            )}
            {links.onLinking && waves.length > 1 && (
              <button type="button" className="button button-secondary" onClick={links.onLinking} aria-label={t('linking.openFor', { network: network.name })} data-testid="open-linking">
                {t('linking.open')}
              </button>
            )}
            {links.onExport && (
              <button type="button" className="button button-secondary" onClick={() => links.onExport?.()} aria-label={t('export.study.openFor', { network: network.name })} data-testid="open-export">
                {t('export.study.open')}
              </button>
            )}
            {links.onReports && (
              <button type="button" className="button button-secondary" onClick={links.onReports} aria-label={t('reportScreen.openFor', { network: network.name })} data-testid="open-reports">
                {t('reportScreen.open')}
              </button>
            )}
            {links.onResultsPrint && (
              <button type="button" className="button button-secondary" onClick={links.onResultsPrint} aria-label={t('export.print.openFor', { network: network.name })} data-testid="open-results-print">
                {t('export.print.open')}
              </button>
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="organisations-title" className="panel">
        <h2 id="organisations-title">{t('organisations.title')}</h2>
        {organisations.length === 0 ? (
          <p className="empty">{t('organisations.empty')}</p>
        ) : (
          <DataTable
            testId="organisation-table"
            caption={t('organisations.caption', { network: network.name })}
            columns={[t('organisations.name'), t('organisations.sector'), t('organisations.size'), t('corrections.membership'), t('corrections.actions')]}
          >
            {organisations.map((o) => (
              <tr key={o.id} data-testid={`organisation-${o.name}`}>
                <th scope="row">{o.name}</th>
                <td>{t(`sector.${o.sector}`)}</td>
                <td>{o.sizeClass ? t(`sizeClass.${o.sizeClass}`) : t('sizeClass.unknown')}</td>
                <td>{membership(o, t, locale)}</td>
                <td>
                  <OrganisationCorrections organisation={o} onChanged={reload} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <OrganisationForm networkId={network.id} onAdded={reload} />
      </section>

      <NetworkToolsPanel network={network} onSettings={links.onSettings} onCodes={links.onCodes} />
    </>
  );
}

function WaveCard({
  wave,
  onFill,
  onOverview,
  links,
  onChanged,
}: {
  wave: Wave;
  onFill: (waveId: string) => void;
  onOverview: (waveId: string) => void;
  links: NetworkLinks;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const open = wave.status === 'open';
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
        {!open && <p className="card-note" data-testid={`wave-closed-${wave.id}`}>{t('corrections.closedNote')}</p>}
      </div>
      <div className="card-actions">
        {/* A closed wave takes no new questionnaires: its ways in are not offered (the main process refuses them too). */}
        {open && (
          <button type="button" className="button" onClick={() => onFill(wave.id)} aria-label={t('waves.fillFor', { wave: wave.label })}>
            {t('waves.fill')}
          </button>
        )}
        {open && links.onKiosk && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => links.onKiosk?.(wave.id)}
            aria-label={t('kiosk.startWaveFor', { wave: wave.label })}
            data-testid={`kiosk-wave-${wave.id}`}
          >
            {t('kiosk.startWave')}
          </button>
        )}
        {open && links.onMeeting && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => links.onMeeting?.(wave.id)}
            aria-label={t('meeting.openFor', { wave: wave.label })}
            data-testid={`meeting-wave-${wave.id}`}
          >
            {t('meeting.open')}
          </button>
        )}
        {open && (
          <button type="button" className="button button-secondary" onClick={() => links.onPaper(wave.id)} aria-label={t('paper.openFor', { wave: wave.label })}>
            {t('paper.open')}
          </button>
        )}
        {links.onPaperForm && (
          <button type="button" className="button button-secondary" onClick={() => links.onPaperForm?.(wave.id)} aria-label={t('paperForm.openFor', { wave: wave.label })} data-testid={`paper-form-${wave.id}`}>
            {t('paperForm.open')}
          </button>
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => links.onResponses(wave.id)}
          aria-label={t('responses.openFor', { wave: wave.label })}
        >
          {t('responses.open')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => onOverview(wave.id)}
          aria-label={t('waves.overviewFor', { wave: wave.label })}
        >
          {t('waves.overview')}
        </button>
        {links.onOpenAnswers && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => links.onOpenAnswers?.(wave.id)}
            aria-label={t('openAnswers.openFor', { wave: wave.label })}
            data-testid={`open-answers-${wave.id}`}
          >
            {t('openAnswers.open')}
          </button>
        )}
        {links.onOccasions && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => links.onOccasions?.(wave.id)}
            aria-label={t('occasions.openFor', { wave: wave.label })}
            data-testid={`occasions-${wave.id}`}
          >
            {t('occasions.open')}
          </button>
        )}
        {links.onExport && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => links.onExport?.([wave.id])}
            aria-label={t('export.buttonFor', { wave: wave.label })}
            data-testid={`export-${wave.id}`}
          >
            {t('export.button')}
          </button>
        )}
        <WaveCorrections wave={wave} onChanged={onChanged} />
      </div>
    </li>
  );
}

/** What the table says of an organisation's place in the network: archived, when it joined and left, the participants expected. */
function membership(o: Organisation, t: TFunction, locale: Locale): string {
  const parts = [
    o.archived ? t('corrections.archived') : null,
    o.joinedOn ? t('corrections.joined', { date: formatDate(o.joinedOn, locale) }) : null,
    o.leftOn ? t('corrections.left', { date: formatDate(o.leftOn, locale) }) : null,
    o.expectedParticipants !== null ? t('corrections.expected', { count: o.expectedParticipants }) : null,
  ];
  return parts.filter((p) => p !== null).join(' · ') || '–';
}
