import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { QuestionnaireItems } from '../questionnaire/QuestionnaireItems';
import { questionRulesOf } from '../questionnaire/questionRules';
import { answerKey, type ItemAnswerState } from '../questionnaire/useAnswers';
import { writeDefinition } from './definition';
import { useEditor } from './EditorFields';

/**
 * *Voorbeeld*: the questionnaire as the researcher's form shows it (the same components), with
 * answers kept on this screen only, so a condition can be tried: a question with "toon alleen als"
 * appears once its condition is met.
 */
/** The preview never refuses to submit, so no question is marked as still to answer. */
const NOTHING_FLAGGED: ReadonlySet<string> = new Set();

export function EditorPreview() {
  const { t } = useTranslation();
  const { draft } = useEditor();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<Record<string, ItemAnswerState>>({});
  // The draft written out has every field the schema would fill in; a part still missing simply shows nothing.
  const definition = writeDefinition(draft).definition as InstrumentDefinition;
  const rules = questionRulesOf([definition], answers);

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
            definitions={[definition]}
            items={answers}
            rules={rules}
            flagged={NOTHING_FLAGGED}
            onSave={(instrumentId, itemId, answer) =>
              setAnswers((prev) => ({ ...prev, [answerKey(instrumentId, itemId)]: { saved: answer, pending: null, status: 'idle', error: null } }))
            }
          />
        )}
      </div>
    </section>
  );
}
