import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignedCode, Network } from '../../../../../shared/domain';
import { api } from '../../../api';
import { DataTable } from '../../../components/DataTable';
import { NumberField } from '../../../components/NumberField';
import { SubmitRow } from '../../../components/SubmitRow';
import { currentLocale } from '../../../i18n';
import { useAction } from '../../../lib/useAction';
import { useApiData } from '../../../lib/useApiData';
import { formatDateTime } from '../../responses/formatDateTime';
import { NetworkPage } from '../NetworkPage';
import { CodeCardSheet } from './CodeCardSheet';

interface CodesData {
  network: Network;
  codes: AssignedCode[];
}

/**
 * *Respondentcodes*: make pre-assigned codes, see in which waves each was used, and print them on
 * cards to hand out. The list stays on this laptop: it is never part of an export.
 */
export function CodesScreen({ networkId, onBack, onSettings }: { networkId: string; onBack: () => void; onSettings: () => void }) {
  const { t } = useTranslation();
  const [data, reload] = useApiData<CodesData>(`codes/${networkId}`, async () => {
    const [detail, codes] = await Promise.all([api.getNetwork({ networkId }), api.listCodes({ networkId })]);
    return { network: detail.network, codes };
  });
  return (
    <NetworkPage loaded={data} onBack={onBack} heading={({ network }) => ({ title: t('codes.title'), network: network.name })} className="codes-screen">
      {({ network, codes }) => (
        <>
          <p className="lead">{t('codes.intro')}</p>
          {network.codePolicy !== 'assigned' && (
            <p className="message message-info" data-testid="codes-policy-note">
              {t('codes.policyNote', { policy: t(`settings.policy.${network.codePolicy}`) })}{' '}
              <button type="button" className="link-button" onClick={onSettings}>
                {t('settings.open')}
              </button>
            </p>
          )}
          <GenerateForm networkId={networkId} onGenerated={reload} />
          <CodeList network={network} codes={codes} />
          <CodeCardSheet network={network} codes={codes} />
        </>
      )}
    </NetworkPage>
  );
}

function GenerateForm({ networkId, onGenerated }: { networkId: string; onGenerated: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [count, setCount] = useState('20');
  const action = useAction();

  const generate = action.submit(async () => {
    const typed = /^\s*\d+\s*$/.test(count) ? Number(count) : Number.NaN;
    const { codes } = await api.generateCodes({ networkId, count: typed });
    onGenerated();
    return t('codes.generated', { count: codes.length });
  });

  return (
    <form className="panel" onSubmit={generate} noValidate aria-labelledby={`${id}-title`} data-testid="codes-generate">
      <h2 id={`${id}-title`}>{t('codes.generateTitle')}</h2>
      <NumberField id={`${id}-count`} hintId={`${id}-hint`} label={t('codes.count')} hint={t('codes.countHint')} value={count} onChange={setCount} />
      <SubmitRow action={action} label={t('codes.generate')} errorTestId="codes-error" statusTestId="codes-status" />
    </form>
  );
}

function CodeList({ network, codes }: { network: Network; codes: AssignedCode[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <section className="panel" aria-labelledby="code-list-title">
      <h2 id="code-list-title">{t('codes.listTitle', { count: codes.length })}</h2>
      {codes.length === 0 ? (
        <p className="empty">{t('codes.empty')}</p>
      ) : (
        <DataTable
          scroll
          testId="code-table"
          caption={t('codes.caption', { network: network.name })}
          columns={[t('codes.colCode'), t('codes.colCreated'), t('codes.colWaves')]}
        >
          {codes.map((c) => (
            <tr key={c.code} data-testid={`code-row-${c.code}`}>
              <th scope="row" className="respondent-code">
                {c.code}
              </th>
              <td>{formatDateTime(c.createdAt, locale)}</td>
              <td>
                {c.waves.length === 0
                  ? t('codes.notUsed')
                  : c.waves.map((w) => t('codes.waveStatus', { wave: w.label, status: t(`responses.status.${w.status}`) })).join(', ')}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
