import { useTranslation } from 'react-i18next';
import type { EditableItemType } from './draft';
import { FieldProblems, fieldDomId, MoveButtons, PlainField, TextPairField, useEditor } from './EditorFields';
import { ItemEditor } from './ItemEditor';

const ADDABLE: readonly EditableItemType[] = ['scale', 'choice', 'multiple', 'number', 'open'];

/** The sections in order, each with its title, introduction and questions; questions numbered straight through. */
export function SectionsEditor() {
  const { t } = useTranslation();
  const { draft, dispatch } = useEditor();
  // Questions are numbered straight through the sections; computed before the JSX (no counting while rendering).
  const firstNumber = draft.sections.map((_, si) => draft.sections.slice(0, si).reduce((n, s) => n + s.items.length, 1));
  const total = draft.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <section className="panel" aria-labelledby="editor-sections-title">
      <h2 id="editor-sections-title">{t('instrumentEditor.sections.title')}</h2>
      <p className="hint">{t('instrumentEditor.sections.intro')}</p>
      <FieldProblems field="items" />
      <ol className="editor-sections">
        {draft.sections.map((section, si) => {
          const what = t('instrumentEditor.sections.numbered', { number: si + 1 });
          const f = (name: string) => `section/${section.key}/${name}`;
          return (
            <li key={section.key} className="editor-section" aria-labelledby={`editor-section-${section.key}`} data-testid={`editor-section-${si + 1}`}>
              <div className="editor-item-head">
                <h3 id={`editor-section-${section.key}`}>
                  {what}
                  {section.title.nl && `: ${section.title.nl}`}
                </h3>
                <MoveButtons
                  id={`move-${section.key}`}
                  what={what}
                  first={si === 0}
                  last={si === draft.sections.length - 1}
                  onMove={(by) => dispatch({ type: 'moveSection', section: section.key, by })}
                  onRemove={() => dispatch({ type: 'removeSection', section: section.key })}
                />
              </div>
              <TextPairField
                field={f('title')}
                label={t('instrumentEditor.sections.sectionTitle')}
                value={section.title}
                onChange={(lang, value) => dispatch({ type: 'setSectionText', section: section.key, field: 'title', lang, value })}
              />
              <TextPairField
                field={f('intro')}
                label={t('instrumentEditor.sections.sectionIntro')}
                multiline
                value={section.intro}
                onChange={(lang, value) => dispatch({ type: 'setSectionText', section: section.key, field: 'intro', lang, value })}
              />
              <ol className="editor-items">
                {section.items.map((item, ii) => {
                  const number = firstNumber[si]! + ii;
                  return <ItemEditor key={item.key} item={item} number={number} first={number === 1} last={number === total} />;
                })}
              </ol>
              <FieldProblems field={f('items')} />
              <div className="editor-add" role="group" aria-label={t('instrumentEditor.sections.addTo', { what })}>
                <span className="editor-add-label" aria-hidden="true">
                  {t('instrumentEditor.sections.add')}
                </span>
                {ADDABLE.map((type) => (
                  <button
                    key={type}
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => dispatch({ type: 'addItem', section: section.key, itemType: type })}
                    aria-label={t('instrumentEditor.sections.addType', { type: t(`instrumentEditor.addTypes.${type}`), what })}
                  >
                    {t(`instrumentEditor.addTypes.${type}`)}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => dispatch({ type: 'addSection' })}>
        {t('instrumentEditor.sections.addSection')}
      </button>
    </section>
  );
}

/** Subscales ("schalen"): a name, a variable name, and the statements that belong to it. */
export function SubscalesEditor() {
  const { t } = useTranslation();
  const { draft, dispatch, touch } = useEditor();
  const statements = draft.sections.flatMap((s) => s.items).filter((i) => i.type === 'scale' && i.id !== '');
  return (
    <section className="panel" aria-labelledby="editor-subscales-title">
      <h2 id="editor-subscales-title">{t('instrumentEditor.subscales.title')}</h2>
      <p className="hint">{t('instrumentEditor.subscales.intro')}</p>
      <ol className="editor-sections">
        {draft.subscales.map((sub, i) => {
          const what = t('instrumentEditor.subscales.numbered', { number: i + 1 });
          const f = (name: string) => `subscale/${sub.key}/${name}`;
          return (
            <li key={sub.key} className="editor-section" data-testid={`editor-subscale-${i + 1}`}>
              <div className="editor-item-head">
                <h3>{what}</h3>
                <button type="button" className="button button-secondary button-small" onClick={() => dispatch({ type: 'removeSubscale', subscale: sub.key })} aria-label={t('instrumentEditor.removeFor', { what })}>
                  {t('instrumentEditor.remove')}
                </button>
              </div>
              <div className="editor-two">
                <TextPairField field={f('label')} label={t('instrumentEditor.subscales.name')} value={sub.label} onChange={(lang, value) => dispatch({ type: 'setSubscaleLabel', subscale: sub.key, lang, value })} />
                <PlainIdField subscaleKey={sub.key} id={sub.id} edited={sub.idEdited} />
              </div>
              <fieldset className="checkbox-group" id={fieldDomId(f('items'))}>
                <legend>{t('instrumentEditor.subscales.statements')}</legend>
                {statements.length === 0 && <p className="hint">{t('instrumentEditor.subscales.noStatements')}</p>}
                {statements.map((item) => (
                  <label key={item.key} className="checkbox">
                    <input
                      type="checkbox"
                      checked={sub.items.includes(item.id)}
                      onChange={(e) => {
                        touch(f('items'));
                        dispatch({ type: 'toggleSubscaleItem', subscale: sub.key, item: item.id, on: e.target.checked });
                      }}
                    />
                    {item.text.nl || item.label.nl} ({item.id})
                  </label>
                ))}
                <FieldProblems field={f('items')} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => dispatch({ type: 'addSubscale' })}>
        {t('instrumentEditor.subscales.add')}
      </button>
    </section>
  );
}

function PlainIdField({ subscaleKey, id, edited }: { subscaleKey: string; id: string; edited: boolean }) {
  const { t } = useTranslation();
  const { dispatch } = useEditor();
  return (
    <PlainField
      field={`subscale/${subscaleKey}/id`}
      label={t('instrumentEditor.item.id')}
      hint={edited ? t('instrumentEditor.item.idTyped') : t('instrumentEditor.subscales.idDerived')}
      value={id}
      onChange={(value) => dispatch({ type: 'setSubscaleId', subscale: subscaleKey, value })}
    />
  );
}
