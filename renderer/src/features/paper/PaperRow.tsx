import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, ResponseRecord } from '../../../../shared/domain';
import { ApiError } from '../../../../shared/errors';
import { missingRequiredQuestions, numberList, shownQuestionKeys, type StoredAnswerOf } from '../../../../shared/instruments/given-answers';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { api } from '../../api';
import { BirthMonthField } from '../../components/BirthMonthField';
import { isSelfCodeTaken, messageOf } from '../../lib/errors';
import { useBirthMonthQuestion } from '../../lib/useBirthMonthQuestion';
import type { CellAnswer, PaperColumn } from './columns';
import { PaperCell, type RowApi } from './PaperCell';

/** What the grid offers its rows; one stable object for the whole grid. */
export interface GridApi {
  waveId: string;
  columns: PaperColumn[];
  /** The wave's instruments, for which questions a row's answers show (conditions) and which are required. */
  definitions: InstrumentDefinition[];
  organisations: Organisation[];
  reportError: (errorId: string, label: string, message: string | null) => void;
  /** Shows or clears a warning: something on paper that is kept as it is, but worth a look. */
  reportWarning: (warningId: string, label: string, message: string | null) => void;
  /** Row `index` was completed: the grid counts it and moves the focus on, to the next row's code or "Rij toevoegen". */
  rowCompleted: (index: number) => void;
}

type RowStatus = 'new' | 'starting' | 'started' | 'complete';

/**
 * One paper questionnaire: the respondent code, the organisation, one cell per item and
 * "Rij afronden". The response is started (mode 'paper') when the code cell is left; answers typed
 * before that wait for it. Typing in a cell re-renders that cell only.
 */
export const PaperRow = memo(function PaperRow({ index, grid, autoFocus }: { index: number; grid: GridApi; autoFocus: boolean }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [status, setStatus] = useState<RowStatus>('new');
  const [response, setResponse] = useState<ResponseRecord | null>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  // Another form already has this self-made code: the row asks the birth month from the form.
  const birthMonth = useBirthMonthQuestion();
  const monthAsked = useRef(false);
  const busy = useRef(false);

  // The response id once the response exists (a pending start resolves to it), null before.
  const started = useRef<Promise<string> | null>(null);
  const organisationRef = useRef('');
  const pending = useRef(new Set<Promise<unknown>>());
  const unsaved = useRef(new Set<string>());
  // The answers confirmed from this row's cells (null: cleared), for the warnings; the ref for "Rij afronden".
  const givenRef = useRef(new Map<string, CellAnswer | null>());
  const [given, setGiven] = useState<ReadonlyMap<string, CellAnswer | null>>(new Map());

  const who = response ? t('paper.respondentName', { code: response.respondentCode }) : t('paper.rowName', { row: index + 1 });
  const codeErrorId = `${ids}-code-error`;
  const rowErrorId = `${ids}-row-error`;

  const row = useMemo<RowApi>(() => {
    const track = <T,>(promise: Promise<T>): Promise<T> => {
      pending.current.add(promise);
      void promise.then(
        () => pending.current.delete(promise),
        () => pending.current.delete(promise),
      );
      return promise;
    };
    return {
      save: (column, answer) =>
        track(
          (async () => {
            const start = started.current;
            if (!start) throw new ApiError('VALIDATION', t(monthAsked.current ? 'paper.monthFirst' : 'paper.codeFirst'));
            const responseId = await start.catch((err: unknown) => {
              throw new ApiError('VALIDATION', t(isSelfCodeTaken(err) ? 'paper.monthFirst' : 'paper.codeFirst'));
            });
            await api.saveAnswer({ responseId, instrumentId: column.instrumentId, itemId: column.itemId, value: column.kind === 'open' ? null : answer.value, text: answer.text });
          })(),
        ),
      reportError: grid.reportError,
      answered: (column, answer) => {
        givenRef.current.set(column.key, answer);
        setGiven(new Map(givenRef.current));
      },
      markUnsaved: (key, isUnsaved) => {
        if (isUnsaved) unsaved.current.add(key);
        else unsaved.current.delete(key);
      },
    };
  }, [grid.reportError, t]);

  const existing = useMemo(() => {
    const map = new Map<string, CellAnswer>();
    for (const a of response?.answers ?? []) map.set(`${a.instrumentId}/${a.itemId}`, { value: a.value, text: a.text });
    return map;
  }, [response]);

  /** The row's answers now: what its cells confirmed, else what a resumed response held. */
  const answersNow = (confirmed: ReadonlyMap<string, CellAnswer | null>): StoredAnswerOf[] =>
    grid.columns.flatMap((column) => {
      const answer = confirmed.has(column.key) ? confirmed.get(column.key) : existing.get(column.key);
      return answer ? [{ instrumentId: column.instrumentId, itemId: column.itemId, value: answer.value, text: answer.text }] : [];
    });

  // A question answered on paper that its condition says to skip: kept, but it counts nowhere.
  const shown = shownQuestionKeys(grid.definitions, answersNow(given));
  const hiddenAnswered = grid.columns.filter((column) => {
    const answer = given.has(column.key) ? given.get(column.key) : existing.get(column.key);
    return answer && !shown.has(column.key);
  });
  const hiddenWarning =
    hiddenAnswered.length === 0
      ? null
      : hiddenAnswered
          .map((column) => {
            const condition = grid.definitions.find((d) => d.id === column.instrumentId)?.items.find((it) => it.id === column.itemId)?.showWhen?.item;
            const conditionNumber = grid.columns.find((c) => c.instrumentId === column.instrumentId && c.itemId === condition)?.number;
            return t('questionRules.gridHiddenAnswered', { number: column.number, condition: conditionNumber ?? '?' });
          })
          .join(' ');
  const reportWarning = grid.reportWarning;
  useEffect(() => {
    reportWarning(`${ids}-hidden`, who, hiddenWarning);
  }, [reportWarning, ids, who, hiddenWarning]);

  function startRow() {
    if (started.current || status !== 'new' || code.trim() === '' || !birthMonth.ready()) return;
    setStatus('starting');
    setCodeError(null);
    grid.reportError(codeErrorId, t('paper.codeLabel', { row: index + 1 }), null);
    const start = api
      .startResponse({ waveId: grid.waveId, respondentCode: code, organisationId: organisationRef.current || null, mode: 'paper', birthMonth: birthMonth.birthMonth })
      .then(
        (record) => {
          monthAsked.current = false;
          setResponse(record);
          setStatus('started');
          setCode(record.respondentCode); // as stored: upper case, dash restored
          if (record.organisationId && organisationRef.current === '') {
            organisationRef.current = record.organisationId;
            setOrganisationId(record.organisationId);
          }
          return record.id;
        },
        (err: unknown) => {
          started.current = null;
          setStatus('new');
          if (isSelfCodeTaken(err)) {
            // Not a mistake: the row asks the month (its sentence explains), answers wait for it.
            monthAsked.current = true;
            birthMonth.ask();
            throw err;
          }
          const message = messageOf(err, t('errors.unexpected'));
          setCodeError(message);
          grid.reportError(codeErrorId, t('paper.codeLabel', { row: index + 1 }), message);
          throw err;
        },
      );
    // Saves waiting for this start handle its failure themselves.
    start.catch(() => undefined);
    started.current = start;
  }

  function chooseOrganisation(value: string) {
    organisationRef.current = value;
    setOrganisationId(value);
    const start = started.current;
    if (!start) return; // used when the response starts
    const label = t('paper.organisationLabel', { who });
    const change = start.then((responseId) => api.setResponseOrganisation({ responseId, organisationId: value || null }));
    pending.current.add(change);
    change.then(
      () => grid.reportError(`${ids}-org-error`, label, null),
      (err: unknown) => grid.reportError(`${ids}-org-error`, label, messageOf(err, t('errors.unexpected'))),
    ).finally(() => pending.current.delete(change));
  }

  async function complete() {
    // Not disabled while busy: a disabled button would drop the keyboard focus.
    if (busy.current) return;
    busy.current = true;
    const label = who;
    try {
      // Answers may still be on their way (an open answer is saved when its cell is left).
      while (pending.current.size > 0) await Promise.allSettled([...pending.current]);
      if (unsaved.current.size > 0) throw new ApiError('VALIDATION', t('paper.unsaved'));
      const start = started.current;
      if (!start) throw new ApiError('VALIDATION', t('paper.codeFirst'));
      const responseId = await start;
      await api.completeResponse({ responseId });
      grid.reportError(rowErrorId, label, null);
      // Taken as it came back; a required question left open on paper is worth a look.
      const missing = missingRequiredQuestions(grid.definitions, answersNow(givenRef.current)).map((q) => q.number);
      grid.reportWarning(
        `${ids}-required`,
        label,
        missing.length === 0 ? null : t('questionRules.gridRequiredMissing', { count: missing.length, numbers: numberList(missing, i18n.language) }),
      );
      setStatus('complete');
      grid.rowCompleted(index);
    } catch (err) {
      grid.reportError(rowErrorId, label, messageOf(err, t('errors.unexpected')));
    } finally {
      busy.current = false;
    }
  }

  const done = status === 'complete';
  return (
    <tr data-row={index} className={done ? 'paper-row paper-row-done' : 'paper-row'} data-testid={`paper-row-${index + 1}`}>
      <th scope="row" className="paper-code">
        <input
          type="text"
          className="input-code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            monthAsked.current = false;
            birthMonth.withdraw();
          }}
          onBlur={startRow}
          onKeyDown={(e) => {
            if (e.key === 'Enter') startRow();
          }}
          readOnly={status !== 'new'}
          disabled={done}
          maxLength={16}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus={autoFocus}
          aria-label={t('paper.codeLabel', { row: index + 1 })}
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? codeErrorId : undefined}
          data-code-input=""
          data-testid={`paper-code-${index + 1}`}
        />
        {birthMonth.asked && (status === 'new' || status === 'starting') && (
          <BirthMonthField
            id={`${ids}-month`}
            label={t('paper.birthMonth', { row: index + 1 })}
            why={t('paper.birthMonthWhy')}
            labelHidden
            value={birthMonth.value}
            onChange={birthMonth.onChange}
            onBlur={startRow}
            error={birthMonth.missing ? t('paper.birthMonthMissing') : null}
            testId={`paper-birth-month-${index + 1}`}
          />
        )}
      </th>
      <td className="paper-organisation">
        <select
          value={organisationId}
          onChange={(e) => chooseOrganisation(e.target.value)}
          disabled={done}
          aria-label={t('paper.organisationLabel', { who })}
          data-testid={`paper-organisation-${index + 1}`}
        >
          <option value="">{t('paper.noOrganisation')}</option>
          {grid.organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </td>
      {grid.columns.map((column) => (
        <PaperCell
          key={column.key}
          column={column}
          label={t('paper.cellLabel', { number: column.number, who })}
          existing={existing.get(column.key)}
          disabled={done}
          row={row}
          testId={`paper-cell-${index + 1}-${column.itemId}`}
        />
      ))}
      <td className="paper-row-end">
        {done ? (
          <span className="paper-row-status" data-testid={`paper-status-${index + 1}`}>
            <span aria-hidden="true">✓ </span>
            {t('paper.statusComplete')}
          </span>
        ) : (
          <button
            type="button"
            className="button button-secondary paper-complete"
            onClick={() => void complete()}
            aria-label={t('paper.completeFor', { who })}
            data-testid={`paper-complete-${index + 1}`}
          >
            {t('paper.complete')}
          </button>
        )}
      </td>
    </tr>
  );
});
