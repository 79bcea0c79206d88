import { useTranslation } from 'react-i18next';
import type { ConversationPoint, Dashboard } from '../../../../shared/results';
import type { Locale } from '../../../../shared/text';
import { Section } from './ChartParts';
import { pick } from './format';
import { useTranslate } from './hooks';
import { reverseKeyed } from './model';
import { DetailLink } from './SummarySection';
import { detailIds, indicatorChangeStartWave, pointFacts, pointsByKind, POINT_KINDS, VERDICT_MARK, type DetailTarget, type PointKind } from './summary-text';

const TEST_IDS: Record<PointKind, string> = { success: 'conversation-success', fall: 'conversation-fall', low: 'conversation-low', dontKnow: 'conversation-dont-know' };

/**
 * Where a point's change stands in the details: its statement's row in the change per statement,
 * when *Per uitspraak* opens on the point's wave. Falls and rises only; other points have no change.
 */
const showsChange = (p: ConversationPoint): boolean => p.kind === 'fall' || (p.kind === 'success' && p.reason === 'rise');

function changeRow(p: ConversationPoint, d: Dashboard): DetailTarget | null {
  return showsChange(p) && p.waveId === indicatorChangeStartWave(d) ? { tab: 'statements', id: detailIds.indicatorChange(p.waveId, p.itemId) } : null;
}

/**
 * *Gesprekspunten* of four kinds, what went well first: successes (rises and high scores), falls,
 * low scores and much "weet niet". Each names its indicator and condition, its numbers (the same as
 * in the details; a fall or rise with "bekijk" to its statement's row on *Per uitspraak*, given
 * `goTo`) and a question to start the conversation.
 */
export function ConversationSection({ d, locale, goTo }: { d: Dashboard; locale: Locale; goTo?: (target: DetailTarget) => void }) {
  const { t } = useTranslation();
  const translate = useTranslate();
  const groups = pointsByKind(d);
  const reversed = new Set(reverseKeyed(d, locale).map((r) => r.itemId));
  const scaleLabel = new Map(d.scales.map((s) => [s.scaleId, pick(s.label, locale)]));
  const kinds = POINT_KINDS.filter((k) => groups[k].length > 0);
  return (
    <Section id="dash-conversation" title={t('dashboard.conversation.title')} intro={<p>{t('dashboard.conversation.intro')}</p>} testId="section-conversation">
      {kinds.length === 0 ? (
        <p className="empty">{t('dashboard.conversation.none')}</p>
      ) : (
        <div className="conversation">
          {kinds.map((kind) => (
            <div key={kind} className={`conversation-group conversation-${kind}`}>
              <h3>{t(`conversationPoints.${kind}`)}</h3>
              <ul className="conversation-list" data-testid={TEST_IDS[kind]}>
                {groups[kind].map((p, i) => {
                  // A question the point before it already asked is not repeated (the successes share theirs).
                  const repeated = i > 0 && pick(groups[kind][i - 1]!.prompt, locale) === pick(p.prompt, locale);
                  const mark = showsChange(p) && 'change' in p && p.change ? VERDICT_MARK[p.change.verdict] : null;
                  const condition = p.scaleId ? scaleLabel.get(p.scaleId) : undefined;
                  const target = goTo ? changeRow(p, d) : null;
                  return (
                    <li key={`${p.kind}/${p.itemId}`} data-testid={`${TEST_IDS[kind]}-${p.itemId}`}>
                      <p className="conversation-head">
                        {mark && (
                          <span className="summary-mark" aria-hidden="true">
                            {mark}{' '}
                          </span>
                        )}
                        <strong>{pick(p.label, locale)}</strong>
                        {condition && <span className="muted"> ({condition})</span>}{' '}
                        <span className="conversation-facts">
                          {pointFacts(p, d, translate, locale)}
                          {p.kind !== 'dontKnow' && reversed.has(p.itemId) && ` (${t('dashboard.reverse.afterReversal')})`}
                        </span>
                        {target && goTo && <DetailLink target={target} subject={pick(p.label, locale)} goTo={goTo} />}
                      </p>
                      {!repeated && <p className="conversation-prompt">{pick(p.prompt, locale)}</p>}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
