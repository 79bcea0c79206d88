import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { useAction } from '../../lib/useAction';

/**
 * "Opslaan als PDF" and "Afdrukken" for a print view on screen (the results, a paper
 * questionnaire). Saving asks the main process, which prints the window with Electron's
 * printToPDF and asks where to save (`save`); in a browser that is refused with a sentence
 * pointing to "Afdrukken", the browser's own print dialog, which can save as PDF too.
 */
export function PdfActions({ save }: { save: () => Promise<Output<'saveResultsPdf'>> }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const pdf = useAction();
  const savePdf = () =>
    pdf.run(async () => {
      setSaved(null);
      const result = await save();
      if (!result.cancelled) setSaved(t('export.print.pdfSaved', { filePath: result.filePath }));
    });
  return (
    <>
      <div className="actions">
        <button type="button" className="button" onClick={() => void savePdf()} disabled={pdf.busy} data-testid="save-pdf">
          {t('export.print.savePdf')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t('export.print.print')}
        </button>
      </div>
      <StatusMessage message={saved} testId="pdf-status" />
      <ErrorAlert message={pdf.error} testId="pdf-error" />
    </>
  );
}
