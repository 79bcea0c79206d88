import { Component, lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Screens whose last load failed: "Opnieuw proberen" lets each of them load afresh. */
const failedLoads = new Set<() => void>();

/**
 * A screen whose code is loaded the first time it opens, so the first screen does not wait for
 * the charts, the print view or the data tools. React.lazy keeps a failed load for good, so after
 * a failure the screen gets a fresh lazy component, but only when the person asks to try again
 * (a fresh one at once would be retried by React's own re-render, over and over).
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const fresh = () =>
    lazy(() =>
      load().then(
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
  return function LazyScreen(props: P) {
    return <Loaded {...props} />;
  };
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
