import { createContext, useContext, type Dispatch, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft, DraftAction, Lang, TextPair } from './draft';
import type { DraftProblem } from './problems';

/**
 * What every part of the editor needs: the draft, its reducer's dispatch, the problems by field,
 * and which fields show their problems (touched ones, all after a save was tried, and always the
 * ones another change caused: a condition on a removed question, a name used twice).
 */
export interface EditorContextValue {
  draft: Draft;
  dispatch: Dispatch<DraftAction>;
  problems: readonly DraftProblem[];
  touched: ReadonlySet<string>;
  showAll: boolean;
  touch: (field: string) => void;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the instrument editor');
  return value;
}

/** The DOM id of a field's control, from its problem key (`item/i7/label.nl` → `ed-item-i7-label-nl`). */
export const fieldDomId = (field: string) => `ed-${field.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;
export const problemDomId = (field: string) => `${fieldDomId(field)}-problem`;

const ALWAYS_SHOWN: ReadonlySet<DraftProblem['rule']> = new Set(['schema', 'duplicateName']);

/** The problems shown at this field now. */
export function useShownProblems(field: string): DraftProblem[] {
  const { problems, touched, showAll } = useEditor();
  return problems.filter((p) => p.field === field && (showAll || touched.has(field) || ALWAYS_SHOWN.has(p.rule)));
}

/** A problem in the UI's words (the schema's own Dutch message for the rest). */
export function useProblemText(): (problem: DraftProblem) => string {
  const { t } = useTranslation();
  return (p) => (p.rule === 'schema' ? p.message : t(`instrumentEditor.problem.${p.rule}`, { limit: p.limit }));
}

/** The problems of one field under it; the control points at them with aria-describedby. */
export function FieldProblems({ field }: { field: string }) {
  const shown = useShownProblems(field);
  const say = useProblemText();
  if (shown.length === 0) return null;
  return (
    <p className="field-problem" id={problemDomId(field)} data-testid={`problem-${field}`}>
      {shown.map(say).join(' ')}
    </p>
  );
}

/** aria-describedby and aria-invalid for a control whose field may have problems. */
export function useProblemAttributes(field: string, hintId?: string) {
  const shown = useShownProblems(field).length > 0;
  const described = [hintId, shown ? problemDomId(field) : undefined].filter(Boolean).join(' ');
  return { 'aria-describedby': described || undefined, 'aria-invalid': shown ? true : undefined } as const;
}

function TextControl({ field, label, value, onChange, multiline, hint }: { field: string; label: string; value: string; onChange: (v: string) => void; multiline: boolean; hint?: ReactNode }) {
  const { touch } = useEditor();
  const id = fieldDomId(field);
  const hintId = hint ? `${id}-hint` : undefined;
  const attributes = useProblemAttributes(field, hintId);
  const common = { id, value, onChange: (e: { target: { value: string } }) => onChange(e.target.value), onBlur: () => touch(field), ...attributes };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={2} {...common} /> : <input type="text" {...common} />}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldProblems field={field} />
    </div>
  );
}

/**
 * One text of the questionnaire: the Dutch, and the English beside it when the questionnaire is
 * bilingual. `field` is the problem key without the language (`item/i7/text`).
 */
export function TextPairField({
  field,
  label,
  value,
  onChange,
  multiline = false,
  hint,
}: {
  field: string;
  label: string;
  value: TextPair;
  onChange: (lang: Lang, value: string) => void;
  multiline?: boolean;
  hint?: ReactNode;
}) {
  const { t } = useTranslation();
  const { draft } = useEditor();
  if (!draft.bilingual) return <TextControl field={`${field}.nl`} label={label} value={value.nl} onChange={(v) => onChange('nl', v)} multiline={multiline} hint={hint} />;
  return (
    <div className="text-pair">
      <TextControl field={`${field}.nl`} label={t('instrumentEditor.inDutch', { label })} value={value.nl} onChange={(v) => onChange('nl', v)} multiline={multiline} hint={hint} />
      <TextControl field={`${field}.en`} label={t('instrumentEditor.inEnglish', { label })} value={value.en} onChange={(v) => onChange('en', v)} multiline={multiline} />
    </div>
  );
}

/** A single-line field that is not a text of the questionnaire (a variable name, a number). */
export function PlainField({ field, label, value, onChange, hint }: { field: string; label: string; value: string; onChange: (v: string) => void; hint?: ReactNode }) {
  return <TextControl field={field} label={label} value={value} onChange={onChange} multiline={false} hint={hint} />;
}

/**
 * "Omhoog", "Omlaag" and "Verwijderen" for one entry of a list; each names the entry for screen
 * readers. After a move the focus stays with the entry (on the same button, or the other one at
 * the end of the list), also when it moved into another section and was drawn anew there.
 */
export function MoveButtons({ id, what, onMove, onRemove, first, last }: { id: string; what: string; onMove: (by: -1 | 1) => void; onRemove: () => void; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const move = (by: -1 | 1) => {
    onMove(by);
    window.setTimeout(() => {
      const same = document.getElementById(`${id}-${by < 0 ? 'up' : 'down'}`) as HTMLButtonElement | null;
      const other = document.getElementById(`${id}-${by < 0 ? 'down' : 'up'}`);
      if (same && !same.disabled) same.focus();
      else other?.focus();
    }, 0);
  };
  return (
    <div className="editor-row-actions">
      <button id={`${id}-up`} type="button" className="button button-secondary button-small" onClick={() => move(-1)} disabled={first} aria-label={t('instrumentEditor.upFor', { what })}>
        {t('instrumentEditor.up')}
      </button>
      <button id={`${id}-down`} type="button" className="button button-secondary button-small" onClick={() => move(1)} disabled={last} aria-label={t('instrumentEditor.downFor', { what })}>
        {t('instrumentEditor.down')}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={onRemove} aria-label={t('instrumentEditor.removeFor', { what })}>
        {t('instrumentEditor.remove')}
      </button>
    </div>
  );
}
