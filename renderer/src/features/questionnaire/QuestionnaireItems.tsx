import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { languageFor } from '../../../../shared/instruments/languages';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { currentLocale, localized } from '../../i18n';
import { ItemField, RequiredExplanation } from './ItemField';
import type { QuestionRules } from './questionRules';
import { answerKey, type ItemAnswerState, type StoredAnswer } from './useAnswers';

/**
 * The questions of a wave's instruments, section by section, numbered straight through across
 * sections and instruments: the researcher's form (answers saved as given) and a correction
 * (answers held until the correction is sent) show the same questionnaire.
 */
export function QuestionnaireItems({
  definitions,
  items,
  rules,
  flagged,
  onSave,
}: {
  definitions: InstrumentDefinition[];
  items: Record<string, ItemAnswerState | undefined>;
  /** Which questions are shown (a hidden one keeps its number, as on paper) and which required ones are open. */
  rules: QuestionRules;
  /** Required questions left open at the last try to submit: each says it is required until answered. */
  flagged: ReadonlySet<string>;
  onSave: (instrumentId: string, itemId: string, answer: StoredAnswer, keepsDraft?: boolean) => void;
}) {
  // The UI's language, or Dutch when an instrument is not in English: one language for the whole form.
  const uiLocale = currentLocale();
  const locale = languageFor(definitions, uiLocale);
  const { t } = useTranslation();
  const id = useId();
  const numbers = new Map<string, number>();
  for (const def of definitions) for (const section of def.sections) for (const itemId of section.items) numbers.set(answerKey(def.id, itemId), numbers.size + 1);

  return (
    <>
      {locale !== uiLocale && (
        <p className="hint" data-testid="questionnaire-dutch-only">
          {t('dutchOnly.questionnaire')}
        </p>
      )}
      <RequiredExplanation items={definitions.flatMap((def) => def.items)} locale={locale} />
      {definitions.map((def) => (
        <section key={def.id} className="instrument" aria-labelledby={`${id}-${def.id}`} lang={locale}>
          <h2 id={`${id}-${def.id}`}>{localized(def.name, locale)}</h2>
          {def.sections.map((section) => (
            <section key={section.id} className="panel questionnaire-section" aria-labelledby={`${id}-${def.id}-${section.id}`}>
              <h3 id={`${id}-${def.id}-${section.id}`}>{localized(section.title, locale)}</h3>
              {section.intro && <p className="section-intro">{localized(section.intro, locale)}</p>}
              {section.items.map((itemId) => {
                const item = def.items.find((it) => it.id === itemId);
                const key = answerKey(def.id, itemId);
                if (!item || !rules.shown.has(key)) return null;
                return (
                  <ItemField
                    key={item.id}
                    definition={def}
                    item={item}
                    number={numbers.get(answerKey(def.id, item.id)) ?? 0}
                    state={items[answerKey(def.id, item.id)]}
                    locale={locale}
                    requiredMissing={flagged.has(key) && rules.missingKeys.has(key)}
                    onSave={(answer, keepsDraft) => onSave(def.id, item.id, answer, keepsDraft)}
                  />
                );
              })}
            </section>
          ))}
          <p className="attribution">{localized(def.attribution, locale)}</p>
        </section>
      ))}
    </>
  );
}
