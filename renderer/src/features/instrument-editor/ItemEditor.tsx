import { useTranslation } from 'react-i18next';
import { numberShownAsChoices } from '../../../../shared/instruments/number-items';
import { SCALE_LIBRARY } from '../../../../shared/instruments/scale-library';
import { currentLocale } from '../../i18n';
import { allItems, type Draft, type DraftItem, type DraftScale } from './draft';
import { FieldProblems, fieldDomId, MoveButtons, PlainField, TextPairField, useEditor, useProblemAttributes } from './EditorFields';

/** One question of the editor: its texts, variable name, answers, whether it is required, and when it is shown. */
export function ItemEditor({ item, number, first, last }: { item: DraftItem; number: number; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const { dispatch } = useEditor();
  const f = (name: string) => `item/${item.key}/${name}`;
  const what = t('instrumentEditor.questionNumber', { number });
  return (
    <li className="editor-item" data-testid={`editor-item-${number}`}>
      <div className="editor-item-head">
        <h4 id={`${fieldDomId(f(''))}-title`}>
          {what} · {t(`instrumentEditor.types.${item.type}`)}
        </h4>
        <MoveButtons id={`move-${item.key}`} what={what} first={first} last={last} onMove={(by) => dispatch({ type: 'moveItem', item: item.key, by })} onRemove={() => dispatch({ type: 'removeItem', item: item.key })} />
      </div>
      <FieldProblems field={f('')} />
      <TextPairField
        field={f('text')}
        label={t('instrumentEditor.item.text')}
        multiline
        value={item.text}
        onChange={(lang, value) => dispatch({ type: 'setItemText', item: item.key, field: 'text', lang, value })}
      />
      <div className="editor-two">
        <TextPairField
          field={f('label')}
          label={t('instrumentEditor.item.label')}
          hint={t('instrumentEditor.item.labelHint')}
          value={item.label}
          onChange={(lang, value) => dispatch({ type: 'setItemText', item: item.key, field: 'label', lang, value })}
        />
        <PlainField
          field={f('id')}
          label={t('instrumentEditor.item.id')}
          hint={item.idEdited ? t('instrumentEditor.item.idTyped') : t('instrumentEditor.item.idDerived')}
          value={item.id}
          onChange={(value) => dispatch({ type: 'setItemId', item: item.key, value })}
        />
      </div>
      {(item.type === 'scale' || item.type === 'choice' || item.type === 'multiple' || item.type === 'relation') && <ScaleField item={item} />}
      {item.type === 'number' && (
        <div className="editor-two">
          <PlainField field={f('min')} label={t('instrumentEditor.item.min')} value={item.min} onChange={(value) => dispatch({ type: 'setItemNumber', item: item.key, field: 'min', value })} />
          <PlainField field={f('max')} label={t('instrumentEditor.item.max')} value={item.max} onChange={(value) => dispatch({ type: 'setItemNumber', item: item.key, field: 'max', value })} />
        </div>
      )}
      {item.type === 'open' && (
        <PlainField
          field={f('maxLength')}
          label={t('instrumentEditor.item.maxLength')}
          value={item.maxLength}
          onChange={(value) => dispatch({ type: 'setItemNumber', item: item.key, field: 'maxLength', value })}
        />
      )}
      <div className="editor-checks checkbox-group">
        <label className="checkbox">
          <input type="checkbox" checked={item.required} onChange={(e) => dispatch({ type: 'setItemFlag', item: item.key, field: 'required', value: e.target.checked })} />
          {t('instrumentEditor.item.required')}
        </label>
        {item.type === 'scale' && (
          <label className="checkbox">
            <input type="checkbox" checked={item.reverse} onChange={(e) => dispatch({ type: 'setItemFlag', item: item.key, field: 'reverse', value: e.target.checked })} />
            {t('instrumentEditor.item.reverse')}
          </label>
        )}
      </div>
      <ConditionField item={item} number={number} />
    </li>
  );
}

/** A scale's options in one line ("Ja · Nee"), for the picker and a library scale's summary. */
const optionsLine = (scale: Pick<DraftScale, 'options' | 'notScored'>) => [...scale.options, ...scale.notScored].map((o) => o.label.nl || '…').join(' · ');

/** The answer scale of a question: one already in the questionnaire, one from the library (copied in), or a new list of one's own. */
function ScaleField({ item }: { item: DraftItem }) {
  const { t } = useTranslation();
  const { draft, dispatch, touch } = useEditor();
  const field = `item/${item.key}/scale`;
  const id = fieldDomId(field);
  const attributes = useProblemAttributes(field);
  const locale = currentLocale();
  const scale = draft.scales.find((s) => s.id === item.scale);
  const inDraft = new Set(draft.scales.map((s) => s.id));
  const choose = (value: string) => {
    touch(field);
    if (value.startsWith('existing:')) dispatch({ type: 'pickScale', item: item.key, choice: { existing: value.slice(9) } });
    else if (value.startsWith('library:')) dispatch({ type: 'pickScale', item: item.key, choice: { library: value.slice(8) } });
    else if (value === 'own') dispatch({ type: 'pickScale', item: item.key, choice: { own: true } });
  };
  const users = allItems(draft).filter((i) => i.scale === item.scale && i.key !== item.key).length;
  return (
    <div className="editor-scale">
      <div className="field">
        <label htmlFor={id}>{t('instrumentEditor.item.scale')}</label>
        <select id={id} value={scale ? `existing:${scale.id}` : ''} onChange={(e) => choose(e.target.value)} {...attributes}>
          <option value="">{t('instrumentEditor.scale.pick')}</option>
          {draft.scales.length > 0 && (
            <optgroup label={t('instrumentEditor.scale.inThis')}>
              {draft.scales.map((s) => (
                <option key={s.id} value={`existing:${s.id}`}>
                  {s.library ? SCALE_LIBRARY.find((l) => l.id === s.library)?.name[locale] : t('instrumentEditor.scale.ownNamed', { options: optionsLine(s) })}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('instrumentEditor.scale.library')}>
            {SCALE_LIBRARY.filter((l) => !inDraft.has(l.id)).map((l) => (
              <option key={l.id} value={`library:${l.id}`}>
                {l.name[locale]}
              </option>
            ))}
          </optgroup>
          <option value="own">{t('instrumentEditor.scale.newOwn')}</option>
        </select>
        <FieldProblems field={field} />
      </div>
      {scale?.library && (
        <p className="hint" data-testid={`scale-options-${item.key}`}>
          {t('instrumentEditor.scale.answers', { options: optionsLine(scale) })}
        </p>
      )}
      {scale && !scale.library && <OwnList scale={scale} sharedWith={users} />}
    </div>
  );
}

/** The options of a list of one's own: a label each (code kept when others are removed), added and removed here. */
function OwnList({ scale, sharedWith }: { scale: DraftScale; sharedWith: number }) {
  const { t } = useTranslation();
  const { dispatch } = useEditor();
  return (
    <fieldset className="editor-own-list">
      <legend>{t('instrumentEditor.scale.ownTitle')}</legend>
      {sharedWith > 0 && <p className="hint">{t('instrumentEditor.scale.shared', { count: sharedWith })}</p>}
      <FieldProblems field={`scale/${scale.id}/options`} />
      <ol>
        {[...scale.options, ...scale.notScored].map((option, i) => (
          <li key={option.code} className="editor-option">
            <TextPairField
              field={`scale/${scale.id}/option.${option.code}.label`}
              label={t(i < scale.options.length ? 'instrumentEditor.scale.option' : 'instrumentEditor.scale.notScoredOption', { number: i + 1, code: option.code })}
              value={option.label}
              onChange={(lang, value) => dispatch({ type: 'setOptionLabel', scale: scale.id, code: option.code, lang, value })}
            />
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => dispatch({ type: 'removeOption', scale: scale.id, code: option.code })}
              aria-label={t('instrumentEditor.scale.removeOptionFor', { number: i + 1 })}
            >
              {t('instrumentEditor.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button button-secondary button-small" onClick={() => dispatch({ type: 'addOption', scale: scale.id })}>
        {t('instrumentEditor.scale.addOption')}
      </button>
    </fieldset>
  );
}

/** The answers a condition can name: a scale's options, or the values of a number question with only a few. */
function answersOf(draft: Draft, item: DraftItem): { code: number; label: string }[] | null {
  if (item.type === 'number') {
    const range = { min: Number(item.min), max: Number(item.max) };
    if (!Number.isInteger(range.min) || !Number.isInteger(range.max) || range.min > range.max || !numberShownAsChoices(range)) return null;
    return Array.from({ length: range.max - range.min + 1 }, (_, i) => ({ code: range.min + i, label: String(range.min + i) }));
  }
  if (item.type === 'open' || item.type === 'relation') return null;
  const scale = draft.scales.find((s) => s.id === item.scale);
  return scale ? [...scale.options, ...scale.notScored].map((o) => ({ code: o.code, label: o.label.nl || String(o.code) })) : null;
}

/** "Toon alleen als …": an earlier question with answers, and which of its answers show this one. */
function ConditionField({ item, number }: { item: DraftItem; number: number }) {
  const { t } = useTranslation();
  const { draft, dispatch, touch } = useEditor();
  const field = `item/${item.key}/showWhen`;
  const items = allItems(draft);
  const earlier = items.slice(0, items.findIndex((i) => i.key === item.key)).filter((i) => i.id !== '' && answersOf(draft, i) !== null);
  const condition = item.showWhen ? items.find((i) => i.id === item.showWhen!.item) : undefined;
  const answers = condition ? answersOf(draft, condition) : null;
  const selectId = fieldDomId(field);
  const attributes = useProblemAttributes(field);
  // A fieldset takes a description, not aria-invalid (that belongs to controls).
  const answersDescribedBy = useProblemAttributes(`${field}.anyOf`)['aria-describedby'];
  const nameOf = (i: DraftItem) => `${items.indexOf(i) + 1}. ${i.label.nl || i.text.nl || i.id} (${i.id})`;
  return (
    <div className="editor-condition checkbox-group">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={item.showWhen !== null}
          onChange={(e) => dispatch({ type: 'setShowWhen', item: item.key, on: e.target.checked ? (earlier.at(-1)?.id ?? '') : null })}
          aria-describedby={earlier.length === 0 ? `${selectId}-none` : undefined}
        />
        {t('instrumentEditor.condition.toggle')}
      </label>
      {earlier.length === 0 && item.showWhen === null && (
        <p className="hint" id={`${selectId}-none`}>
          {t('instrumentEditor.condition.noEarlier')}
        </p>
      )}
      {item.showWhen && (
        <div className="editor-condition-body">
          <div className="field">
            <label htmlFor={selectId}>{t('instrumentEditor.condition.question', { number })}</label>
            <select
              id={selectId}
              value={item.showWhen.item}
              onChange={(e) => {
                touch(field);
                dispatch({ type: 'setShowWhen', item: item.key, on: e.target.value });
              }}
              {...attributes}
            >
              {!condition && <option value={item.showWhen.item}>{t('instrumentEditor.condition.gone', { id: item.showWhen.item || '…' })}</option>}
              {condition && !earlier.includes(condition) && <option value={condition.id}>{nameOf(condition)}</option>}
              {earlier.map((i) => (
                <option key={i.key} value={i.id}>
                  {nameOf(i)}
                </option>
              ))}
            </select>
            <FieldProblems field={field} />
          </div>
          {answers && (
            <fieldset className="checkbox-group" id={fieldDomId(`${field}.anyOf`)} aria-describedby={answersDescribedBy}>
              <legend>{t('instrumentEditor.condition.answers')}</legend>
              {answers.map((a) => (
                <label key={a.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={item.showWhen!.anyOf.includes(a.code)}
                    onChange={(e) => {
                      touch(`${field}.anyOf`);
                      dispatch({ type: 'toggleShowWhenCode', item: item.key, code: a.code, on: e.target.checked });
                    }}
                  />
                  {a.label}
                </label>
              ))}
              <FieldProblems field={`${field}.anyOf`} />
            </fieldset>
          )}
        </div>
      )}
    </div>
  );
}
