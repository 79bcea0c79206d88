import { memo, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, localized } from '../../i18n';
import { cellErrorOf } from './cellErrors';
import { displayOf, isFinished, parseTyped, type CellAnswer, type PaperColumn } from './columns';

/** What a row offers its cells; one stable object per row, so a cell re-renders only for its own changes. */
export interface RowApi {
  /** Stores one answer of this row (waits for the row's response to exist); rejects with a Dutch message. */
  save: (column: PaperColumn, answer: CellAnswer) => Promise<void>;
  /** A cell's answer was stored (null: cleared), so the row can tell which questions its answers show. */
  answered: (column: PaperColumn, answer: CellAnswer | null) => void;
  /** Shows or clears (message null) the error of one cell in the grid's error list. */
  reportError: (errorId: string, label: string, message: string | null) => void;
  /** A cell whose typed text was refused and is still on screen: the row cannot be completed. */
  markUnsaved: (key: string, unsaved: boolean) => void;
}

interface CellState {
  /** What the main process confirmed from this cell; undefined until this cell saved something. */
  saved: CellAnswer | null | undefined;
  /** An answer on its way; shown meanwhile, dropped when refused. */
  pending: CellAnswer | null;
  /** Typing not sent yet (open answers until the cell is left; codes that may get another digit). */
  draft: string | null;
  status: 'idle' | 'saving' | 'saved' | 'error';
  error: string | null;
}

const initial: CellState = { saved: undefined, pending: null, draft: null, status: 'idle', error: null };
const isEmpty = (a: CellAnswer) => a.value === null && (a.text === null || a.text.trim() === '');

export interface PaperCellProps {
  column: PaperColumn;
  /** The accessible name, which also heads the cell's errors: "Vraag 1, respondent ABC-DEF". */
  label: string;
  /** The answer already stored when the row's response was resumed. */
  existing: CellAnswer | undefined;
  disabled: boolean;
  row: RowApi;
  testId: string;
}

/**
 * One answer cell. A single key press on a one-digit item replaces the answer and saves it; longer
 * codes are saved as soon as no longer code can follow (or when the cell is left); open answers
 * when the cell is left. The mark ✓ appears only once the main process confirmed the write; a
 * refusal brings back what was stored before and puts the message in the grid's error list.
 */
export const PaperCell = memo(function PaperCell({ column, label, existing, disabled, row, testId }: PaperCellProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const [state, setState] = useState<CellState>(initial);
  const seq = useRef(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const stored = state.saved === undefined ? (existing ?? null) : state.saved;
  const shown = state.draft ?? displayOf(state.pending ?? stored);
  // An answer stored before (a resumed response) is as saved as one given here.
  const cellState = state.status === 'idle' && existing ? 'saved' : state.status;

  function commit(answer: CellAnswer, draftOnRefusal: string | null) {
    const n = ++seq.current;
    setState((s) => ({ ...s, pending: answer, draft: null, status: 'saving', error: null }));
    // Saves of one cell go out one at a time and in order: "3" then "4" must not end up as 3.
    const request = queue.current
      .then(() => row.save(column, answer))
      .then(
        () => {
          const latest = seq.current === n;
          const saved = isEmpty(answer) ? null : answer;
          setState((s) => (latest ? { ...s, saved, pending: null, status: 'saved', error: null } : { ...s, saved }));
          if (latest) {
            row.answered(column, saved);
            row.reportError(errorId, label, null);
            row.markUnsaved(column.key, false);
          }
        },
        (err: unknown) => {
          if (seq.current !== n) return;
          const message = cellErrorOf(err, column, answer, t, currentLocale());
          setState((s) => ({ ...s, pending: null, draft: draftOnRefusal, status: 'error', error: message }));
          row.reportError(errorId, label, message);
          if (draftOnRefusal !== null) row.markUnsaved(column.key, true);
        },
      );
    queue.current = request;
  }

  /** Sends the typed text unless it is what is stored already. */
  function commitDraft() {
    if (state.draft === null) return;
    const answer = parseTyped(column, state.draft);
    if (displayOf(answer) === displayOf(stored) && state.status !== 'error') {
      setState((s) => ({ ...s, draft: null }));
      return;
    }
    // A refused typed text or list of codes stays on screen to be put right.
    commit(answer, column.kind !== 'choice' ? state.draft : null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      commitDraft();
      return;
    }
    if (column.kind !== 'choice' || !column.singleKey) return;
    if (event.key === 'Backspace' || event.key === 'Delete') {
      event.preventDefault();
      if (shown !== '') commit({ value: null, text: null }, null);
    } else if (event.key.length === 1 && event.key.trim() !== '') {
      // One key is the whole answer; the main process decides whether it is a valid one.
      event.preventDefault();
      commit(parseTyped(column, event.key), null);
    }
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    const typed = event.target.value;
    if (column.kind !== 'open' && isFinished(column, typed.trim())) commit(parseTyped(column, typed), null);
    else setState((s) => ({ ...s, draft: typed }));
  }

  const question = localized(column.question, currentLocale());
  return (
    <td className={`paper-cell paper-cell-${column.kind}`} data-state={cellState}>
      <input
        type="text"
        inputMode={column.kind === 'choice' ? 'numeric' : 'text'}
        value={shown}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onBlur={commitDraft}
        onFocus={(e) => e.currentTarget.select()}
        disabled={disabled}
        maxLength={column.maxLength ?? 4}
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        title={question}
        aria-invalid={state.status === 'error' ? true : undefined}
        aria-describedby={state.status === 'error' ? errorId : undefined}
        data-testid={testId}
        data-state={cellState}
      />
      {cellState === 'saved' && <span className="paper-saved-mark" aria-hidden="true" />}
    </td>
  );
});
