import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerNetwork, PartnerNetworkWave, PartnerNode, PartnerTie } from '../../../../shared/partner-network';
import { api } from '../../api';
import { DataTable, numeric } from '../../components/DataTable';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { formatCount, formatNumber, formatPercent } from '../dashboard/format';
import { metricChange, metricValue, rated } from './partner-network-format';
import './partner-network.css';

/**
 * *Netwerkkaart*: who works with whom between the partner organisations, one map per wave (chosen
 * with the wave selector), drawn as SVG from the positions the main process laid out; beside it
 * the same numbers as tables for screen readers and print: the network's density and reciprocity,
 * per organisation its ties and degree centrality and the trust and value others give it, the
 * shown ties, and the change against the baseline. Ties fewer respondents reported than the
 * minimum group are not shown anywhere (shared/partner-network.ts).
 */
export function PartnerNetworkSection({ networkId, instrumentId }: { networkId: string; instrumentId: string }) {
  const { t } = useTranslation();
  const [loaded] = useApiData(`${networkId}/${instrumentId}`, () => api.getPartnerNetwork({ networkId, instrumentId }));
  if (loaded.status === 'loading') return <p className="hint">{t('partnerNetwork.loading')}</p>;
  if (loaded.status === 'error') return <ErrorAlert message={loaded.message} testId="partner-network-error" />;
  if (loaded.data.waves.length === 0) return <p className="message message-info">{t('partnerNetwork.noWaves')}</p>;
  return <PartnerNetworkView network={loaded.data} />;
}

function PartnerNetworkView({ network }: { network: PartnerNetwork }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [waveId, setWaveId] = useState(network.waves[network.waves.length - 1]!.waveId);
  const wave = network.waves.find((w) => w.waveId === waveId) ?? network.waves[0]!;
  const names = new Map(wave.nodes.map((n) => [n.organisationId, n.name]));
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const exporting = useAction();
  // The CSV's separator follows the language's decimal mark, as the study export's default does.
  const saveTies = () =>
    exporting.run(async () => {
      setSavedTo(null);
      const result = await api.exportPartnerNetwork({ networkId: network.networkId, instrumentId: network.instrumentId, separator: locale === 'nl' ? ';' : ',' });
      if (!result.cancelled) setSavedTo(result.filePath);
    });

  return (
    <section className="panel partner-network" aria-labelledby={`${id}-title`} data-testid="partner-network">
      <h2 id={`${id}-title`}>{t('partnerNetwork.title')}</h2>
      <p className="hint">{t('partnerNetwork.intro', { k: network.minGroupSize })}</p>
      <fieldset className="partner-network-waves" data-testid="partner-network-waves">
        <legend>{t('partnerNetwork.wave')}</legend>
        {network.waves.map((w) => (
          <label key={w.waveId} className="partner-network-wave">
            <input type="radio" name={`${id}-wave`} checked={w.waveId === wave.waveId} onChange={() => setWaveId(w.waveId)} />
            {w.waveLabel}
          </label>
        ))}
      </fieldset>

      <dl className="partner-network-figures" data-testid="partner-network-figures">
        <Figure label={t('partnerNetwork.respondents')} value={formatCount(wave.respondents, locale)} />
        <Figure label={t('partnerNetwork.ties')} value={formatCount(wave.ties.length, locale)} />
        <Figure label={t('partnerNetwork.density')} value={formatPercent(wave.density, locale)} />
        <Figure label={t('partnerNetwork.reciprocity')} value={formatPercent(wave.reciprocity, locale)} />
      </dl>
      {wave.tiesSuppressed > 0 && (
        <p className="message message-info" data-testid="partner-network-suppressed">
          {t('partnerNetwork.suppressed', { count: wave.tiesSuppressed, k: network.minGroupSize })}
        </p>
      )}

      <NetworkMap wave={wave} label={t('partnerNetwork.mapLabel', { wave: wave.waveLabel })} />
      <p className="hint">{t('partnerNetwork.legend')}</p>

      <ScrollingTable
        title={t('partnerNetwork.organisationsTitle', { wave: wave.waveLabel })}
        testId="partner-network-organisations"
        columns={[
          t('partnerNetwork.organisation'),
          numeric(t('partnerNetwork.outDegree')),
          numeric(t('partnerNetwork.inDegree')),
          numeric(t('partnerNetwork.outCentrality')),
          numeric(t('partnerNetwork.inCentrality')),
          numeric(t('partnerNetwork.degreeCentrality')),
          numeric(t('partnerNetwork.trust')),
          numeric(t('partnerNetwork.value')),
        ]}
      >
        {wave.nodes.map((n) => (
          <tr key={n.organisationId}>
            <th scope="row">{n.name}</th>
            <td className="numeric">{formatCount(n.outDegree, locale)}</td>
            <td className="numeric">{formatCount(n.inDegree, locale)}</td>
            <td className="numeric">{formatNumber(n.outCentrality, locale)}</td>
            <td className="numeric">{formatNumber(n.inCentrality, locale)}</td>
            <td className="numeric">{formatNumber(n.degreeCentrality, locale)}</td>
            <td className="numeric">{rated(n.trust, locale)}</td>
            <td className="numeric">{rated(n.value, locale)}</td>
          </tr>
        ))}
      </ScrollingTable>

      {wave.ties.length === 0 ? (
        <>
          <h3>{t('partnerNetwork.tiesTitle', { wave: wave.waveLabel })}</h3>
          <p className="hint">{t('partnerNetwork.noTies')}</p>
        </>
      ) : (
        <ScrollingTable
          title={t('partnerNetwork.tiesTitle', { wave: wave.waveLabel })}
          testId="partner-network-ties"
          columns={[
            t('partnerNetwork.from'),
            t('partnerNetwork.to'),
            numeric(t('partnerNetwork.reporters')),
            numeric(t('partnerNetwork.meanFrequency')),
            numeric(t('partnerNetwork.meanTrust')),
            numeric(t('partnerNetwork.meanValue')),
            t('partnerNetwork.mutual'),
          ]}
        >
          {wave.ties.map((tie) => (
            <tr key={`${tie.from}/${tie.to}`}>
              <th scope="row">{names.get(tie.from)}</th>
              <td>{names.get(tie.to)}</td>
              <td className="numeric">{formatCount(tie.reporters, locale)}</td>
              <td className="numeric">{formatNumber(tie.meanFrequency, locale)}</td>
              <td className="numeric">{formatNumber(tie.meanTrust, locale)}</td>
              <td className="numeric">{formatNumber(tie.meanValue, locale)}</td>
              <td>{tie.mutual ? t('partnerNetwork.yes') : t('partnerNetwork.no')}</td>
            </tr>
          ))}
        </ScrollingTable>
      )}

      {network.changes.length > 0 && (
        <ScrollingTable
          title={t('partnerNetwork.changeTitle', { baseline: network.waves[0]!.waveLabel })}
          testId="partner-network-changes"
          columns={[t('partnerNetwork.wave'), t('partnerNetwork.metric'), numeric(network.waves[0]!.waveLabel), numeric(t('partnerNetwork.later')), numeric(t('partnerNetwork.change'))]}
        >
          {network.changes.flatMap((c) =>
            c.metrics.map((m) => (
              <tr key={`${c.waveId}/${m.metric}`}>
                <th scope="row">{c.waveLabel}</th>
                <td>{t(`partnerNetwork.metrics.${m.metric}`)}</td>
                <td className="numeric">{metricValue(m.metric, m.baseline, locale)}</td>
                <td className="numeric">{metricValue(m.metric, m.value, locale)}</td>
                <td className="numeric">{metricChange(m, locale)}</td>
              </tr>
            )),
          )}
        </ScrollingTable>
      )}

      <div className="actions partner-network-export">
        <button type="button" className="button button-secondary" onClick={() => void saveTies()} disabled={exporting.busy} data-testid="partner-network-export">
          {t('partnerNetwork.export')}
        </button>
        <StatusMessage testId="partner-network-export-status" message={savedTo ? t('partnerNetwork.exported', { filePath: savedTo }) : null} />
        <ErrorAlert message={exporting.error} />
      </div>
    </section>
  );
}

/** A table under its heading, scrolling sideways on a narrow window; the scrolling region takes focus, so a keyboard can scroll it. */
function ScrollingTable({ title, testId, columns, children }: { title: string; testId: string; columns: Parameters<typeof DataTable>[0]['columns']; children: ReactNode }) {
  const id = useId();
  return (
    <>
      <h3 id={id}>{title}</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <DataTable columns={columns} testId={testId}>
          {children}
        </DataTable>
      </div>
    </>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

const WIDTH = 960;
const HEIGHT = 620;

const radiusOf = (n: PartnerNode) => 12 + 10 * Math.min(2, n.degreeCentrality);

/**
 * The map: a circle per organisation (larger with more ties), an arrow per shown tie (wider with
 * more frequent collaboration), slightly bent so that the two directions of a mutual tie stay
 * apart. Decorative for screen readers beyond its label: the tables say the same.
 */
export function NetworkMap({ wave, label }: { wave: PartnerNetworkWave; label: string }) {
  const id = useId().replace(/:/g, '');
  const nodes = new Map(wave.nodes.map((n) => [n.organisationId, n]));
  const at = (n: PartnerNode) => ({ x: n.x * WIDTH, y: n.y * HEIGHT });
  return (
    <svg className="partner-network-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="partner-network-map">
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse" markerUnits="strokeWidth">
          <path d="M 0 0 L 10 5 L 0 10 z" className="partner-network-arrow" />
        </marker>
      </defs>
      {wave.ties.map((tie) => {
        const from = nodes.get(tie.from);
        const to = nodes.get(tie.to);
        return from && to ? <TieArrow key={`${tie.from}/${tie.to}`} tie={tie} from={at(from)} to={at(to)} fromRadius={radiusOf(from)} toRadius={radiusOf(to)} marker={`url(#${id}-arrow)`} /> : null;
      })}
      {wave.nodes.map((n) => {
        const { x, y } = at(n);
        const r = radiusOf(n);
        return (
          <g key={n.organisationId} className={n.inDegree + n.outDegree === 0 ? 'partner-network-node partner-network-alone' : 'partner-network-node'} data-testid="partner-network-node">
            <circle cx={x} cy={y} r={r} />
            {/* A name near the left or right edge runs inwards, so it is never cut off. */}
            <text x={n.x < 0.3 ? x - r : n.x > 0.7 ? x + r : x} y={y + r + 18} textAnchor={n.x < 0.3 ? 'start' : n.x > 0.7 ? 'end' : 'middle'}>
              {n.name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function TieArrow({ tie, from, to, fromRadius, toRadius, marker }: { tie: PartnerTie; from: { x: number; y: number }; to: { x: number; y: number }; fromRadius: number; toRadius: number; marker: string }) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  // Bent to the right of the direction of travel, so A→B and B→A do not lie on top of each other.
  const bend = tie.mutual ? 18 : 0;
  const start = { x: from.x + ux * fromRadius, y: from.y + uy * fromRadius };
  const end = { x: to.x - ux * (toRadius + 4), y: to.y - uy * (toRadius + 4) };
  const control = { x: (start.x + end.x) / 2 - uy * bend, y: (start.y + end.y) / 2 + ux * bend };
  const width = 1.5 + Math.max(0, tie.meanFrequency - 1) * 1.25;
  return (
    <path
      className="partner-network-tie"
      d={`M ${start.x.toFixed(1)} ${start.y.toFixed(1)} Q ${control.x.toFixed(1)} ${control.y.toFixed(1)} ${end.x.toFixed(1)} ${end.y.toFixed(1)}`}
      strokeWidth={width.toFixed(2)}
      markerEnd={marker}
      data-testid="partner-network-tie"
    />
  );
}
