import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../../shared/domain';

/** On the network screen: the current settings in one line, and the way to *Instellingen* and *Respondentcodes*. */
export function NetworkToolsPanel({ network, onSettings, onCodes }: { network: Network; onSettings: () => void; onCodes: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="network-tools-title" className="panel" data-testid="network-tools">
      <h2 id="network-tools-title">{t('settings.panelTitle')}</h2>
      <p className="muted" data-testid="settings-summary">
        {t('settings.summary', { policy: t(`settings.policy.${network.codePolicy}`), min: network.minGroupSize, seconds: network.idleSeconds })}
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onSettings}>
          {t('settings.open')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCodes}>
          {t('codes.open')}
        </button>
      </div>
    </section>
  );
}
