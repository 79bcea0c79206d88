import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerNetwork, PartnerNetworkWave, PartnerNode, PartnerTie, RatedMean } from '../../../../shared/partner-network';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { ErrorAlert } from '../../components/Messages';
import { currentLocale } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { formatCount, formatNumber, formatPercent, formatSigned, NO_VALUE } from '../dashboard/format';
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

      <h3>{t('partnerNetwork.organisationsTitle', { wave: wave.waveLabel })}</h3>
      <div className="table-scroll">
        <table className="data-table" data-testid="partner-network-organisations">
          <thead>
            <tr>
              <th scope="col">{t('partnerNetwork.organisation')}</th>
              <th scope="col">{t('partnerNetwork.outDegree')}</th>
              <th scope="col">{t('partnerNetwork.inDegree')}</th>
              <th scope="col">{t('partnerNetwork.outCentrality')}</th>
              <th scope="col">{t('partnerNetwork.inCentrality')}</th>
              <th scope="col">{t('partnerNetwork.degreeCentrality')}</th>
              <th scope="col">{t('partnerNetwork.trust')}</th>
              <th scope="col">{t('partnerNetwork.value')}</th>
            </tr>
          </thead>
          <tbody>
            {wave.nodes.map((n) => (
              <tr key={n.organisationId}>
                <th scope="row">{n.name}</th>
                <td>{formatCount(n.outDegree, locale)}</td>
                <td>{formatCount(n.inDegree, locale)}</td>
                <td>{formatNumber(n.outCentrality, locale)}</td>
                <td>{formatNumber(n.inCentrality, locale)}</td>
                <td>{formatNumber(n.degreeCentrality, locale)}</td>
                <td>{rated(n.trust, locale)}</td>
                <td>{rated(n.value, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('partnerNetwork.tiesTitle', { wave: wave.waveLabel })}</h3>
      {wave.ties.length === 0 ? (
        <p className="hint">{t('partnerNetwork.noTies')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="partner-network-ties">
            <thead>
              <tr>
                <th scope="col">{t('partnerNetwork.from')}</th>
                <th scope="col">{t('partnerNetwork.to')}</th>
                <th scope="col">{t('partnerNetwork.reporters')}</th>
                <th scope="col">{t('partnerNetwork.meanFrequency')}</th>
                <th scope="col">{t('partnerNetwork.meanTrust')}</th>
                <th scope="col">{t('partnerNetwork.meanValue')}</th>
                <th scope="col">{t('partnerNetwork.mutual')}</th>
              </tr>
            </thead>
            <tbody>
              {wave.ties.map((tie) => (
                <tr key={`${tie.from}/${tie.to}`}>
                  <th scope="row">{names.get(tie.from)}</th>
                  <td>{names.get(tie.to)}</td>
                  <td>{formatCount(tie.reporters, locale)}</td>
                  <td>{formatNumber(tie.meanFrequency, locale)}</td>
                  <td>{formatNumber(tie.meanTrust, locale)}</td>
                  <td>{formatNumber(tie.meanValue, locale)}</td>
                  <td>{tie.mutual ? t('partnerNetwork.yes') : t('partnerNetwork.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {network.changes.length > 0 && (
        <>
          <h3>{t('partnerNetwork.changeTitle', { baseline: network.waves[0]!.waveLabel })}</h3>
          <div className="table-scroll">
            <table className="data-table" data-testid="partner-network-changes">
              <thead>
                <tr>
                  <th scope="col">{t('partnerNetwork.wave')}</th>
                  <th scope="col">{t('partnerNetwork.metric')}</th>
                  <th scope="col">{network.waves[0]!.waveLabel}</th>
                  <th scope="col">{t('partnerNetwork.later')}</th>
                  <th scope="col">{t('partnerNetwork.change')}</th>
                </tr>
              </thead>
              <tbody>
                {network.changes.flatMap((c) =>
                  c.metrics.map((m) => (
                    <tr key={`${c.waveId}/${m.metric}`}>
                      <th scope="row">{c.waveLabel}</th>
                      <td>{t(`partnerNetwork.metrics.${m.metric}`)}</td>
                      <td>{m.metric === 'ties' ? formatCount(m.baseline, locale) : formatPercent(m.baseline, locale)}</td>
                      <td>{m.metric === 'ties' ? formatCount(m.value, locale) : formatPercent(m.value, locale)}</td>
                      <td>{m.metric === 'ties' ? formatSigned(m.change, locale, 0) : m.change === null ? NO_VALUE : formatSigned(m.change * 100, locale, 0)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
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

/** "3,40 (n = 5)", or only the n below the minimum group. */
function rated(r: RatedMean, locale: Locale): string {
  if (r.n === 0) return NO_VALUE;
  return r.mean === null ? `${NO_VALUE} (n = ${r.n})` : `${formatNumber(r.mean, locale)} (n = ${r.n})`;
}

const WIDTH = 960;
const HEIGHT = 620;

const radiusOf = (n: PartnerNode) => 12 + 10 * Math.min(2, n.degreeCentrality);

/**
 * The map: a circle per organisation (larger with more ties), an arrow per shown tie (wider with
 * more frequent collaboration), slightly bent so that the two directions of a mutual tie stay
 * apart. Decorative for screen readers beyond its label: the tables say the same.
 */
function NetworkMap({ wave, label }: { wave: PartnerNetworkWave; label: string }) {
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
            <text x={x} y={y + r + 18} textAnchor="middle">
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
