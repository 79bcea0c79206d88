import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfCodeProblem } from '../../../../shared/codes';
import type { LinkDecisionView, LinkGroup, LinkProposalList, LinkProposalView, LinkSide } from '../../../../shared/results';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale } from '../../i18n';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';
import { NetworkPage } from '../network/NetworkPage';
import { formatDateTime } from '../responses/formatDateTime';

interface LinkingData {
  list: LinkProposalList;
  deviceId: string;
}

/**
 * *Koppelen*: near matches of self-made codes (one element apart) between the baseline and each
 * later wave. Each is a proposal until the researcher says "Zelfde persoon" (linked from now on) or
 * "Niet dezelfde persoon"; until then it counts in no test. Decided pairs are listed below.
 */
export function LinkingScreen({ networkId, onBack }: { networkId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const [data, reload] = useApiData<LinkingData>(`linking/${networkId}`, async () => {
    const [list, info] = await Promise.all([api.listLinkProposals({ networkId }), api.getAppInfo({})]);
    return { list, deviceId: info.deviceId };
  });
  return (
    <NetworkPage loaded={data} onBack={onBack} heading={({ list }) => ({ title: t('linking.titlePlain'), network: list.networkName })}>
      {(loaded) => <LinkingView data={loaded} onDecided={reload} />}
    </NetworkPage>
  );
}

const codeParts = (code: string): [string, string, string] => [code.slice(0, 2), code.slice(2, 4), code.slice(4)];
const PART_OF: Record<SelfCodeProblem, number> = { parentLetters: 0, birthDay: 1, olderSiblings: 2 };

function captionVars(p: { baseline: LinkSide; followUp: LinkSide }) {
  return { baseline: p.baseline.code, baselineWave: p.baseline.waveLabel, followUp: p.followUp.code, followUpWave: p.followUp.waveLabel };
}

function LinkingView({ data, onDecided }: { data: LinkingData; onDecided: () => void }) {
  const { t } = useTranslation();
  const { list } = data;
  const { busy, error, run } = useAction();
  const [status, setStatus] = useState<string | null>(null);
  // After a decision the card is gone: focus moves to its list's heading, so the keyboard stays in place.
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  useEffect(() => {
    if (focusAfter) document.getElementById(focusAfter)?.focus();
  }, [focusAfter, list]);

  const decide = (p: LinkProposalView, decision: 'accepted' | 'rejected') =>
    run(async () => {
      setStatus(null);
      await api.decideLinkProposal({ networkId: list.networkId, baselineResponseId: p.baseline.responseId, followUpResponseId: p.followUp.responseId, decision });
      setStatus(t(decision === 'accepted' ? 'linking.acceptedStatus' : 'linking.rejectedStatus', { baseline: p.baseline.code, followUp: p.followUp.code }));
      setFocusAfter(`proposals-${p.followUp.waveId}`);
      onDecided();
    });

  return (
    <>
      <p className="lead">{t('linking.intro')}</p>
      <p className="hint">{t('linking.privacy', { min: list.minGroupSize })}</p>
      <StatusMessage message={status} testId="linking-status" />
      <ErrorAlert message={error} testId="linking-error" />
      {list.comparisons.length === 0 && <p className="empty">{t('linking.noComparisons')}</p>}
      {list.comparisons.map((c) => (
        <section key={c.followUpWaveId} className="panel" aria-labelledby={`linking-${c.followUpWaveId}`} data-testid={`linking-${c.followUpWaveId}`}>
          <h2 id={`linking-${c.followUpWaveId}`}>{t('linking.comparisonTitle', { baseline: c.baselineWaveLabel, followUp: c.followUpWaveLabel })}</h2>
          <h3 id={`proposals-${c.followUpWaveId}`} tabIndex={-1}>
            {t('linking.proposalsTitle')}
          </h3>
          {c.proposals.length === 0 ? (
            <p className="empty">{t('linking.noProposals')}</p>
          ) : (
            <ul className="card-list" data-testid={`proposals-${c.followUpWaveId}`}>
              {c.proposals.map((p) => (
                <ProposalCard key={`${p.baseline.responseId}/${p.followUp.responseId}`} proposal={p} busy={busy} onDecide={(d) => decide(p, d)} />
              ))}
            </ul>
          )}
          <h3>{t('linking.decidedTitle')}</h3>
          {c.decided.length === 0 ? (
            <p className="empty">{t('linking.noDecided')}</p>
          ) : (
            <ul className="card-list" data-testid={`decided-${c.followUpWaveId}`}>
              {c.decided.map((d) => (
                <DecidedCard key={`${d.baseline.responseId}/${d.followUp.responseId}`} decided={d} thisDevice={data.deviceId} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

function ProposalCard({ proposal, busy, onDecide }: { proposal: LinkProposalView; busy: boolean; onDecide: (decision: 'accepted' | 'rejected') => void }) {
  const { t } = useTranslation();
  const vars = captionVars(proposal);
  return (
    <li className="card link-card" data-testid={`proposal-${proposal.baseline.code}-${proposal.followUp.code}`}>
      <SidesTable caption={t('linking.proposalCaption', vars)} pair={proposal} differs={proposal.differs} />
      <p className="link-differs">{t('linking.differs', { element: t(`linking.element.${proposal.differs}`) })}</p>
      <div className="card-actions">
        <button type="button" className="button" disabled={busy} onClick={() => onDecide('accepted')} aria-label={t('linking.sameFor', vars)}>
          {t('linking.same')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => onDecide('rejected')} aria-label={t('linking.notSameFor', vars)}>
          {t('linking.notSame')}
        </button>
      </div>
    </li>
  );
}

function DecidedCard({ decided, thisDevice }: { decided: LinkDecisionView; thisDevice: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const device = decided.deviceId === thisDevice ? t('linking.thisDevice') : t('linking.otherDevice', { id: decided.deviceId.slice(0, 8) });
  return (
    <li className="card link-card" data-testid={`decided-${decided.baseline.code}-${decided.followUp.code}`}>
      <SidesTable caption={t('linking.decidedCaption', captionVars(decided))} pair={decided} differs={decided.differs} />
      <p className="link-differs">{t('linking.differs', { element: t(`linking.element.${decided.differs ?? 'several'}`) })}</p>
      <p data-testid={`decision-${decided.baseline.code}-${decided.followUp.code}`}>
        {t('linking.decidedBy', { decision: t(`linking.decision.${decided.decision}`), when: formatDateTime(decided.decidedAt, locale), device })}
        {decided.overruled > 0 && <> {t('linking.overruled')}</>}
      </p>
    </li>
  );
}

/** Both sides of a pair in one small table: code (the differing element marked), wave, organisation, role group. */
function SidesTable({ caption, pair, differs }: { caption: string; pair: { baseline: LinkSide; followUp: LinkSide }; differs: SelfCodeProblem | null }) {
  const { t } = useTranslation();
  const sides = [pair.baseline, pair.followUp];
  const rows: [string, (s: LinkSide) => ReactNode][] = [
    [t('linking.row.code'), (s) => <MarkedCode code={s.code} differs={differs} />],
    [t('linking.row.wave'), (s) => s.waveLabel],
    [t('linking.row.organisation'), (s) => <GroupText group={s.organisation} />],
    [t('linking.row.roleGroup'), (s) => <GroupText group={s.roleGroup} />],
  ];
  return (
    <table className="data-table link-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{t('linking.columnBaseline')}</th>
          <th scope="col">{t('linking.columnFollowUp')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, cell]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {sides.map((s) => (
              <td key={s.responseId}>{cell(s)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A self-made code in its three elements; the one that differs is marked by more than colour: bold, underlined and named. */
function MarkedCode({ code, differs }: { code: string; differs: SelfCodeProblem | null }) {
  const { t } = useTranslation();
  const marked = differs === null ? -1 : PART_OF[differs];
  return (
    <span className="link-code">
      {codeParts(code).map((part, i) =>
        i === marked ? (
          <mark key={i} className="code-differs">
            {part}
            <span className="visually-hidden"> {t('linking.differsMarker')}</span>
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </span>
  );
}

function GroupText({ group }: { group: LinkGroup }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (group.shown) return <>{group.label[locale] || group.label.nl}</>;
  return <span className="card-meta">{group.reason === 'hidden' ? t('linking.hidden') : t('linking.unknown')}</span>;
}
