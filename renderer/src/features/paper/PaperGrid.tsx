import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import type { Locale } from '../../../../shared/text';
import { TableHead } from '../../components/DataTable';
import { currentLocale, localized } from '../../i18n';
import type { PaperColumn } from './columns';
import { PaperRow, type GridApi } from './PaperRow';

interface GridError {
  label: string;
  message: string;
}

/**
 * The invoermodus grid: a table of inputs, one row per paper questionnaire. Rows and cells are
 * memoised and keep their own state, so typing in one cell re-renders that cell only; the grid
 * itself re-renders when a row is added or the list of errors changes.
 */
export function PaperGrid({
  waveId,
  waveLabel,
  columns,
  definitions,
  organisations,
  onRowCompleted,
}: {
  waveId: string;
  waveLabel: string;
  columns: PaperColumn[];
  definitions: InstrumentDefinition[];
  organisations: Organisation[];
  /** A row was completed (its questionnaire submitted): the list of questionnaires to correct grows. */
  onRowCompleted?: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [rowCount, setRowCount] = useState(1);
  const [focusNewRow, setFocusNewRow] = useState(false);
  const [completedRows, setCompletedRows] = useState(0);
  const [errors, reportError] = useMessageList();
  const [warnings, reportWarning] = useMessageList();
  const tableRef = useRef<HTMLTableElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  const rowCompleted = useCallback((index: number) => {
    setCompletedRows((n) => n + 1);
    onRowCompleted?.();
    const next = tableRef.current?.querySelector<HTMLInputElement>(`tr[data-row="${index + 1}"] input[data-code-input]`);
    if (next && !next.disabled) next.focus();
    else addRef.current?.focus();
  }, [onRowCompleted]);

  const grid = useMemo<GridApi>(
    () => ({ waveId, columns, definitions, organisations, reportError, reportWarning, rowCompleted }),
    [waveId, columns, definitions, organisations, reportError, reportWarning, rowCompleted],
  );
  // Once every row is completed the grid holds no enabled input: the region itself takes the
  // focus then, so the keyboard can still reach it and scroll it. While a row is open its inputs
  // are the way in, and Tab goes from the title straight to the first code cell.
  const allCompleted = completedRows === rowCount;

  const rows: number[] = [];
  for (let i = 0; i < rowCount; i++) rows.push(i);

  return (
    <div className="paper-grid-area">
      <div className="paper-scroll" role="region" aria-labelledby="paper-grid-caption" tabIndex={allCompleted ? 0 : undefined} data-testid="paper-scroll">
        <table className="paper-grid" ref={tableRef} data-testid="paper-grid">
          <caption id="paper-grid-caption" className="visually-hidden">
            {t('paper.gridCaption', { wave: waveLabel })}
          </caption>
          <TableHead
            columns={[
              { label: t('paper.code'), className: 'paper-code' },
              t('paper.organisation'),
              ...columns.map((c) => ({
                label: <QuestionHead column={c} locale={locale} />,
                key: c.key,
                className: `paper-head paper-head-${c.kind}`,
                title: localized(c.question, locale),
                testId: `paper-head-${c.itemId}`,
              })),
              { label: <span className="visually-hidden">{t('paper.status')}</span> },
            ]}
          />
          <tbody>
            {rows.map((i) => (
              <PaperRow key={i} index={i} grid={grid} autoFocus={focusNewRow && i === rowCount - 1} />
            ))}
          </tbody>
        </table>
      </div>

      <div className="paper-errors" role="alert" data-testid="paper-errors">
        {errors.size > 0 && (
          <ul>
            {[...errors].map(([id, e]) => (
              <li key={id} id={id}>
                {t('paper.errorEntry', { label: e.label, message: e.message })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="paper-warnings" role="status" data-testid="paper-warnings">
        {warnings.size > 0 && (
          <ul>
            {[...warnings].map(([id, w]) => (
              <li key={id}>{t('paper.errorEntry', { label: w.label, message: w.message })}</li>
            ))}
          </ul>
        )}
      </div>

      <button
        type="button"
        ref={addRef}
        className="button"
        onClick={() => {
          setFocusNewRow(true);
          setRowCount((n) => n + 1);
        }}
        data-testid="paper-add-row"
      >
        {t('paper.addRow')}
      </button>
    </div>
  );
}

/** A list of messages by id (a cell's error, a row's warning), each set or cleared (message null) by its owner. */
function useMessageList() {
  const [messages, setMessages] = useState<ReadonlyMap<string, GridError>>(new Map());
  const report = useCallback((id: string, label: string, message: string | null) => {
    setMessages((prev) => {
      const current = prev.get(id);
      if (message === null ? !current : current?.message === message && current.label === label) return prev;
      const next = new Map(prev);
      if (message === null) next.delete(id);
      else next.set(id, { label, message });
      return next;
    });
  }, []);
  return [messages, report] as const;
}

/**
 * A column's header: the question's number as on the paper form, then its short label; the full
 * question is the header's title (tooltip and accessible description). Variable names stay out of
 * the grid (the legend under it has them for researchers).
 */
function QuestionHead({ column, locale }: { column: PaperColumn; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="visually-hidden">{t('paperGrid.question')} </span>
      <span className="paper-head-number">{column.number}</span>{' '}
      <span className="paper-head-label">{localized(column.label, locale)}</span>
    </>
  );
}
