import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Network, NetworkDetail, Wave } from '../../../../shared/domain';
import type { InstrumentDefinition } from '../../../../shared/instruments/schema';
import { numberQuestions, questionKey } from '../../../../shared/question-numbers';
import type { Locale } from '../../../../shared/text';
import { localized } from '../../i18n';
import { paragraphs } from '../kiosk/WelcomeSteps';
import { REQUIRED_MARKER } from '../questionnaire/ItemField';
import { CharBoxes, OptionList, QuestionBlocks } from './PaperFormQuestions';

/**
 * A wave's questionnaire as a paper form, in the respondent's language (`locale`), laid out for A4
 * by paper-form.css: what the kiosk shows, in the kiosk's order and words. The title, the consent
 * text with a box to tick, the respondent code as the network's code policy asks for it, the
 * partner organisation, then per instrument its sections with every question numbered straight
 * through (shared/question-numbers.ts, the numbers the paper grid shows above its columns).
 */
export function PaperForm({ detail, wave, definitions, locale }: { detail: NetworkDetail; wave: Wave; definitions: InstrumentDefinition[]; locale: Locale }) {
  const { t } = useTranslation(undefined, { lng: locale });
  const { network, organisations } = detail;
  const questions = numberQuestions(definitions);
  const numbers = new Map(questions.map((q) => [questionKey(q.instrumentId, q.item.id), q.number]));
  return (
    <article className="paper-form" lang={locale} data-testid="paper-form">
      <header className="pf-header">
        <p className="pf-kicker">
          {t('paperForm.form.kicker')} · {t('paperForm.form.wave', { wave: wave.label })}
        </p>
        <h2 className="pf-title">{network.name}</h2>
        <p className="pf-lead">{t('kiosk.welcome.text', { network: network.name })}</p>
      </header>

      <Consent network={network} requiredQuestions={questions.some((q) => q.item.required && q.item.type !== 'relation')} locale={locale} t={t} />
      <RespondentCode network={network} t={t} />

      {organisations.length > 0 && (
        <section className="pf-panel pf-about">
          <h3 className="pf-panel-title">{t('kiosk.about.title')}</h3>
          <p className="pf-text">{t('kiosk.about.organisation')}</p>
          <OptionList options={[...organisations.map((o) => ({ key: o.id, label: o.name })), { key: 'none', label: t('kiosk.about.noOrganisation') }]} />
        </section>
      )}

      <p className="pf-how">{t('paperForm.form.how')}</p>
      {questions.some((q) => q.item.required && q.item.type !== 'relation') && (
        <p className="pf-how" data-testid="pf-required-explanation">
          {t('questionRules.explanation', { marker: REQUIRED_MARKER })}
        </p>
      )}

      {definitions.map((definition) => (
        <section key={definition.id} className="pf-instrument" data-instrument={definition.id}>
          <h3 className="pf-instrument-name">{localized(definition.name, locale)}</h3>
          {definition.sections.map((section, sectionIndex) => (
            <section key={section.id} className="pf-section">
              <h4 className="pf-section-title">{localized(section.title, locale)}</h4>
              {section.intro && <p className="pf-section-intro">{localized(section.intro, locale)}</p>}
              <QuestionBlocks
                definition={definition}
                questions={questions.filter((q) => q.instrumentId === definition.id && q.sectionIndex === sectionIndex)}
                numbers={numbers}
                locale={locale}
                t={t}
              />
            </section>
          ))}
          <p className="pf-attribution">{localized(definition.attribution, locale)}</p>
        </section>
      ))}

      <p className="pf-end">{t('paperForm.form.end')}</p>
    </article>
  );
}

/** The network's consent text in the form's language (else its Dutch text, else the app's standard text), with a box to tick. */
function Consent({ network, requiredQuestions, locale, t }: { network: Network; requiredQuestions: boolean; locale: Locale; t: TFunction }) {
  const own = (locale === 'en' ? network.consentEn : network.consentNl) ?? network.consentNl;
  const ownLang = (locale === 'en' ? network.consentEn : network.consentNl) ? locale : 'nl';
  return (
    <section className="pf-panel pf-consent">
      <h3 className="pf-panel-title">{t('kiosk.consent.title')}</h3>
      <div lang={own ? ownLang : undefined}>
        {paragraphs(own ?? t('kiosk.consent.standard', { skipping: t(requiredQuestions ? 'kiosk.consent.skipExceptRequired' : 'kiosk.consent.skipAny'), whenStopping: t('paperForm.form.consentWhenStopping') })).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <p className="pf-consent-tick">
        <span className="pf-consent-question">{t('paperForm.form.consentTick')}</span>
        <span className="pf-box" aria-hidden="true" />
        <span>{t('kiosk.consent.accept')}</span>
      </p>
    </section>
  );
}

/** Boxes for the respondent code, with the kiosk's instructions for the network's code policy. */
function RespondentCode({ network, t }: { network: Network; t: TFunction }) {
  if (network.codePolicy === 'self') {
    const facts: { boxes: number; question: string; hints: string[] }[] = [
      { boxes: 2, question: t('kiosk.selfCode.parentLetters'), hints: [t('kiosk.selfCode.parentLettersHint')] },
      { boxes: 2, question: t('kiosk.selfCode.birthDay'), hints: [t('paperForm.form.birthDayBoxes')] },
      { boxes: 1, question: t('kiosk.selfCode.olderSiblings'), hints: [t('kiosk.selfCode.olderSiblingsHint'), t('paperForm.form.olderSiblingsBoxes')] },
    ];
    return (
      <section className="pf-panel pf-respondent-code" data-policy="self">
        <h3 className="pf-panel-title">{t('kiosk.code.selfTitle')}</h3>
        <p>{t('kiosk.selfCode.intro')}</p>
        <ul className="pf-facts">
          {facts.map((fact) => (
            <li key={fact.question} className="pf-fact">
              <CharBoxes count={fact.boxes} />
              <div>
                <p className="pf-text">{fact.question}</p>
                <p className="pf-hint">{fact.hints.join(' ')}</p>
              </div>
            </li>
          ))}
          <li className="pf-fact pf-fact-month">
            <CharBoxes count={2} />
            <div>
              <p className="pf-text">{t('paperForm.form.birthMonth')}</p>
              <p className="pf-hint">{t('paperForm.form.birthMonthWhy')}</p>
            </div>
          </li>
        </ul>
        <p className="pf-researcher">{t('paperForm.form.selfCodeForResearcher')}</p>
      </section>
    );
  }
  const assigned = network.codePolicy === 'assigned';
  return (
    <section className="pf-panel pf-respondent-code" data-policy={network.codePolicy}>
      <h3 className="pf-panel-title">{t('kiosk.code.title')}</h3>
      <p>{assigned ? t('kiosk.code.assignedIntro') : t('kiosk.code.freeIntro')}</p>
      <div className="pf-code-line">
        <span className="pf-code-label">{assigned ? t('kiosk.code.assignedLabel') : t('kiosk.code.freeLabel')}</span>
        {assigned ? (
          <span className="pf-code-boxes">
            <CharBoxes count={3} />
            <span aria-hidden="true">–</span>
            <CharBoxes count={3} />
          </span>
        ) : (
          <span className="pf-write-box pf-write-box-code" aria-hidden="true" />
        )}
      </div>
      {!assigned && <p className="pf-hint">{t('kiosk.code.freeHint')}</p>}
    </section>
  );
}
