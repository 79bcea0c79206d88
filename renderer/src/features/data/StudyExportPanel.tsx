import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CheckboxGroup } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { WhenLoaded } from '../../components/WhenLoaded';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';

/** *Studiebestand exporteren*: the chosen networks, with everything in them, as one file for another laptop. */
export function StudyExportPanel() {
  const { t } = useTranslation();
  const id = useId();
  const [networks] = useApiData('study-export-networks', () => api.listNetworks({}));
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [saved, setSaved] = useState<{ filePath: string; networks: number; responses: number } | null>(null);
  const { busy, error, run } = useAction();

  const exportFile = () =>
    run(async () => {
      setSaved(null);
      const result = await api.exportStudyFile({ networkIds: [...chosen] });
      if (!result.cancelled) setSaved(result);
    });

  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="study-export">
      <h2 id={`${id}-title`}>{t('data.export.title')}</h2>
      <p>{t('data.export.intro')}</p>
      <WhenLoaded loaded={networks} empty={t('data.export.noNetworks')}>
        {(list) => <CheckboxGroup legend={t('data.export.networks')} options={list.map((n) => ({ value: n.id, label: n.name }))} chosen={chosen} onChange={setChosen} />}
      </WhenLoaded>
      <ErrorAlert message={error} testId="study-export-error" />
      <StatusMessage
        testId="study-export-status"
        message={saved ? t('data.export.saved', { filePath: saved.filePath, networks: saved.networks, responses: saved.responses }) : null}
      />
      <button type="button" className="button" onClick={() => void exportFile()} disabled={busy} data-testid="study-export-button">
        {busy ? t('data.export.busy') : t('data.export.button')}
      </button>
    </section>
  );
}
