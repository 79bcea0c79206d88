import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Phones in meeting mode: Chromium contexts of 360 × 740 px with touch, each its own browser profile. */

export interface Phone {
  context: BrowserContext;
  page: Page;
  /** Page errors, console errors (CSP violations among them) and failed requests other than the server being away. */
  problems: string[];
  /** How long each saveAnswer request the laptop answered (200) took, from sending to the whole answer (ms). */
  saveLatencies: number[];
  /** How many requests the laptop answered with a status other than 200 (429 too many, 408 too slow), by status. */
  statuses: Map<number, number>;
}

/** `timeoutMs`: how long one step may take; forty phones on a small, busy machine need far more than eight. */
export async function openPhone(browser: Browser, timeoutMs = 30_000): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'nl-NL' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  page.setDefaultNavigationTimeout(timeoutMs);
  const problems: string[] = [];
  const saveLatencies: number[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A fetch to a laptop that is away logs a network error in Chromium: that is the case under test, not a fault.
    if (msg.type() === 'error' && !/Failed to load resource: net::ERR_CONNECTION_REFUSED/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  const statuses = new Map<number, number>();
  page.on('response', (response) => {
    const status = response.status();
    if (status !== 200 && status !== 204) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (status !== 200 || !response.url().endsWith('/api/saveAnswer')) return;
    void response.finished().then(() => {
      const timing = response.request().timing();
      if (timing.responseEnd >= 0) saveLatencies.push(timing.responseEnd);
    });
  });
  return { context, page, problems, saveLatencies, statuses };
}

/** Welcome → consent → code → organisation: the first page of questions is open. */
export async function beginOnPhone(page: Page, url: string, code: string, organisation: string | null): Promise<void> {
  await page.goto(url);
  await page.getByTestId('kiosk-start').click();
  await page.getByRole('button', { name: 'Ik doe mee', exact: true }).click();
  await page.getByTestId('kiosk-code-input').fill(code);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByTestId('kiosk-about').waitFor();
  if (organisation) {
    await page.getByTestId('kiosk-organisation').getByText(organisation, { exact: true }).click();
    await page.getByTestId('kiosk-organisation-status').getByText('Opgeslagen').waitFor();
  }
  await page.getByRole('button', { name: 'Volgende' }).click();
  await page.getByTestId('kiosk-page').waitFor();
}

/**
 * On every page of questions, the choice questions get option `(offset + n) % options` (n counting
 * the questions answered), each waited for until the page shows it saved. Returns what the phone saw
 * saved, by item: the codes the laptop must hold.
 */
export async function answerAllPages(page: Page, offset: number, perPage = Infinity): Promise<Map<string, number>> {
  const saved = new Map<string, number>();
  for (;;) {
    const onPage = page.getByTestId('kiosk-page');
    await onPage.waitFor();
    const items = await onPage.locator('[data-testid^="item-"]').all();
    let answeredHere = 0;
    for (const item of items) {
      if (answeredHere >= perPage) break;
      const radios = item.getByRole('radio');
      const count = await radios.count();
      if (count === 0) continue;
      const radio = radios.nth((offset + saved.size) % count);
      await radio.click();
      const itemId = (await item.getAttribute('data-testid'))!.slice('item-'.length);
      await page.getByTestId(`saved-${itemId}`).waitFor();
      saved.set(itemId, Number(await radio.getAttribute('value')));
      answeredHere++;
    }
    const next = page.getByTestId('kiosk-next');
    const last = /controleren/i.test((await next.textContent()) ?? '');
    await next.click();
    if (last) break;
  }
  await page.getByTestId('kiosk-review').waitFor();
  return saved;
}

/** Review → Inleveren → Bedankt. */
export async function submitOnPhone(page: Page): Promise<void> {
  await page.getByTestId('kiosk-submit').click();
  await page.getByTestId('kiosk-thanks').waitFor();
}
