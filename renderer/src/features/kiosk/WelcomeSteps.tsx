import { useEffect, useEffectEvent, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isWellFormedAssignedCode, normalizeAssignedCode, selfCode, selfCodeProblems, type SelfCodeProblem } from '../../../../shared/codes';
import type { CodePolicy, KioskSession } from '../../../../shared/domain';
import { BirthMonthField } from '../../components/BirthMonthField';
import { CodeInput } from '../../components/CodeInput';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import type { BirthMonthQuestion } from '../../lib/useBirthMonthQuestion';
import { handlesEnter } from './keys';
import { KioskTitle } from './KioskParts';
import { useKioskT } from './kioskLocale';

/** The blank start screen: nothing about anyone, one big button, and the researcher's way out. */
export function WelcomeStep({ session, onStart, onResearcher }: { session: KioskSession; onStart: () => void; onResearcher?: () => void }) {
  const { t } = useKioskT();
  const researcher = useTranslation();
  return (
    <section
      className="kiosk-step kiosk-welcome"
      data-testid="kiosk-welcome"
      onKeyDown={(event) => {
        // Keyboard first: Enter on the screen (not on a button) starts.
        if (event.key === 'Enter' && !handlesEnter(event.target as Element)) {
          event.preventDefault();
          onStart();
        }
      }}
    >
      <KioskTitle>{t('kiosk.welcome.title')}</KioskTitle>
      <p className="kiosk-lead">{t('kiosk.welcome.text', { network: session.networkName })}</p>
      <p>{t('kiosk.welcome.anonymous')}</p>
      <div className="kiosk-actions">
        <button type="button" className="button button-large kiosk-primary" onClick={onStart} data-testid="kiosk-start">
          {t('kiosk.welcome.start')}
        </button>
      </div>
      {onResearcher && (
        <button type="button" className="kiosk-researcher" onClick={onResearcher} lang={researcher.i18n.language} data-testid="kiosk-researcher">
          {researcher.t('kiosk.researcher')}
        </button>
      )}
    </section>
  );
}

/** Splits a consent text into paragraphs at blank lines. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Informed consent: the network's own text in the respondent's language, else its Dutch text,
 * else the app's standard text (which says what *Stoppen* does with the answers in this network).
 * Declining stores nothing.
 */
export function ConsentStep({ session, onAccept, onDecline, phone = false }: { session: KioskSession; onAccept: () => void; onDecline: () => void; phone?: boolean }) {
  const { t, locale } = useKioskT();
  const own = session.consent[locale] ?? session.consent.nl;
  const ownLang = session.consent[locale] ? locale : 'nl';
  // The standard text says what Stoppen does with the answers, as this network is set up.
  // On a phone the standard text says where the answers are kept: on the researcher's laptop, not on the phone.
  // Nor does it promise that every question may be skipped when the wave has required ones.
  const text =
    own ??
    t(phone ? 'meetingPhone.consentStandard' : 'kiosk.consent.standard', {
      skipping: t(session.requiredQuestions ? 'kiosk.consent.skipExceptRequired' : 'kiosk.consent.skipAny'),
      whenStopping: t(session.kioskStop === 'keep' ? 'kiosk.stop.consentKeep' : 'kiosk.stop.consentDiscard'),
    });
  return (
    <section className="kiosk-step" data-testid="kiosk-consent">
      <KioskTitle>{t('kiosk.consent.title')}</KioskTitle>
      <div className="kiosk-consent-text" lang={own ? ownLang : undefined} data-testid="kiosk-consent-text">
        {paragraphs(text).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      <p className="kiosk-question">{t('kiosk.consent.question')}</p>
      <div className="kiosk-actions">
        <button type="button" className="button button-large kiosk-primary" onClick={onAccept}>
          {t('kiosk.consent.accept')}
        </button>
        <button type="button" className="button button-large button-secondary" onClick={onDecline}>
          {t('kiosk.consent.decline')}
        </button>
      </div>
    </section>
  );
}

/**
 * The respondent code, as the network's code policy asks for it. With self-generated codes the
 * three answers stay on this screen: only the code made from them is sent.
 */
/** What a code form gets from the kiosk flow: the state of starting the response, and where a code or "Terug" goes. */
interface CodeFormProps {
  busy: boolean;
  error: string | null;
  /** The code, and the birth month when it was asked. */
  onSubmit: (code: string, birthMonth?: number) => void;
  onBack: () => void;
}

export function CodeStep({ policy, birthMonth, ...form }: CodeFormProps & { policy: CodePolicy; birthMonth: BirthMonthQuestion }) {
  const { t } = useKioskT();
  return (
    <section className="kiosk-step" data-testid="kiosk-code">
      <KioskTitle>{policy === 'self' ? t('kiosk.code.selfTitle') : t('kiosk.code.title')}</KioskTitle>
      {policy === 'self' ? <SelfCodeForm birthMonth={birthMonth} {...form} /> : <TypedCodeForm policy={policy} {...form} />}
    </section>
  );
}

function CodeActions({ busy, onBack }: { busy: boolean; onBack: () => void }) {
  const { t } = useKioskT();
  return (
    <div className="kiosk-nav">
      <button type="button" className="button button-large button-secondary" onClick={onBack}>
        {t('kiosk.nav.back')}
      </button>
      <button type="submit" className="button button-large kiosk-primary" disabled={busy}>
        {t('kiosk.nav.next')}
      </button>
    </div>
  );
}

function TypedCodeForm({ policy, busy, error, onSubmit, onBack }: CodeFormProps & { policy: 'free' | 'assigned' }) {
  const { t } = useKioskT();
  const id = useId();
  const [code, setCode] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const shownError = hint ?? error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = policy === 'assigned' ? normalizeAssignedCode(code) : code;
    // A quick check of the card code's form and check character; the main process decides
    // whether it is on the network's list.
    if (policy === 'assigned' && !isWellFormedAssignedCode(typed)) {
      setHint(t('kiosk.code.assignedMalformed'));
      return;
    }
    setHint(null);
    onSubmit(typed);
  }

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <p>{policy === 'assigned' ? t('kiosk.code.assignedIntro') : t('kiosk.code.freeIntro')}</p>
      <Field
        id={`${id}-code`}
        label={policy === 'assigned' ? t('kiosk.code.assignedLabel') : t('kiosk.code.freeLabel')}
        hint={policy === 'assigned' ? t('kiosk.code.assignedHint') : t('kiosk.code.freeHint')}
        hintId={`${id}-hint`}
      >
        <CodeInput
          id={`${id}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          maxLength={16}
          aria-describedby={shownError ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={shownError ? true : undefined}
          className="input-code kiosk-input"
          autoFocus
          data-testid="kiosk-code-input"
        />
      </Field>
      <ErrorAlert message={shownError} testId="kiosk-code-error" id={`${id}-error`} />
      <CodeActions busy={busy} onBack={onBack} />
    </form>
  );
}

/** What the control of one of the three facts needs: its id, its class and what describes it. */
interface FactControl {
  id: string;
  className: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string;
}

/** One of the three facts: its question, hint and own error, and the control that answers it. */
function FactField({ id, problem, invalid, children }: { id: string; problem: SelfCodeProblem; invalid: boolean; children: (control: FactControl) => ReactNode }) {
  const { t } = useKioskT();
  const controlId = `${id}-${problem}`;
  return (
    <Field
      id={controlId}
      label={t(`kiosk.selfCode.${problem}`)}
      hint={t(`kiosk.selfCode.${problem}Hint`)}
      hintId={`${controlId}-hint`}
      after={<ErrorAlert message={invalid ? t(`kiosk.selfCode.${problem}Problem`) : null} id={`${controlId}-error`} testId={`kiosk-self-${problem}-error`} />}
    >
      {children({
        id: controlId,
        className: 'kiosk-input kiosk-input-short',
        'aria-invalid': invalid ? true : undefined,
        'aria-describedby': invalid ? `${controlId}-error` : `${controlId}-hint`,
      })}
    </Field>
  );
}

/** The three facts, and the birth month once the main process asked for it (another person made the same code). */
function SelfCodeForm({ busy, error, onSubmit, onBack, birthMonth }: CodeFormProps & { birthMonth: BirthMonthQuestion }) {
  const { t, locale } = useKioskT();
  const id = useId();
  const [letters, setLetters] = useState('');
  const [day, setDay] = useState('');
  const [siblings, setSiblings] = useState('');
  const [problems, setProblems] = useState<SelfCodeProblem[]>([]);

  /** A changed fact makes another code: the month question, if any, no longer applies. */
  const changeFact = (set: (value: string) => void, value: string) => {
    set(value);
    if (birthMonth.asked) birthMonth.withdraw();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const facts = {
      parentLetters: letters.trim(),
      birthDay: /^\d{1,2}$/.test(day.trim()) ? Number(day.trim()) : NaN,
      olderSiblings: siblings === '' ? NaN : Number(siblings),
    };
    const found = selfCodeProblems(facts);
    setProblems(found);
    const monthReady = birthMonth.ready();
    if (found.length > 0 || !monthReady) return;
    onSubmit(selfCode(facts), birthMonth.birthMonth);
  }

  return (
    <form onSubmit={submit} noValidate autoComplete="off">
      <p>{t('kiosk.selfCode.intro')}</p>
      <FactField id={id} problem="parentLetters" invalid={problems.includes('parentLetters')}>
        {(control) => <CodeInput {...control} value={letters} onChange={(e) => changeFact(setLetters, e.target.value)} maxLength={4} autoFocus />}
      </FactField>
      <FactField id={id} problem="birthDay" invalid={problems.includes('birthDay')}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            value={day}
            onChange={(e) => changeFact(setDay, e.target.value.replace(/\D/g, '').slice(0, 2))}
            autoComplete="off"
            maxLength={2}
          />
        )}
      </FactField>
      <FactField id={id} problem="olderSiblings" invalid={problems.includes('olderSiblings')}>
        {(control) => (
          <select {...control} value={siblings} onChange={(e) => changeFact(setSiblings, e.target.value)} autoComplete="off">
            <option value="">{t('kiosk.selfCode.choose')}</option>
            {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
            <option value={9}>{t('kiosk.selfCode.nineOrMore')}</option>
          </select>
        )}
      </FactField>
      {birthMonth.asked && (
        <BirthMonthField
          id={`${id}-birthMonth`}
          lng={locale}
          label={t('kiosk.selfCode.birthMonth')}
          why={t('kiosk.selfCode.birthMonthWhy')}
          value={birthMonth.value}
          onChange={birthMonth.onChange}
          error={birthMonth.missing ? t('kiosk.selfCode.birthMonthProblem') : null}
          selectClassName="kiosk-input kiosk-input-short"
          testId="kiosk-birth-month"
        />
      )}
      <p className="hint">{birthMonth.asked ? t('kiosk.selfCode.privacyWithMonth') : t('kiosk.selfCode.privacy')}</p>
      <ErrorAlert message={error} testId="kiosk-code-error" />
      <CodeActions busy={busy} onBack={onBack} />
    </form>
  );
}

/** "Bedankt!" and, after a few seconds or a button, a blank welcome screen for the next person. */
export const THANKS_SECONDS = 8;

/** On a phone (meeting mode) the thanks stay: the person holding it is done, and nobody is next in line. */
export function ThanksStep({ onDone, phone = false }: { onDone: () => void; phone?: boolean }) {
  const { t } = useKioskT();
  const done = useEffectEvent(onDone);
  useEffect(() => {
    if (phone) return;
    const timer = window.setTimeout(() => done(), THANKS_SECONDS * 1000);
    return () => window.clearTimeout(timer);
  }, [phone]);
  return (
    <section className="kiosk-step kiosk-thanks" data-testid="kiosk-thanks">
      <KioskTitle>{t('kiosk.thanks.title')}</KioskTitle>
      <p className="kiosk-lead">{t('kiosk.thanks.text')}</p>
      <p>{phone ? t('meetingPhone.thanksNext') : t('kiosk.thanks.next', { count: THANKS_SECONDS })}</p>
      <div className="kiosk-actions">
        {/* On a phone the person is done: handing it to someone else is the exception, so it is not the big button. */}
        <button type="button" className={phone ? 'button button-large button-secondary' : 'button button-large kiosk-primary'} onClick={onDone}>
          {phone ? t('meetingPhone.anotherPerson') : t('kiosk.thanks.done')}
        </button>
      </div>
    </section>
  );
}
