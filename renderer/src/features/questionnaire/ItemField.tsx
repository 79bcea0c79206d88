import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { numberShownAsChoices, parseTypedCode, type NumberRange } from '../../../../shared/instruments/number-items';
import type { InstrumentDefinition, InstrumentItem } from '../../../../shared/instruments/schema';
import { multipleChoiceCodes, multipleChoiceText } from '../../../../shared/instruments/visibility';
import type { Locale } from '../../../../shared/text';
import { ErrorAlert } from '../../components/Messages';
import { NumberInput } from '../../components/NumberField';
import { currentLocale, localized } from '../../i18n';
import { RelationItemField } from './RelationItemField';
import type { ItemAnswerState, StoredAnswer } from './useAnswers';

interface ItemFieldProps {
  definition: InstrumentDefinition;
  item: InstrumentItem;
  number: number;
  state: ItemAnswerState | undefined;
  /** `keepsDraft`: the screen keeps showing this answer even if saving it fails (typed text). */
  onSave: (answer: StoredAnswer, keepsDraft?: boolean) => void;
  /** The respondent's language (kiosk mode); by default the UI language. */
  locale?: Locale;
  /** A required question left open when the person tried to go on: "Deze vraag is verplicht". */
  requiredMissing?: boolean;
}

interface Choice {
  code: number;
  label: string;
  /** A longer explanation shown under the label (e.g. what a network phase means). */
  help?: string;
}

/**
 * One question: a radio group for scale items and for number items with a few values (the options
 * side by side, as points on a line), a list of options for choice items (categories, whose labels
 * may be long), a number field for number items with a wider range, a text box for open ones.
 */
export function ItemField(props: ItemFieldProps) {
  const { definition, item } = props;
  const locale = props.locale ?? currentLocale();
  // Asked once per partner organisation, with answers of its own (relation_answers).
  if (item.type === 'relation') return <RelationItemField definition={definition} item={item} number={props.number} locale={locale} />;
  if (item.type === 'open') return <OpenItem {...props} maxLength={item.maxLength} />;
  if (item.type === 'number' && !numberShownAsChoices(item)) return <NumberItem {...props} range={item} />;
  if (item.type === 'number') {
    const choices: Choice[] = [];
    for (let code = item.min; code <= item.max; code++) choices.push({ code, label: String(code) });
    return <ChoiceItem {...props} scored={choices} notScored={[]} variant="number" />;
  }
  const scale = definition.scales.find((s) => s.id === item.scale);
  if (!scale) return null;
  const helpTexts = item.type === 'choice' ? item.optionHelp : undefined;
  const help = (code: number) => {
    const text = helpTexts?.[String(code)];
    return text ? localized(text, locale) : undefined;
  };
  return (
    <ChoiceItem
      {...props}
      scored={scale.options.map((o) => ({ code: o.code, label: localized(o.label, locale), help: help(o.code) }))}
      notScored={scale.notScored.map((o) => ({ code: o.code, label: localized(o.label, locale), help: help(o.code) }))}
      variant={item.type === 'choice' ? 'list' : item.type === 'multiple' ? 'multiple' : 'scale'}
    />
  );
}

function ChoiceItem({
  definition,
  item,
  number,
  state,
  onSave,
  scored,
  notScored,
  variant,
  locale: chosenLocale,
  requiredMissing,
}: ItemFieldProps & { scored: Choice[]; notScored: Choice[]; variant: 'scale' | 'number' | 'list' | 'multiple' }) {
  const locale = chosenLocale ?? currentLocale();
  const { t } = useTranslation(undefined, { lng: locale });
  const name = useId();
  const shown = state?.pending ?? state?.saved ?? null;
  const errorId = `${name}-error`;
  const multiple = variant === 'multiple';
  const ticked = multiple ? (shown?.text ? (multipleChoiceCodes(shown.text) ?? []) : []) : [];
  const notScoredCodes = notScored.map((choice) => choice.code);

  // Select all that apply: every tick is saved at once. A not-scored option ("Geen van deze")
  // unticks the others, and ticking another option unticks it.
  const tick = (code: number, on: boolean) => {
    const others = notScoredCodes.includes(code) ? [] : ticked.filter((c) => !notScoredCodes.includes(c));
    const next = on ? [...others.filter((c) => c !== code), code] : ticked.filter((c) => c !== code);
    onSave({ value: null, text: next.length === 0 ? null : multipleChoiceText(next) });
  };

  const option = (choice: Choice) => (
    <label key={choice.code} className="choice">
      {multiple ? (
        <input
          type="checkbox"
          value={choice.code}
          checked={ticked.includes(choice.code)}
          onChange={(e) => tick(choice.code, e.target.checked)}
          aria-required={item.required ? true : undefined}
        />
      ) : (
        <input
          type="radio"
          name={name}
          value={choice.code}
          checked={shown?.value === choice.code}
          onChange={() => onSave({ value: choice.code, text: null })}
          required={item.required}
        />
      )}
      <span className="choice-label">{choice.label}</span>
      {choice.help && <span className="choice-help">{choice.help}</span>}
    </label>
  );

  return (
    <fieldset
      className={`item item-kind-${multiple ? 'list item-kind-multiple' : variant}`}
      data-testid={`item-${item.id}`}
      data-instrument={definition.id}
      aria-describedby={state?.status === 'error' || requiredMissing ? errorId : undefined}
    >
      <legend>
        <ItemQuestion number={number} item={item} locale={locale} />
      </legend>
      {multiple && !saysItself(localized(item.text, locale), t('questionRules.tickAll')) && <p className="hint item-multiple-hint">{t('questionRules.tickAll')}</p>}
      <div className={`choices choices-${multiple ? 'list' : variant}`}>{scored.map(option)}</div>
      {notScored.length > 0 && <div className="choices choices-not-scored">{notScored.map(option)}</div>}
      <ItemFooter
        state={state}
        itemId={item.id}
        errorId={errorId}
        number={number}
        onClear={shown && !multiple ? () => onSave({ value: null, text: null }) : null}
        clearLabel={t('questionnaire.clear')}
        locale={locale}
        requiredMissing={requiredMissing}
      />
    </fieldset>
  );
}

/** The question's number and text, with the required marker (explained once above the questions, RequiredExplanation). */
function ItemQuestion({ number, item, locale }: { number: number; item: InstrumentItem; locale: Locale }) {
  return (
    <>
      <span className="item-number">{number}.</span> {localized(item.text, locale)}
      {item.required && (
        <span className="item-required" aria-hidden="true" data-testid={`required-marker-${item.id}`}>
          {' '}
          {REQUIRED_MARKER}
        </span>
      )}
    </>
  );
}

/** The sign beside a required question, on screen and on paper. */
export const REQUIRED_MARKER = '*';

/** Once above questions of which some are required: what the marker means. */
export function RequiredExplanation({ items, locale }: { items: readonly InstrumentItem[]; locale: Locale }) {
  const { t } = useTranslation(undefined, { lng: locale });
  if (!items.some((item) => item.required && item.type !== 'relation')) return null;
  return (
    <p className="hint required-explanation" data-testid="required-explanation">
      {t('questionRules.explanation', { marker: REQUIRED_MARKER })}
    </p>
  );
}

/** A whole number typed in; sent when the field is left or on Enter, and kept on screen if refused. */
function NumberItem({ definition, item, number, state, onSave, range, locale: chosenLocale, requiredMissing }: ItemFieldProps & { range: NumberRange }) {
  const locale = chosenLocale ?? currentLocale();
  const { t } = useTranslation(undefined, { lng: locale });
  const id = useId();
  const saved = state?.saved?.value;
  const savedText = saved === null || saved === undefined ? '' : String(saved);
  // The draft is the person's typing, as in an open question.
  const [draft, setDraft] = useState(savedText);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  function commit() {
    if (draft.trim() === savedText && state?.status !== 'error') return;
    onSave(parseTypedCode(draft), true);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
  }

  return (
    <div className="item item-kind-number-field" data-testid={`item-${item.id}`} data-instrument={definition.id}>
      <label htmlFor={id} className="item-question">
        <ItemQuestion number={number} item={item} locale={locale} />
      </label>
      <p id={hintId} className="hint">
        {t('questionnaire.numberHint', { min: range.min, max: range.max })}
      </p>
      <NumberInput
        id={id}
        value={draft}
        onValue={setDraft}
        onBlur={commit}
        onKeyDown={onKeyDown}
        maxLength={6}
        aria-describedby={state?.status === 'error' || requiredMissing ? `${hintId} ${errorId}` : hintId}
        aria-invalid={state?.status === 'error' || requiredMissing ? true : undefined}
        aria-required={item.required ? true : undefined}
      />
      <ItemFooter state={state} itemId={item.id} errorId={errorId} number={number} onClear={null} clearLabel="" locale={locale} requiredMissing={requiredMissing} />
    </div>
  );
}

function OpenItem({ definition, item, number, state, onSave, maxLength, locale: chosenLocale, requiredMissing }: ItemFieldProps & { maxLength: number }) {
  const locale = chosenLocale ?? currentLocale();
  const id = useId();
  const savedText = state?.saved?.text ?? '';
  // The draft is the person's typing; it is sent when the box loses focus and kept if saving fails.
  const [draft, setDraft] = useState(savedText);
  const errorId = `${id}-error`;

  function commit() {
    const text = draft.trim() === '' ? null : draft;
    if ((text ?? '') === savedText && state?.status !== 'error') return;
    onSave({ value: null, text }, true);
  }

  return (
    <div className="item item-kind-open" data-testid={`item-${item.id}`} data-instrument={definition.id}>
      <label htmlFor={id} className="item-question">
        <ItemQuestion number={number} item={item} locale={locale} />
      </label>
      <textarea
        id={id}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        maxLength={maxLength}
        rows={4}
        aria-describedby={state?.status === 'error' || requiredMissing ? errorId : undefined}
        aria-invalid={requiredMissing ? true : undefined}
        aria-required={item.required ? true : undefined}
      />
      <ItemFooter state={state} itemId={item.id} errorId={errorId} number={number} onClear={null} clearLabel="" locale={locale} requiredMissing={requiredMissing} />
    </div>
  );
}

function ItemFooter({
  state,
  itemId,
  errorId,
  number,
  onClear,
  clearLabel,
  locale,
  requiredMissing = false,
}: {
  state: ItemAnswerState | undefined;
  itemId: string;
  errorId: string;
  number: number;
  onClear: (() => void) | null;
  clearLabel: string;
  locale: Locale;
  requiredMissing?: boolean;
}) {
  const { t } = useTranslation(undefined, { lng: locale });
  return (
    <div className="item-footer">
      <span className="item-status">
        {state?.status === 'saving' && <span className="saving">{t('questionnaire.saving')}</span>}
        {state?.status === 'saved' && (
          <span className="saved" data-testid={`saved-${itemId}`}>
            <span aria-hidden="true">✓ </span>
            {t('questionnaire.saved')}
          </span>
        )}
      </span>
      {onClear && (
        <button type="button" className="link-button" onClick={onClear} aria-label={t('questionnaire.clearNumbered', { number })}>
          {clearLabel}
        </button>
      )}
      <div id={errorId} className="item-error">
        <ErrorAlert message={state?.status === 'error' ? state.error : null} testId={`error-${itemId}`} />
        <ErrorAlert message={requiredMissing && state?.status !== 'error' ? t('questionRules.required') : null} testId={`required-${itemId}`} />
      </div>
    </div>
  );
}

/** Whether a question's own text already says what a hint would ("… Kruis alles aan wat van toepassing is."). */
export function saysItself(question: string, hint: string): boolean {
  return question.toLocaleLowerCase().includes(hint.replace(/\.$/, '').toLocaleLowerCase());
}
