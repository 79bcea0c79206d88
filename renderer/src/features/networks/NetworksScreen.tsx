import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../../../../shared/domain';
import { api } from '../../api';
import { Field } from '../../components/Field';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import { useAction } from '../../lib/useAction';
import { useApiData } from '../../lib/useApiData';

export function NetworksScreen({ onOpen, onInstruments, onData, onCompare }: { onOpen: (networkId: string) => void; onInstruments?: () => void; onData?: () => void; onCompare?: () => void }) {
  const { t } = useTranslation();
  const [networks] = useApiData('networks', () => api.listNetworks({}));

  return (
    <>
      <ScreenTitle title={t('networks.title')}>{t('networks.title')}</ScreenTitle>
      <p className="lead">{t('networks.intro')}</p>
      {onInstruments && (
        <p>
          <button type="button" className="link-button" onClick={onInstruments} data-testid="open-instruments">
            {t('instruments.open')}
          </button>
        </p>
      )}
      {onData && (
        <p>
          <button type="button" className="link-button" onClick={onData} data-testid="open-data">
            {t('data.open')}
          </button>
        </p>
      )}
      {onCompare && networks.status === 'ready' && networks.data.length > 0 && (
        <p>
          <button type="button" className="link-button" onClick={onCompare} data-testid="open-compare">
            {t('dashboard.compare.open')}
          </button>
        </p>
      )}

      <section aria-labelledby="networks-list" className="panel">
        <h2 id="networks-list">{t('networks.listTitle')}</h2>
        <WhenLoaded loaded={networks} empty={t('networks.empty')}>
          {(list) => (
            <ul className="card-list" data-testid="network-list">
              {list.map((n) => (
                <li key={n.id} className="card">
                  <div className="card-body">
                    <h3 className="card-title">{n.name}</h3>
                    {n.description && <p className="card-text">{n.description}</p>}
                    <p className="card-meta">
                      {t('networks.organisationCount', { count: n.organisationCount })} · {t('networks.waveCount', { count: n.waveCount })}
                    </p>
                  </div>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onOpen(n.id)}
                    aria-label={t('networks.openNamed', { name: n.name })}
                  >
                    {t('networks.open')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </WhenLoaded>
      </section>

      <NewNetworkForm onCreated={(network) => onOpen(network.id)} />
    </>
  );
}

function NewNetworkForm({ onCreated }: { onCreated: (network: Network) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const { busy, error, submit } = useAction();

  // The main process validates (and trims); its Dutch message is what the person sees.
  const create = submit(async () => onCreated(await api.createNetwork({ name, description: description.trim() === '' ? undefined : description })));

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('networks.newTitle')}</h2>
      <form onSubmit={create} noValidate data-testid="new-network-form">
        <Field id={`${id}-name`} label={t('networks.name')}>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={120}
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            autoComplete="off"
          />
        </Field>
        <Field id={`${id}-description`} label={t('networks.description')} optional>
          <textarea id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={2000} />
        </Field>
        <ErrorAlert message={error} testId="new-network-error" id={`${id}-error`} />
        <button type="submit" className="button" disabled={busy}>
          {t('networks.create')}
        </button>
      </form>
    </section>
  );
}
