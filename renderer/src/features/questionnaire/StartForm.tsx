import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, ResponseRecord, Wave } from '../../../../shared/domain';
import { api } from '../../api';
import { BirthMonthField } from '../../components/BirthMonthField';
import { CodeInput } from '../../components/CodeInput';
import { Field, Options } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { isSelfCodeTaken } from '../../lib/errors';
import { useAction } from '../../lib/useAction';
import { useBirthMonthQuestion } from '../../lib/useBirthMonthQuestion';

/** Respondent code (pseudonymous, never a name) and optional organisation; starts or resumes a response. */
export function StartForm({
  wave,
  organisations,
  onStarted,
}: {
  wave: Wave;
  organisations: Organisation[];
  onStarted: (response: ResponseRecord) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  // Another respondent already made this self-made code: the birth month is asked as well.
  const birthMonth = useBirthMonthQuestion();
  const { busy, error, submit } = useAction();

  const start = submit(async () => {
    if (!birthMonth.ready()) return;
    try {
      const organisation = organisationId === '' ? null : organisationId;
      onStarted(await api.startResponse({ waveId: wave.id, respondentCode: code, organisationId: organisation, mode: 'form', birthMonth: birthMonth.birthMonth }));
    } catch (err) {
      if (!isSelfCodeTaken(err)) throw err;
      birthMonth.ask();
    }
  });

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('questionnaire.startTitle')}</h2>
      <p>{t('questionnaire.startIntro')}</p>
      <form onSubmit={start} noValidate data-testid="start-form">
        <div className="field-row">
          <Field id={`${id}-code`} label={t('questionnaire.code')} hint={t('questionnaire.codeHint')} hintId={`${id}-code-hint`}>
            <CodeInput
              id={`${id}-code`}
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                birthMonth.withdraw();
              }}
              maxLength={16}
              aria-required="true"
              aria-describedby={error ? `${id}-code-hint ${id}-error` : `${id}-code-hint`}
              aria-invalid={error ? true : undefined}
              className="input-code"
            />
          </Field>
          <Field id={`${id}-org`} label={t('questionnaire.organisation')} optional>
            <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <option value="">{t('questionnaire.noOrganisation')}</option>
              <Options options={organisations.filter((o) => !o.archived).map((o) => ({ value: o.id, label: o.name }))} />
            </select>
          </Field>
        </div>
        {birthMonth.asked && (
          <BirthMonthField
            id={`${id}-month`}
            label={t('questionnaire.birthMonth')}
            why={t('questionnaire.birthMonthWhy')}
            value={birthMonth.value}
            onChange={birthMonth.onChange}
            error={birthMonth.missing ? t('questionnaire.birthMonthMissing') : null}
          />
        )}
        <ErrorAlert message={error} testId="start-error" id={`${id}-error`} />
        <button type="submit" className="button button-large" disabled={busy}>
          {t('questionnaire.start')}
        </button>
      </form>
    </section>
  );
}
