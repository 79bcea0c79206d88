import type { TFunction } from 'i18next';
import type { InstrumentDefinition, InstrumentItem, ResponseScale } from '../../../../shared/instruments/schema';
import { questionKey, type NumberedQuestion } from '../../../../shared/question-numbers';
import type { Locale } from '../../../../shared/text';
import { localized } from '../../i18n';
import { REQUIRED_MARKER, saysItself } from '../questionnaire/ItemField';

/**
 * The questions of one section of the paper form. Statements in a row that share one answer scale
 * become a grid (a row per statement, the scale's labels as column heads); every other question
 * stands on its own: tick boxes with their labels, a box for a number with its range, lines for an
 * open answer. Each answer box carries its code, small, for whoever types the form in.
 */

/** At most this many options (scored and not scored) fit as columns beside a statement on A4. */
const GRID_MAX_OPTIONS = 8;

type Block = { kind: 'grid'; scale: ResponseScale; questions: NumberedQuestion[] } | { kind: 'single'; question: NumberedQuestion };

function scaleOf(definition: InstrumentDefinition, item: InstrumentItem): ResponseScale | undefined {
  return item.type === 'scale' || item.type === 'choice' || item.type === 'multiple' ? definition.scales.find((s) => s.id === item.scale) : undefined;
}

/**
 * When a conditional question is to be answered, said on paper: "Alleen invullen als u bij vraag 3
 * ‘Anders’ koos." (or "… aankruiste" after a tick-all question). Null for a question always asked.
 */
function conditionNote(definition: InstrumentDefinition, item: InstrumentItem, numbers: ReadonlyMap<string, number>, locale: Locale, t: TFunction): string | null {
  if (!item.showWhen) return null;
  const condition = definition.items.find((it) => it.id === item.showWhen!.item);
  const number = numbers.get(questionKey(definition.id, item.showWhen.item));
  if (!condition || number === undefined) return null;
  const scale = scaleOf(definition, condition);
  const labelOf = (code: number) => {
    const option = scale && [...scale.options, ...scale.notScored].find((o) => o.code === code);
    return `‘${option ? localized(option.label, locale) : String(code)}’`;
  };
  const options = new Intl.ListFormat(locale, { type: 'disjunction' }).format(item.showWhen.anyOf.map(labelOf));
  return t(condition.type === 'multiple' ? 'questionRules.onlyWhenTicked' : 'questionRules.onlyWhen', { number, options });
}

/** The question's text, the required marker and, for a conditional question, when to answer it. */
function QuestionText({ definition, question, numbers, locale, t }: { definition: InstrumentDefinition; question: NumberedQuestion; numbers: ReadonlyMap<string, number>; locale: Locale; t: TFunction }) {
  const note = conditionNote(definition, question.item, numbers, locale, t);
  return (
    <>
      <QuestionNumber number={question.number} />
      <span className="pf-text">{localized(question.item.text, locale)}</span>
      {question.item.required && (
        <span className="pf-required" data-testid={`pf-required-${question.number}`}>
          {' '}
          {REQUIRED_MARKER}
        </span>
      )}
      {note && (
        <span className="pf-condition" data-testid={`pf-condition-${question.number}`}>
          {note}
        </span>
      )}
    </>
  );
}

/** Runs of two or more questions on the same scale (without per-option help) as grids; the rest one by one. */
function blocksOf(definition: InstrumentDefinition, questions: NumberedQuestion[]): Block[] {
  const blocks: Block[] = [];
  let run: NumberedQuestion[] = [];
  let runScale: ResponseScale | undefined;
  const flush = () => {
    if (runScale && run.length >= 2) blocks.push({ kind: 'grid', scale: runScale, questions: run });
    else for (const question of run) blocks.push({ kind: 'single', question });
    run = [];
    runScale = undefined;
  };
  for (const question of questions) {
    const scale = scaleOf(definition, question.item);
    const fitsGrid = scale !== undefined && question.item.type !== 'multiple' && scale.options.length + scale.notScored.length <= GRID_MAX_OPTIONS && !(question.item.type === 'choice' && question.item.optionHelp);
    if (!fitsGrid || scale !== runScale) flush();
    if (fitsGrid) {
      runScale = scale;
      run.push(question);
    } else blocks.push({ kind: 'single', question });
  }
  flush();
  return blocks;
}

/** `numbers`: every question's number on the form by `questionKey`, for the notes of conditional questions. */
export function QuestionBlocks({
  definition,
  questions,
  numbers,
  locale,
  t,
}: {
  definition: InstrumentDefinition;
  questions: NumberedQuestion[];
  numbers: ReadonlyMap<string, number>;
  locale: Locale;
  t: TFunction;
}) {
  return blocksOf(definition, questions).map((block) =>
    block.kind === 'grid' ? (
      <ScaleGrid key={block.questions[0]!.item.id} definition={definition} scale={block.scale} questions={block.questions} numbers={numbers} locale={locale} t={t} />
    ) : (
      <SingleQuestion key={block.question.item.id} definition={definition} question={block.question} numbers={numbers} locale={locale} t={t} />
    ),
  );
}

function QuestionNumber({ number }: { number: number }) {
  // The space keeps number and text two words for screen readers and text extraction.
  return <span className="pf-number">{number} </span>;
}

/** `count` empty boxes for one character each. */
export function CharBoxes({ count }: { count: number }) {
  return (
    <span className="pf-char-boxes" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <span key={i} className="pf-char-box" />
      ))}
    </span>
  );
}

/** Tick boxes with their labels, and the code to type when `code` is given. */
export function OptionList({ options }: { options: { key: string; label: string; code?: number; help?: string; notScored?: boolean }[] }) {
  return (
    <ul className="pf-options">
      {options.map((o) => (
        <li key={o.key} className={o.notScored ? 'pf-option pf-option-not-scored' : 'pf-option'}>
          <span className="pf-box" aria-hidden="true" />
          <span className="pf-option-text">
            <span>{o.label}</span>
            {o.code !== undefined && <span className="pf-code"> {o.code}</span>}
            {o.help && <span className="pf-option-help">{o.help}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ScaleGrid({
  definition,
  scale,
  questions,
  numbers,
  locale,
  t,
}: {
  definition: InstrumentDefinition;
  scale: ResponseScale;
  questions: NumberedQuestion[];
  numbers: ReadonlyMap<string, number>;
  locale: Locale;
  t: TFunction;
}) {
  const options = [...scale.options.map((o) => ({ ...o, notScored: false })), ...scale.notScored.map((o) => ({ ...o, notScored: true }))];
  return (
    <table className="pf-grid" data-scale={scale.id}>
      <colgroup>
        <col className="pf-grid-statement" />
        {options.map((o) => (
          <col key={o.code} className="pf-grid-option" />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">{t('paperForm.form.statement')}</span>
          </th>
          {options.map((o) => (
            <th key={o.code} scope="col" className={o.notScored ? 'pf-not-scored' : undefined}>
              <span className="pf-grid-label">{localized(o.label, locale)}</span>{' '}
              <span className="pf-code">{o.code}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {questions.map((q) => (
          <tr key={q.item.id} className="pf-question" data-testid={`pf-question-${q.number}`}>
            <th scope="row">
              <QuestionText definition={definition} question={q} numbers={numbers} locale={locale} t={t} />
            </th>
            {options.map((o) => (
              <td key={o.code} className={o.notScored ? 'pf-not-scored' : undefined}>
                <span className="pf-box" aria-hidden="true" />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Lines for an open answer, more for a longer one. */
function lineCount(maxLength: number): number {
  return maxLength <= 100 ? 1 : maxLength <= 500 ? 3 : 5;
}

function SingleQuestion({
  definition,
  question,
  numbers,
  locale,
  t,
}: {
  definition: InstrumentDefinition;
  question: NumberedQuestion;
  numbers: ReadonlyMap<string, number>;
  locale: Locale;
  t: TFunction;
}) {
  const { item, number } = question;
  const scale = scaleOf(definition, item);
  const help = item.type === 'choice' ? item.optionHelp : undefined;
  const tickAll = t('questionRules.tickAll');
  return (
    <div className="pf-question pf-single" data-testid={`pf-question-${number}`} data-type={item.type}>
      <p className="pf-question-text">
        <QuestionText definition={definition} question={question} numbers={numbers} locale={locale} t={t} />
      </p>
      {item.type === 'multiple' && !saysItself(localized(item.text, locale), tickAll) && <p className="pf-hint pf-tick-all">{tickAll}</p>}
      {scale && (
        <OptionList
          options={[
            ...scale.options.map((o) => ({ key: String(o.code), label: localized(o.label, locale), code: o.code, help: help?.[String(o.code)] && localized(help[String(o.code)]!, locale) })),
            ...scale.notScored.map((o) => ({ key: String(o.code), label: localized(o.label, locale), code: o.code, help: help?.[String(o.code)] && localized(help[String(o.code)]!, locale), notScored: true })),
          ]}
        />
      )}
      {item.type === 'number' && (
        <p className="pf-number-answer">
          <CharBoxes count={Math.max(String(item.min).length, String(item.max).length)} />
          <span className="pf-hint">{t('paperForm.form.numberRange', { min: item.min, max: item.max })}</span>
        </p>
      )}
      {item.type === 'relation' && <p className="pf-hint">{t('relations.paperFormNote')}</p>}
      {item.type === 'open' && (
        <div className="pf-lines" role="img" aria-label={t('paperForm.form.openLines')}>
          {Array.from({ length: lineCount(item.maxLength) }, (_, i) => (
            <span key={i} className="pf-line" />
          ))}
        </div>
      )}
    </div>
  );
}
