import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BackButton } from '../../components/BackButton';
import { ScreenTitle } from '../../components/ScreenTitle';
import { WhenLoaded } from '../../components/WhenLoaded';
import type { Loaded } from '../../lib/useApiData';

/** The h1 of a network screen. */
export interface PageHeading {
  /** The document title, and what the h1 says unless `text` says otherwise. */
  title: string;
  text?: string;
  /** The network's name, on its own line under the title. */
  network?: string;
  /** A small word before the title ("Netwerk", "Resultaten"). */
  kicker?: string;
}

/**
 * A screen of one network: the way back, the loading and error states of its data, the title, and
 * once the data is there `children` with it. The title comes with the data (`heading`), or, with
 * `pending`, stands from the start and changes when the data arrives. `titleKey` remounts the
 * title (so it takes focus again) when the screen moves to a next step.
 */
export function NetworkPage<T>({
  loaded,
  onBack,
  backLabel,
  heading,
  pending,
  titleKey,
  className,
  children,
}: {
  loaded: Loaded<T>;
  onBack: () => void;
  /** "Terug naar het netwerk" unless said otherwise. */
  backLabel?: string;
  heading: (data: T) => PageHeading;
  pending?: PageHeading;
  titleKey?: string;
  className?: string;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const title = (h: PageHeading) => (
    <ScreenTitle key={titleKey} title={h.title}>
      {h.kicker && <span className="title-kicker">{h.kicker}</span>}
      {h.kicker && ' '}
      {h.text ?? h.title}
      {h.network && <span className="title-sub">{h.network}</span>}
    </ScreenTitle>
  );
  const page = (
    <>
      <BackButton label={backLabel ?? t('nav.backToNetwork')} onClick={onBack} />
      {pending && title(loaded.status === 'ready' ? heading(loaded.data) : pending)}
      <WhenLoaded loaded={loaded}>
        {(data) => (
          <>
            {!pending && title(heading(data))}
            {children(data)}
          </>
        )}
      </WhenLoaded>
    </>
  );
  return className ? <div className={className}>{page}</div> : page;
}
