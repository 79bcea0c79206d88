/**
 * Pieces the browser benchmarks share: the median of some rounds, and the CPU time Chromium's
 * renderer processes have used (from the browser's own process list), which a busy machine disturbs
 * less than wall time; a Chromium and a temporary folder for the length of a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/browser';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A function giving the cumulative CPU time (ms) of the browser's renderer processes. */
export async function rendererCpuOf(browser: Browser): Promise<() => Promise<number>> {
  const cdp = await browser.newBrowserCDPSession();
  return async () => {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
  };
}

/** Runs a benchmark with Debian's Chromium and a temporary folder, both gone afterwards. */
export async function inChromium(name: string, run: (browser: Browser, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `netwerkspiegel-bench-${name}-`));
  const browser = await launchChromium();
  try {
    await run(browser, dir);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
