import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { KioskSession, ResponseRecord } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/schema';
import { numberList, shownQuestionKeys, type RelationAnsweredCheck } from '../../../../shared/instruments/given-answers';
import { questionNumbers } from '../../../../shared/question-numbers';
import { api } from '../../api';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { localized } from '../../i18n';
import { messageOf } from '../../lib/errors';
import { ItemField, RequiredExplanation } from '../questionnaire/ItemField';
import { focusQuestion, questionRulesOf, type QuestionRules } from '../questionnaire/questionRules';
import { RelationAnswersProvider, useRelationAnswered, useRelationAnsweredCheck, useRelationSettle } from '../questionnaire/RelationItemField';
import { answerKey, useAnswers, type StoredAnswer } from '../questionnaire/useAnswers';
import { answerKeyOf, focusItem, handlesEnter, hasTickBoxes, isTextEntry, itemsIn, notScoredKeyOptions, optionFor, targetItem, togglesOption } from './keys';
import { KioskProgress, KioskTitle } from './KioskParts';
import { useKioskT } from './kioskLocale';

/** One page of questions: one section of one instrument. */
interface QuestionPage {
  definition: InstrumentDefinition;
  sectionIndex: number;
  items: InstrumentItem[];
}

export function pagesOf(definitions: InstrumentDefinition[]): QuestionPage[] {
  return definitions.flatMap((definition) =>
    definition.sections.map((section, sectionIndex) => ({
      definition,
      sectionIndex,
      items: section.items.map((id) => definition.items.find((it) => it.id === id)).filter((it): it is InstrumentItem => it !== undefined),
    })),
  );
}

type Step = { name: 'about' } | { name: 'page'; index: number; focusItemId: string | null } | { name: 'review' };

/** Where a response begun before carries on: "Over u" if nothing was given yet, else the first page with an open question, else the review. */
function resumeStep(definitions: InstrumentDefinition[], pages: QuestionPage[], response: ResponseRecord, hasAbout: boolean): Step {
  if (hasAbout && response.organisationId === null && response.answers.length === 0) return { name: 'about' };
  const answered = new Set(response.answers.map((a) => answerKey(a.instrumentId, a.itemId)));
  const shown = shownQuestionKeys(definitions, response.answers);
  const index = pages.findIndex((page) =>
    page.items.some((item) => item.type !== 'relation' && shown.has(answerKey(page.definition.id, item.id)) && !answered.has(answerKey(page.definition.id, item.id))),
  );
  return index === -1 ? { name: 'review' } : { name: 'page', index, focusItemId: null };
}

/**
 * One respondent's questionnaire after consent and code: "Over u", one page per section, a review
 * page, and submitting. Every answer is saved the moment it is given (useAnswers).
 */
export function ResponseFlow({
  session,
  response,
  definitions,
  onSubmitted,
  onSettle,
  resumed = false,
}: {
  session: KioskSession;
  response: ResponseRecord;
  definitions: InstrumentDefinition[];
  onSubmitted: () => void;
  /** The response was begun before (a phone's reloaded page): open at the first page with a question still open. */
  resumed?: boolean;
  /** Receives the wait for answers still being saved (for *Stoppen*, which must come after them). */
  onSettle: (settle: () => Promise<unknown>) => void;
}) {
  const { items, save, settle } = useAnswers(response.id, response.answers);
  useEffect(() => {
    onSettle(settle);
  }, [onSettle, settle]);
  const pages = pagesOf(definitions);
  const hasAbout = session.organisations.length > 0;
  const [step, setStep] = useState<Step>(() => (resumed ? resumeStep(definitions, pages, response, hasAbout) : hasAbout ? { name: 'about' } : { name: 'page', index: 0, focusItemId: null }));
  // undefined: not chosen yet; null: "rather not say".
  const [organisationId, setOrganisationId] = useState<string | null | undefined>(response.organisationId ?? undefined);

  // Questions are numbered straight through, across pages and instruments, as on the paper form;
  // a hidden question keeps its number.
  const numbers = questionNumbers(definitions);
  const rules = questionRulesOf(definitions, items);

  const toPage = (index: number, focusItemId: string | null = null) => setStep({ name: 'page', index, focusItemId });
  // A page whose questions are all hidden now (a section of follow-ups only) is passed over, and not counted as a step.
  const hasShown = (index: number) => pages[index]!.items.some((item) => rules.shown.has(answerKey(pages[index]!.definition.id, item.id)));
  const shownPages = pages.map((_, index) => index).filter(hasShown);
  const totalSteps = (hasAbout ? 1 : 0) + shownPages.length + 1;
  const stepNumber = step.name === 'about' ? 1 : step.name === 'page' ? (hasAbout ? 2 : 1) + shownPages.filter((index) => index < step.index).length : totalSteps;
  const pageAfter = (index: number) => pages.findIndex((_, i) => i > index && hasShown(i));
  const pageBefore = (index: number) => pages.findLastIndex((_, i) => i < index && hasShown(i));
  const forwardFrom = (index: number) => {
    const next = pageAfter(index);
    if (next === -1) setStep({ name: 'review' });
    else toPage(next);
  };
  const backFrom = (index: number) => {
    const previous = pageBefore(index);
    if (previous !== -1) toPage(previous);
    else if (hasAbout) setStep({ name: 'about' });
  };
  const firstPage = () => forwardFrom(-1);

  const flow = (
    <div className="kiosk-response" data-testid="kiosk-response">
      <KioskProgress current={stepNumber} total={totalSteps} />
      {step.name === 'about' && (
        <AboutStep
          key="about"
          session={session}
          responseId={response.id}
          organisationId={organisationId}
          onChosen={setOrganisationId}
          onNext={firstPage}
        />
      )}
      {step.name === 'page' && pages[step.index] && (
        <QuestionPageStep
          key={`page-${step.index}`}
          page={pages[step.index]!}
          numbers={numbers}
          items={items}
          rules={rules}
          focusItemId={step.focusItemId}
          onSave={(instrumentId, itemId, answer, keepsDraft) => void save(instrumentId, itemId, answer, keepsDraft)}
          onBack={pageBefore(step.index) !== -1 || hasAbout ? () => backFrom(step.index) : null}
          onNext={() => forwardFrom(step.index)}
          isLast={pageAfter(step.index) === -1}
        />
      )}
      {step.name === 'review' && (
        <ReviewStep
          key="review"
          pages={pages}
          numbers={numbers}
          rulesWith={(relationAnswered) => questionRulesOf(definitions, items, relationAnswered)}
          answered={(instrumentId, itemId) => items[answerKey(instrumentId, itemId)]?.saved != null}
          onJump={(index, itemId) => toPage(index, itemId)}
          onBack={() => backFrom(pages.length)}
          settle={settle}
          responseId={response.id}
          onSubmitted={onSubmitted}
        />
      )}
    </div>
  );
  // Answers about partner organisations: asked about every organisation but the one chosen at "Over u".
  return (
    <RelationAnswersProvider responseId={response.id} organisations={session.organisations} ownOrganisationId={organisationId ?? null} initial={response.relationAnswers}>
      {flow}
    </RelationAnswersProvider>
  );
}

/** "Over u": the partner organisation the respondent works for, optional, saved when chosen. */
function AboutStep({
  session,
  responseId,
  organisationId,
  onChosen,
  onNext,
}: {
  session: KioskSession;
  responseId: string;
  organisationId: string | null | undefined;
  onChosen: (organisationId: string | null | undefined) => void;
  onNext: () => void;
}) {
  const { t } = useKioskT();
  const id = useId();
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  function choose(next: string | null) {
    const previous = organisationId;
    const seq = ++latest.current;
    onChosen(next);
    setStatus('saving');
    setError(null);
    api.setResponseOrganisation({ responseId, organisationId: next }).then(
      () => {
        if (latest.current === seq) setStatus('saved');
      },
      (err: unknown) => {
        if (latest.current !== seq) return;
        onChosen(previous);
        setStatus('idle');
        setError(messageOf(err, t('errors.unexpected')));
      },
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !handlesEnter(event.target as Element)) {
      event.preventDefault();
      onNext();
    }
  }

  const option = (value: string | null, label: string) => (
    <label key={value ?? 'none'} className="choice kiosk-choice-row">
      <input type="radio" name={`${id}-org`} checked={organisationId === value} onChange={() => choose(value)} />
      <span className="choice-label">{label}</span>
    </label>
  );

  return (
    <section className="kiosk-step" data-testid="kiosk-about" onKeyDown={onKeyDown}>
      <KioskTitle>{t('kiosk.about.title')}</KioskTitle>
      <fieldset className="item" data-testid="kiosk-organisation">
        <legend>{t('kiosk.about.organisation')}</legend>
        <div className="kiosk-choice-list">
          {session.organisations.map((o) => option(o.id, o.name))}
          {option(null, t('kiosk.about.noOrganisation'))}
        </div>
        <div className="item-footer">
          <StatusMessage
            testId="kiosk-organisation-status"
            message={status === 'saving' ? t('questionnaire.saving') : status === 'saved' ? t('questionnaire.saved') : null}
            persist
          />
        </div>
        <ErrorAlert message={error} testId="kiosk-organisation-error" />
      </fieldset>
      <div className="kiosk-nav">
        <span />
        <button type="button" className="button button-large kiosk-primary" onClick={onNext}>
          {t('kiosk.nav.next')}
        </button>
      </div>
    </section>
  );
}

function QuestionPageStep({
  page,
  numbers,
  items,
  rules,
  focusItemId,
  onSave,
  onBack,
  onNext,
  isLast,
}: {
  page: QuestionPage;
  numbers: Map<string, number>;
  items: ReturnType<typeof useAnswers>['items'];
  rules: QuestionRules;
  focusItemId: string | null;
  onSave: (instrumentId: string, itemId: string, answer: StoredAnswer, keepsDraft?: boolean) => void;
  onBack: (() => void) | null;
  onNext: () => void;
  isLast: boolean;
}) {
  const { t, locale } = useKioskT();
  const ref = useRef<HTMLElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const section = page.definition.sections[page.sectionIndex]!;
  // Required questions of this page left open when the respondent tried to go on.
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (item: InstrumentItem) => answerKey(page.definition.id, item.id);
  const shownItems = page.items.filter((item) => rules.shown.has(keyOf(item)));
  const stillOpen = shownItems.filter((item) => flagged.has(keyOf(item)) && rules.missingKeys.has(keyOf(item)));

  /** On only when every shown required question of the page is answered; else to the first of them. */
  function goOn() {
    const open = shownItems.filter((item) => rules.missingKeys.has(keyOf(item)));
    if (open.length === 0) {
      onNext();
      return;
    }
    setFlagged(new Set(open.map(keyOf)));
    focusQuestion(ref.current, { instrumentId: page.definition.id, item: open[0]! });
  }
  const lastOfInstrument = page.sectionIndex === page.definition.sections.length - 1;
  // The hint names what N chooses on this page, in the words of the options themselves.
  const nOptions = notScoredKeyOptions(page.definition, page.items).map((label) => localized(label, locale));
  const choiceKeysHint =
    nOptions.length === 0
      ? t('kiosk.keys.withoutOption')
      : nOptions.length === 1
        ? t('kiosk.keys.withOption', { option: nOptions[0] })
        : t('kiosk.keys.withOptions', { options: new Intl.ListFormat(locale, { type: 'disjunction' }).format(nOptions.map((o) => `‘${o}’`)) });
  const keysHint = hasTickBoxes(shownItems) ? `${choiceKeysHint} ${t('kiosk.tickKeys.hint')}` : choiceKeysHint;

  // Coming from the review page: straight to the question that was chosen there.
  useEffect(() => {
    if (!focusItemId || !ref.current) return;
    const item = ref.current.querySelector(`[data-testid="item-${focusItemId}"]`);
    if (item) {
      focusItem(item);
      item.scrollIntoView({ block: 'center' });
    }
  }, [focusItemId]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as Element;
    if (event.key === 'Enter') {
      if (handlesEnter(target)) return;
      event.preventDefault();
      goOn();
      return;
    }
    if (isTextEntry(target) || !ref.current) return;
    const key = answerKeyOf(event.key);
    if (!key) return;
    const item = targetItem(ref.current, target);
    const option = item && optionFor(item, key);
    if (!item || !option) return;
    event.preventDefault();
    // A tick box is ticked or unticked, saved as a click; the respondent stays on the question to tick more.
    if (togglesOption(option)) {
      option.click();
      option.focus();
      return;
    }
    if (!option.checked) option.click();
    // On to the next question, or to "Volgende" after the last one.
    const all = itemsIn(ref.current);
    const next = all[all.indexOf(item) + 1];
    if (!next || !focusItem(next)) nextRef.current?.focus();
  }

  return (
    <section ref={ref} className="kiosk-step kiosk-page" data-testid="kiosk-page" data-section={section.id} onKeyDown={onKeyDown}>
      <p className="kiosk-kicker">{localized(page.definition.name, locale)}</p>
      <KioskTitle focus={!focusItemId}>{localized(section.title, locale)}</KioskTitle>
      {section.intro && <p className="section-intro">{localized(section.intro, locale)}</p>}
      <p className="hint kiosk-keys" data-testid="kiosk-keys">
        {keysHint}
      </p>
      <RequiredExplanation items={shownItems} locale={locale} />
      <div className="panel kiosk-questions">
        {shownItems.map((item) => (
          <ItemField
            key={item.id}
            definition={page.definition}
            item={item}
            number={numbers.get(keyOf(item)) ?? 0}
            state={items[keyOf(item)]}
            onSave={(answer, keepsDraft) => onSave(page.definition.id, item.id, answer, keepsDraft)}
            locale={locale}
            requiredMissing={flagged.has(keyOf(item)) && rules.missingKeys.has(keyOf(item))}
          />
        ))}
      </div>
      {lastOfInstrument && <p className="attribution">{localized(page.definition.attribution, locale)}</p>}
      <ErrorAlert
        testId="kiosk-required"
        message={
          stillOpen.length === 0
            ? null
            : t('questionRules.requiredPage', { count: stillOpen.length, numbers: numberList(stillOpen.map((item) => numbers.get(keyOf(item)) ?? 0), locale) })
        }
      />
      <div className="kiosk-nav">
        {onBack ? (
          <button type="button" className="button button-large button-secondary" onClick={onBack}>
            {t('kiosk.nav.back')}
          </button>
        ) : (
          <span />
        )}
        <button ref={nextRef} type="button" className="button button-large kiosk-primary" onClick={goOn} data-testid="kiosk-next">
          {isLast ? t('kiosk.nav.toReview') : t('kiosk.nav.next')}
        </button>
      </div>
    </section>
  );
}

function ReviewStep({
  pages,
  numbers,
  rulesWith,
  answered,
  onJump,
  onBack,
  settle,
  responseId,
  onSubmitted,
}: {
  pages: QuestionPage[];
  numbers: Map<string, number>;
  /** The question rules with required relation items checked by the answers about partner organisations given so far. */
  rulesWith: (relationAnswered: RelationAnsweredCheck | undefined) => QuestionRules;
  answered: (instrumentId: string, itemId: string) => boolean;
  onJump: (pageIndex: number, itemId: string) => void;
  onBack: () => void;
  settle: () => Promise<boolean>;
  responseId: string;
  onSubmitted: () => void;
}) {
  const { t, locale } = useKioskT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One submit per respondent, however often the button is pressed.
  const submitting = useRef(false);
  const relationAnswered = useRelationAnswered();
  const rules = rulesWith(useRelationAnsweredCheck());
  const settleRelations = useRelationSettle();

  // Only the questions shown count: a hidden follow-up is neither open nor part of the total.
  const shownOf = (page: QuestionPage) => page.items.filter((item) => rules.shown.has(answerKey(page.definition.id, item.id)));
  const open = pages.flatMap((page, index) =>
    shownOf(page)
      .filter((item) => !answered(page.definition.id, item.id) && !relationAnswered(page.definition, item.id))
      .map((item) => ({ page, index, item })),
  );
  const total = pages.reduce((sum, page) => sum + shownOf(page).length, 0);
  const listRef = useRef<HTMLUListElement>(null);

  async function submit() {
    if (submitting.current) return;
    if (rules.missing.length > 0) {
      const numbersMissing = rules.missing.map((q) => q.number);
      setError(t('questionRules.requiredSubmit', { count: numbersMissing.length, numbers: numberList(numbersMissing, locale) }));
      listRef.current?.querySelector<HTMLButtonElement>(`[data-testid="kiosk-open-${rules.missing[0]!.item.id}"]`)?.focus();
      return;
    }
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      await settleRelations();
      if (!(await settle())) {
        setError(t('kiosk.review.unsaved'));
        submitting.current = false;
        return;
      }
      await api.completeResponse({ responseId });
      onSubmitted();
    } catch (err) {
      // Already submitted (a second press that got through, or a retry after a lost answer): done.
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        onSubmitted();
        return;
      }
      submitting.current = false;
      setError(messageOf(err, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kiosk-step" data-testid="kiosk-review">
      <KioskTitle>{t('kiosk.review.title')}</KioskTitle>
      <p className="kiosk-lead" data-testid="kiosk-review-count">
        {t('kiosk.review.count', { answered: total - open.length, total })}
      </p>
      {open.length === 0 ? (
        <p>{t('kiosk.review.allAnswered')}</p>
      ) : (
        <>
          <h2>{t('kiosk.review.openTitle')}</h2>
          <p>{t('kiosk.review.openText')}</p>
          <ul className="kiosk-open-list" data-testid="kiosk-open-list" ref={listRef}>
            {open.map(({ page, index, item }) => {
              const number = numbers.get(answerKey(page.definition.id, item.id)) ?? 0;
              return (
                <li key={`${page.definition.id}/${item.id}`}>
                  <button type="button" className="kiosk-open-item" onClick={() => onJump(index, item.id)} data-testid={`kiosk-open-${item.id}`}>
                    <span className="item-number">{t('kiosk.review.question', { number })}</span> {localized(item.text, locale)}
                    {rules.missingKeys.has(answerKey(page.definition.id, item.id)) && <span className="item-required-tag"> ({t('questionRules.requiredOpen')})</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p>{t('kiosk.review.final')}</p>
      <ErrorAlert message={error} testId="kiosk-submit-error" />
      <div className="kiosk-nav">
        <button type="button" className="button button-large button-secondary" onClick={onBack}>
          {t('kiosk.nav.back')}
        </button>
        <button type="button" className="button button-large kiosk-primary" onClick={() => void submit()} disabled={busy} data-testid="kiosk-submit">
          {t('kiosk.review.submit')}
        </button>
      </div>
    </section>
  );
}
