import type { TFunction } from 'i18next';
import type { InstrumentDefinition, InstrumentItem, ResponseScale } from '../../../../shared/instruments/schema';
import type { NumberedQuestion } from '../../../../shared/question-numbers';
import type { Locale } from '../../../../shared/text';
import { localized } from '../../i18n';

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
  return item.type === 'scale' || item.type === 'choice' ? definition.scales.find((s) => s.id === item.scale) : undefined;
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
    const fitsGrid = scale !== undefined && scale.options.length + scale.notScored.length <= GRID_MAX_OPTIONS && !(question.item.type === 'choice' && question.item.optionHelp);
    if (!fitsGrid || scale !== runScale) flush();
    if (fitsGrid) {
      runScale = scale;
      run.push(question);
    } else blocks.push({ kind: 'single', question });
  }
  flush();
  return blocks;
}

export function QuestionBlocks({ definition, questions, locale, t }: { definition: InstrumentDefinition; questions: NumberedQuestion[]; locale: Locale; t: TFunction }) {
  return blocksOf(definition, questions).map((block) =>
    block.kind === 'grid' ? (
      <ScaleGrid key={block.questions[0]!.item.id} scale={block.scale} questions={block.questions} locale={locale} t={t} />
    ) : (
      <SingleQuestion key={block.question.item.id} definition={definition} question={block.question} locale={locale} t={t} />
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

function ScaleGrid({ scale, questions, locale, t }: { scale: ResponseScale; questions: NumberedQuestion[]; locale: Locale; t: TFunction }) {
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
              <QuestionNumber number={q.number} />
              <span className="pf-text">{localized(q.item.text, locale)}</span>
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

function SingleQuestion({ definition, question, locale, t }: { definition: InstrumentDefinition; question: NumberedQuestion; locale: Locale; t: TFunction }) {
  const { item, number } = question;
  const scale = scaleOf(definition, item);
  const help = item.type === 'choice' ? item.optionHelp : undefined;
  return (
    <div className="pf-question pf-single" data-testid={`pf-question-${number}`} data-type={item.type}>
      <p className="pf-question-text">
        <QuestionNumber number={number} />
        <span className="pf-text">{localized(item.text, locale)}</span>
      </p>
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
