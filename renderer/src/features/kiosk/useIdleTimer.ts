import { useEffect, useEffectEvent } from 'react';

/** What counts as someone using the screen. Mouse movement alone does not. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `idleMs` without input, while `active`. Every key press, click, touch
 * or scroll wheel starts the wait again. Plain setTimeout, so tests can drive it with a fake clock.
 */
export function useIdleTimer(idleMs: number, active: boolean, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => fire(), idleMs);
    const restart = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => fire(), idleMs);
    };
    for (const name of ACTIVITY_EVENTS) document.addEventListener(name, restart, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) document.removeEventListener(name, restart, { capture: true });
    };
  }, [idleMs, active]);
}
