import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { allItems, type Draft } from './draft';
import { fieldDomId, problemDomId, useEditor, useProblemText } from './EditorFields';

const FIELD_NAMES = new Set(['text', 'label', 'id', 'scale', 'min', 'max', 'maxLength', 'showWhen', 'title', 'intro', 'items', 'name', 'description', 'attribution', 'licence']);

/** Where a problem is, in words: "Vraag 3, korte naam (Engels)". */
function usePlaceOf(): (draft: Draft, field: string) => string {
  const { t } = useTranslation();
  return (draft, field) => {
    const parts = field.split('/');
    const rest = (parts.length === 3 ? parts[2]! : parts[0]!).split('.');
    const lang = rest.at(-1) === 'nl' || rest.at(-1) === 'en' ? rest.pop() : undefined;
    const name = rest[0] === 'showWhen' && rest[1] === 'anyOf' ? 'anyOf' : rest[0] === 'option' ? 'option' : rest[0] ?? '';
    const what: string[] = [];
    if (parts.length === 3) {
      const [kind, key] = parts as [string, string];
      if (kind === 'item') what.push(t('instrumentEditor.questionNumber', { number: allItems(draft).findIndex((i) => i.key === key) + 1 }));
      if (kind === 'section') what.push(t('instrumentEditor.sections.numbered', { number: draft.sections.findIndex((s) => s.key === key) + 1 }));
      if (kind === 'subscale') what.push(t('instrumentEditor.subscales.numbered', { number: draft.subscales.findIndex((s) => s.key === key) + 1 }));
      if (kind === 'scale') {
        const user = allItems(draft).findIndex((i) => i.scale === key);
        what.push(t('instrumentEditor.fields.listOf', { number: user + 1 }));
        if (name === 'option') what.push(t('instrumentEditor.fields.option', { code: rest[1] }));
      }
    }
    if (name !== 'option' && (FIELD_NAMES.has(name) || name === 'anyOf')) what.push(t(`instrumentEditor.fields.${name as 'text'}`));
    const joined = what.join(', ') || t('instrumentEditor.fields.whole');
    const place = joined.charAt(0).toUpperCase() + joined.slice(1);
    return lang && draft.bilingual ? `${place} (${t(`instrumentEditor.fields.lang.${lang as 'nl' | 'en'}`)})` : place;
  };
}

/** Moves focus to a field (or the first control in a group; else its problem line). */
function focusField(field: string) {
  const target = document.getElementById(fieldDomId(field)) ?? document.getElementById(problemDomId(field));
  if (!target) return;
  const control = target.matches('input, select, textarea, button') ? target : target.querySelector<HTMLElement>('input, select, textarea, button');
  if (control) control.focus();
  else {
    target.tabIndex = -1;
    target.focus();
  }
}

/** Every problem still in the way of saving, each a button that goes to its field. */
export function ProblemSummary({ headingRef }: { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation();
  const { draft, problems, touch } = useEditor();
  const placeOf = usePlaceOf();
  const say = useProblemText();
  return (
    <div data-testid="editor-problems">
      <h2 id="editor-summary-title" ref={headingRef} tabIndex={-1}>
        {problems.length === 0 ? t('instrumentEditor.summary.ready') : t('instrumentEditor.summary.title', { count: problems.length })}
      </h2>
      {problems.length > 0 && (
        <ul className="editor-problem-list">
          {problems.map((p, i) => (
            <li key={`${p.field}-${i}`}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  touch(p.field);
                  // After the field shows its problem (next render), go there.
                  window.setTimeout(() => focusField(p.field), 0);
                }}
              >
                {placeOf(draft, p.field)}
              </button>
              : {say(p)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
