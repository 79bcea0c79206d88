import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allAvailableIn } from '../../../../shared/instruments/languages';
import type { Locale } from '../../../../shared/text';
import { api } from '../../api';
import { Field, Options } from '../../components/Field';
import { currentLocale, LOCALES } from '../../i18n';
import { useApiData } from '../../lib/useApiData';
import { PdfActions } from '../export/PdfActions';
import { NetworkPage } from '../network/NetworkPage';
import { loadWaveContext, type WaveContext } from '../questionnaire/QuestionnaireScreen';
import { PaperForm } from './PaperForm';
import './paper-form.css';

/**
 * *Papieren vragenlijst afdrukken*: a wave's questionnaire as a paper form for people who do not
 * use the laptop, shown as it prints (A4) and saved as PDF the way the results print view is
 * (`PdfActions`). Its language is chosen here; it starts as the researcher's.
 */
export function PaperFormScreen({ networkId, waveId, onBack, backLabel }: { networkId: string; waveId: string; onBack: () => void; backLabel?: string }) {
  const { t } = useTranslation();
  const [context] = useApiData(`paper-form/${networkId}/${waveId}`, () => loadWaveContext(networkId, waveId));
  return (
    <NetworkPage
      loaded={context}
      onBack={onBack}
      backLabel={backLabel}
      heading={({ wave, detail }) => ({ title: t('paperForm.title', { wave: wave.label }), network: detail.network.name })}
      className="paper-form-screen"
    >
      {(data) => <PaperFormSetup context={data} />}
    </NetworkPage>
  );
}

function PaperFormSetup({ context }: { context: WaveContext }) {
  const { t } = useTranslation();
  const id = useId();
  const [chosenLocale, setLocale] = useState<Locale>(currentLocale);
  // English is offered only when every instrument of the wave is in English.
  const english = allAvailableIn(context.definitions, 'en');
  const locale = english ? chosenLocale : 'nl';
  return (
    <>
      <section className="panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('paperForm.setupTitle')}</h2>
        <p>{t('paperForm.intro')}</p>
        {english ? (
          <Field id={`${id}-language`} label={t('paperForm.language')}>
            <select id={`${id}-language`} value={locale} onChange={(e) => setLocale(e.target.value === 'en' ? 'en' : 'nl')} data-testid="paper-form-language">
              <Options options={LOCALES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))} />
            </select>
          </Field>
        ) : (
          <p data-testid="paper-form-dutch-only">
            <strong>{t('paperForm.language')}:</strong> {t('dutchOnly.paperForm')}
          </p>
        )}
        <PdfActions save={() => api.savePaperFormPdf({ waveId: context.wave.id })} />
      </section>
      <PaperForm detail={context.detail} wave={context.wave} definitions={context.definitions} locale={locale} />
    </>
  );
}
