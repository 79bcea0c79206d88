import { useEffect, useState } from 'react';

/** How often a screen asks the main process how far a long task (an export, a study file) is. */
const POLL_MS = 250;

type Progress = { running: false } | { running: true };

/**
 * While `busy`, asks `poll` every 250 ms how far the main process is, and shows `starting` until
 * the main process says the task runs (until it has registered the task it says nothing runs: a
 * later "not running" keeps what is shown). When `busy` ends, nothing runs any more.
 */
export function usePolledProgress<P extends Progress>(busy: boolean, poll: () => Promise<P>, starting: P): P {
  const [progress, setProgress] = useState<P>(starting);
  useEffect(() => {
    if (!busy) return;
    let stopped = false;
    const timer = window.setInterval(() => {
      poll().then(
        (p) => {
          if (!stopped && p.running) setProgress(p);
        },
        () => {},
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      setProgress(starting);
    };
    // `poll` and `starting` are the same task for the screen's lifetime; only `busy` starts and stops it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [busy]);
  return busy ? progress : ({ running: false } as P);
}
