import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useAction } from '../lib/useAction';
import { ErrorAlert, StatusMessage } from './Messages';

/** "Exporteren naar Excel" for one wave; says where the file went, or nothing when cancelled. */
export function ExportButton({ waveId, waveLabel }: { waveId: string; waveLabel: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<{ filePath: string; rows: number } | null>(null);
  const { busy, error, run } = useAction();

  const exportWave = () =>
    run(async () => {
      setResult(null);
      const outcome = await api.exportWaveAnswers({ waveId });
      if (!outcome.cancelled) setResult({ filePath: outcome.filePath, rows: outcome.rows });
    });

  return (
    <div className="export">
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void exportWave()}
        disabled={busy}
        aria-label={t('export.buttonFor', { wave: waveLabel })}
        data-testid={`export-${waveId}`}
      >
        {busy ? t('export.busy') : t('export.button')}
      </button>
      <StatusMessage
        testId={`export-status-${waveId}`}
        message={result ? t('export.saved', { filePath: result.filePath, count: result.rows }) : null}
      />
      <ErrorAlert message={error} />
    </div>
  );
}
