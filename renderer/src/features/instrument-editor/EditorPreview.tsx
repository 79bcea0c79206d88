import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { multipleChoiceCodes, shownItemIds, type GivenAnswer } from '../../../../shared/instruments/visibility';
import { QuestionnaireItems } from '../questionnaire/QuestionnaireItems';
import { answerKey, type ItemAnswerState, type StoredAnswer } from '../questionnaire/useAnswers';
import { writeDefinition } from './definition';
import { useEditor } from './EditorFields';

/** What an answer given in the preview means for the conditions: a code, the ticked codes, or text. */
function givenOf(answer: StoredAnswer): GivenAnswer | undefined {
  if (answer.value !== null) return answer.value;
  if (answer.text === null || answer.text === '') return undefined;
  return multipleChoiceCodes(answer.text) ?? answer.text;
}

/**
 * *Voorbeeld*: the questionnaire as the researcher's form shows it (the same components), with
 * answers kept on this screen only, so a condition can be tried: a question with "toon alleen als"
 * appears once its condition is met.
 */
export function EditorPreview() {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Record<string, ItemAnswerState>>({});
  // The draft written out has every field the schema would fill in; a part still missing simply shows nothing.
  const definition = writeDefinition(draft).definition as InstrumentDefinition;
  const given = new Map<string, GivenAnswer>();
  for (const item of definition.items) {
    const state = answers[answerKey(definition.id, item.id)];
    const value = state?.saved ? givenOf(state.saved) : undefined;
    if (value !== undefined) given.set(item.id, value);
  }
  const shown = shownItemIds(definition, given);
  const visible: InstrumentDefinition = { ...definition, sections: definition.sections.map((s) => ({ ...s, items: s.items.filter((id) => shown.has(id)) })) };

  return (
    <section className="panel editor-preview" aria-labelledby="editor-preview-title">
      <h2 id="editor-preview-title">{t('instrumentEditor.preview.title')}</h2>
      <p className="hint">{t('instrumentEditor.preview.intro')}</p>
      <button type="button" className="button button-secondary" aria-expanded={open} aria-controls="editor-preview-body" onClick={() => setOpen(!open)}>
        {open ? t('instrumentEditor.preview.hide') : t('instrumentEditor.preview.show')}
      </button>
      <div id="editor-preview-body" data-testid="editor-preview" hidden={!open}>
        {open && (
          <QuestionnaireItems
            definitions={[visible]}
            items={answers}
            onSave={(instrumentId, itemId, answer) =>
              setAnswers((prev) => ({ ...prev, [answerKey(instrumentId, itemId)]: { saved: answer, pending: null, status: 'idle', error: null } }))
            }
          />
        )}
      </div>
    </section>
  );
}
