import { Component, createElement, lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Screens whose last load failed: "Opnieuw proberen" lets each of them load afresh. */
const failedLoads = new Set<() => void>();

/** A lazily loaded component, with a way to fetch its code ahead of need. */
export type LazyComponent<P> = ComponentType<P> & { preload: () => Promise<void> };

/**
 * A screen (or a part of one) whose code is loaded the first time it opens, so the first screen
 * does not wait for the charts, the print view or the data tools. `preload()` fetches the code
 * ahead of need (the network screen fetches the results screen's); once loaded, the component
 * renders at once, without a suspended frame (React holds back content that follows a fallback
 * by up to 300 ms). React.lazy keeps a failed load for good, so after a failure the screen gets a
 * fresh lazy component, but only when the person asks to try again (a fresh one at once would be
 * retried by React's own re-render, over and over).
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchCode = () =>
    (pending ??= load().then(
      (screen) => (loaded = screen),
      (err: unknown) => {
        pending = null;
        throw err;
      },
    ));
  const fresh = () =>
    lazy(() =>
      fetchCode().then(
        (screen) => ({ default: screen }),
        (err: unknown) => {
          failedLoads.add(reset);
          throw err;
        },
      ),
    );
  const reset = () => {
    Loaded = fresh();
  };
  let Loaded = fresh();
  function LazyScreen(props: P) {
    return loaded ? createElement(loaded, props) : <Loaded {...props} />;
  }
  // A failed preload is said when the screen opens and its load fails again.
  return Object.assign(LazyScreen, { preload: () => fetchCode().then(() => undefined, () => undefined) });
}

function retryFailedLoads(): void {
  for (const reset of failedLoads) reset();
  failedLoads.clear();
}

/** Takes focus when it appears, so a keyboard user's focus does not fall back to the page itself. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/**
 * Shown while a screen's code loads. The button that opened the screen is gone by now, so this
 * region holds focus until the screen's h1 takes it over (ScreenTitle).
 */
function RouteLoading() {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLParagraphElement>();
  return (
    <p ref={ref} role="status" tabIndex={-1} className="route-status muted" data-testid="route-loading">
      {t('route.loading')}
    </p>
  );
}

function RouteFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="route-status message message-error" data-testid="route-failed">
      <p>{t('route.failed')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('route.retry')}
      </button>
    </div>
  );
}

/**
 * Around the screen in <main>: a loading state while its code arrives and, if that fails, a Dutch
 * message with "Opnieuw proberen" instead of an empty window. Give it a `key` per screen so
 * opening another screen starts afresh.
 */
export class RouteBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      const retry = () => {
        retryFailedLoads();
        this.setState({ failed: false });
      };
      return <RouteFailed onRetry={retry} />;
    }
    return <Suspense fallback={<RouteLoading />}>{this.props.children}</Suspense>;
  }
}
