import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../components/BackButton';
import { ErrorAlert } from '../../components/Messages';
import { ScreenTitle } from '../../components/ScreenTitle';
import type { Loaded } from '../../lib/useApiData';

/**
 * A screen below one network: "Terug naar het netwerk", the loading and error states of its data,
 * and once it is loaded the title with the network's name under it, then `children`.
 * `titleKey` remounts the title (so it takes focus again) when the screen moves to a next step.
 */
export function NetworkPage<T>({
  loaded,
  onBack,
  heading,
  titleKey,
  className,
  children,
}: {
  loaded: Loaded<T>;
  onBack: () => void;
  heading: (data: T) => { title: string; network: string };
  titleKey?: string;
  className?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const ready = loaded.status === 'ready' ? { data: loaded.data, ...heading(loaded.data) } : null;
  const page = (
    <>
      <BackButton label={t('nav.backToNetwork')} onClick={onBack} />
      {loaded.status === 'loading' && <p>{t('common.loading')}</p>}
      <ErrorAlert message={loaded.status === 'error' ? loaded.message : null} />
      {ready && (
        <>
          <ScreenTitle key={titleKey} title={ready.title}>
            {ready.title}
            <span className="title-sub">{ready.network}</span>
          </ScreenTitle>
          {children(ready.data)}
        </>
      )}
    </>
  );
  return className ? <div className={className}>{page}</div> : page;
}
