import { createContext, useCallback, useContext, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelationAnswer } from '../../../../shared/domain';
import type { RelationAnsweredCheck } from '../../../../shared/instruments/given-answers';
import { partnersToAsk, relationAnswerKey, relationAsked, relationItemAnswered, relationItemsOf, type RelationAnswerKey } from '../../../../shared/instruments/relations';
import type { InstrumentDefinition, RelationItem } from '../../../../shared/instruments/schema';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { currentLocale, localized } from '../../i18n';
import { messageOf } from '../../lib/errors';
import './relation-grid.css';

/**
 * Relation items ("how often do you work with …"), asked once per partner organisation but the
 * respondent's own, as a grid: a row per organisation, the scale's options as columns; on a narrow
 * screen (a phone) each organisation is a card with its options below each other. Every choice is
 * saved at once (saveRelationAnswer). Trust and value rows appear only for organisations the
 * respondent works with (shared/instruments/relations.ts).
 *
 * The questionnaire screens (kiosk, phone, researcher's form) wrap their questions in
 * `RelationAnswersProvider`, which knows the response, the network's organisations and the
 * respondent's own; ItemField hands a relation item to `RelationItemField`.
 */

interface RelationState {
  saved: number | null;
  pending: number | null;
  status: 'idle' | 'saving' | 'saved' | 'error';
  error: string | null;
}

interface RelationAnswers {
  partners: { id: string; name: string }[];
  state: Record<string, RelationState | undefined>;
  save: (instrumentId: string, itemId: string, organisationId: string, value: number | null) => void;
  /** Waits until every save sent so far has been answered. */
  settle: () => Promise<void>;
}

const RelationContext = createContext<RelationAnswers | null>(null);
const idle: RelationState = { saved: null, pending: null, status: 'idle', error: null };

export function RelationAnswersProvider({
  responseId,
  organisations,
  ownOrganisationId,
  initial,
  onDraft,
  children,
}: {
  responseId: string;
  organisations: readonly { id: string; name: string }[];
  ownOrganisationId: string | null;
  initial: readonly RelationAnswer[];
  /** A correction: each choice is only handed here, nothing is saved until the correction is sent. */
  onDraft?: (answer: RelationAnswerKey & { value: number | null }) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<Record<string, RelationState | undefined>>(() =>
    // In a correction nothing is saved yet, so the submitted answers are not said to be.
    Object.fromEntries(initial.map((a) => [relationAnswerKey(a), { ...idle, saved: a.value, status: onDraft ? ('idle' as const) : ('saved' as const) }])),
  );
  // Per answer: the latest save (only it may update the screen) and the tail of its queue, so "3 then 4" is never stored as 3.
  const latest = useRef(new Map<string, number>());
  const queues = useRef(new Map<string, Promise<unknown>>());

  const save = useCallback(
    (instrumentId: string, itemId: string, organisationId: string, value: number | null) => {
      const key = relationAnswerKey({ instrumentId, itemId, organisationId });
      if (onDraft) {
        setState((prev) => ({ ...prev, [key]: { ...idle, saved: value } }));
        onDraft({ instrumentId, itemId, organisationId, value });
        return;
      }
      const seq = (latest.current.get(key) ?? 0) + 1;
      latest.current.set(key, seq);
      const update = (change: (prev: RelationState) => RelationState) => setState((prev) => ({ ...prev, [key]: change(prev[key] ?? idle) }));
      update((prev) => ({ ...prev, pending: value, status: 'saving', error: null }));
      const request = (queues.current.get(key) ?? Promise.resolve())
        .then(() => api.saveRelationAnswer({ responseId, instrumentId, itemId, organisationId, value }))
        .then(
          () => update((prev) => (latest.current.get(key) === seq ? { saved: value, pending: null, status: 'saved', error: null } : { ...prev, saved: value })),
          (err: unknown) => {
            if (latest.current.get(key) === seq) update((prev) => ({ ...prev, pending: null, status: 'error', error: messageOf(err, t('errors.unexpected')) }));
          },
        );
      queues.current.set(key, request);
      void request.finally(() => {
        if (queues.current.get(key) === request) queues.current.delete(key);
      });
    },
    [responseId, t, onDraft],
  );
  const settle = useCallback(async () => {
    while (queues.current.size > 0) await Promise.allSettled([...queues.current.values()]);
  }, []);

  const partners = useMemo(() => partnersToAsk(organisations, ownOrganisationId).map((o) => ({ id: o.id, name: o.name })), [organisations, ownOrganisationId]);
  const value = useMemo(() => ({ partners, state, save, settle }), [partners, state, save, settle]);
  return <RelationContext.Provider value={value}>{children}</RelationContext.Provider>;
}

const shownValue = (s: RelationState | undefined) => (s ? (s.status === 'saving' ? s.pending : s.saved) : null);

/** The organisations a relation item is asked about now: all partners, or for trust and value those the respondent works with. */
function askedPartners(context: RelationAnswers, definition: InstrumentDefinition, item: RelationItem) {
  const frequency = relationItemsOf(definition).find((i) => i.dimension === 'frequency');
  return context.partners.filter((o) => {
    const code = frequency ? shownValue(context.state[relationAnswerKey({ instrumentId: definition.id, itemId: frequency.id, organisationId: o.id })]) : null;
    return relationAsked(definition, item, code);
  });
}

/** Waits for the answers about partner organisations still being saved (before submitting); nothing to wait for outside a provider. */
export function useRelationSettle(): () => Promise<void> {
  const context = useContext(RelationContext);
  return context?.settle ?? (async () => {});
}

/**
 * Whether a relation item is answered for every organisation it is asked about now (for the
 * kiosk's review page); false for any other item, and outside a provider.
 */
export function useRelationAnswered(): (definition: InstrumentDefinition, itemId: string) => boolean {
  const context = useContext(RelationContext);
  return (definition, itemId) => {
    const item = definition.items.find((i) => i.id === itemId);
    if (!context || item?.type !== 'relation') return false;
    // The screen's answers (a choice on its way counts at once), judged by the rule the main process's submit check uses.
    const answers = relationItemsOf(definition).flatMap((asked) =>
      context.partners.map((o) => {
        const key = { instrumentId: definition.id, itemId: asked.id, organisationId: o.id };
        return { ...key, value: shownValue(context.state[relationAnswerKey(key)]) };
      }),
    );
    return relationItemAnswered(definition, item, context.partners.map((o) => o.id), answers);
  };
}

/**
 * The same as a check for the required-question rules (shared/instruments/given-answers.ts), so a
 * required relation item is open until answered about every organisation it asks about; undefined
 * outside a provider, where relation items are not asked.
 */
export function useRelationAnsweredCheck(): RelationAnsweredCheck | undefined {
  const context = useContext(RelationContext);
  const answered = useRelationAnswered();
  return context ? (definition, item) => answered(definition, item.id) : undefined;
}

export function RelationItemField({ definition, item, number, locale: chosenLocale }: { definition: InstrumentDefinition; item: RelationItem; number: number; locale?: Locale }) {
  const locale = chosenLocale ?? currentLocale();
  const { t } = useTranslation(undefined, { lng: locale });
  const context = useContext(RelationContext);
  const id = useId();
  const scale = definition.scales.find((s) => s.id === item.scale);
  const legend = (
    <legend>
      <span className="item-number">{number}.</span> {localized(item.text, locale)}
    </legend>
  );
  if (!context || !scale) {
    return (
      <fieldset className="item relation-item" data-testid={`relation-${item.id}`}>
        {legend}
        <p className="hint">{t('relations.notHere')}</p>
      </fieldset>
    );
  }
  const options = [...scale.options.map((o) => ({ ...o, scored: true })), ...scale.notScored.map((o) => ({ ...o, scored: false }))];
  const columns = { gridTemplateColumns: `minmax(10rem, 1.8fr) repeat(${options.length}, minmax(4.2rem, 1fr))` };
  const partners = askedPartners(context, definition, item);
  const states = partners.map((o) => context.state[relationAnswerKey({ instrumentId: definition.id, itemId: item.id, organisationId: o.id })]);
  const errors = partners.flatMap((o, i) => (states[i]?.status === 'error' ? [`${o.name}: ${states[i]!.error}`] : []));
  const saving = states.some((s) => s?.status === 'saving');
  const anySaved = states.some((s) => s?.status === 'saved');

  return (
    <fieldset className="item relation-item" data-testid={`relation-${item.id}`} data-instrument={definition.id}>
      {legend}
      {context.partners.length === 0 ? (
        <p className="hint" data-testid={`relation-${item.id}-none`}>{t('relations.noPartners')}</p>
      ) : partners.length === 0 ? (
        <p className="hint" data-testid={`relation-${item.id}-none`}>{t('relations.noneWorkedWith')}</p>
      ) : (
        <div className="relation-grid" role="presentation">
          <div className="relation-head" style={columns} aria-hidden="true">
            <span className="relation-head-org">{t('relations.organisation')}</span>
            {options.map((o) => (
              <span key={o.code} className={o.scored ? 'relation-head-option' : 'relation-head-option relation-not-scored'}>
                {localized(o.label, locale)}
              </span>
            ))}
          </div>
          {partners.map((o, i) => {
            const shown = shownValue(states[i]);
            const nameId = `${id}-${o.id}`;
            const radio = (option: (typeof options)[number]) => (
              <label key={option.code} className={option.scored ? 'choice relation-choice' : 'choice relation-choice relation-not-scored'}>
                <input
                  type="radio"
                  name={`${id}-${o.id}`}
                  value={option.code}
                  checked={shown === option.code}
                  onChange={() => context.save(definition.id, item.id, o.id, option.code)}
                />
                <span className="choice-label relation-choice-label">{localized(option.label, locale)}</span>
              </label>
            );
            return (
              <div key={o.id} className="relation-row" style={columns} role="radiogroup" aria-labelledby={nameId} data-testid={`item-${item.id}-${o.id}`} data-organisation={o.name}>
                <span className="relation-org" id={nameId}>
                  {o.name}
                </span>
                <div className="choices relation-choices">{options.filter((x) => x.scored).map(radio)}</div>
                <div className="choices choices-not-scored relation-choices">{options.filter((x) => !x.scored).map(radio)}</div>
              </div>
            );
          })}
        </div>
      )}
      <div className="item-footer">
        <StatusMessage testId={`relation-${item.id}-status`} message={saving ? t('questionnaire.saving') : anySaved ? t('questionnaire.saved') : null} persist />
      </div>
      <ErrorAlert message={errors.length > 0 ? errors.join(' ') : null} testId={`relation-${item.id}-error`} />
    </fieldset>
  );
}
