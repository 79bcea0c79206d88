import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignedCode, Network } from '../../../../../shared/domain';

/**
 * A sheet of cards to cut out, one per code: the network's name, the code large in a monospace
 * font, and the instruction to keep the card. "Afdrukken" prints only the cards (see the
 * `@media print` rules in styles.css).
 */
export function CodeCardSheet({ network, codes }: { network: Network; codes: AssignedCode[] }) {
  const { t } = useTranslation();
  const id = useId();
  const [onlyUnused, setOnlyUnused] = useState(false);
  const shown = onlyUnused ? codes.filter((c) => c.waves.length === 0) : codes;

  return (
    <section className="panel card-sheet-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('codes.sheetTitle')}</h2>
      <p className="hint section-hint">{t('codes.sheetIntro')}</p>
      <div className="card-sheet-controls">
        <label className="checkbox">
          <input type="checkbox" checked={onlyUnused} onChange={(e) => setOnlyUnused(e.target.checked)} />
          {t('codes.onlyUnused')}
        </label>
        <button type="button" className="button" onClick={() => window.print()} disabled={shown.length === 0} data-testid="codes-print">
          {t('codes.print')}
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('codes.noCards')}</p>
      ) : (
        <ul className="card-sheet" aria-label={t('codes.sheetLabel', { count: shown.length })} data-testid="card-sheet">
          {shown.map((c) => (
            <li key={c.code} className="code-card" data-testid="code-card">
              <span className="code-card-network">{network.name}</span>
              <span className="code-card-label">{t('codes.cardCodeLabel')}</span>
              <span className="code-card-code" data-testid="code-card-code">
                {c.code}
              </span>
              <span className="code-card-instruction">{t('codes.cardInstruction')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
