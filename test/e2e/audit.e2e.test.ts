import { describe, expect, it } from 'vitest';
import { expectAccessible, textOf, useE2eSessions } from './support/harness';
import { heading } from './support/kiosk';

/**
 * *Auditlog* in Chromium against the real services and SQLite file: entries read as Dutch
 * sentences with the names of what they are about, never raw keys or JSON, and the list can be
 * narrowed to one kind and one network.
 */

const { newSession } = useE2eSessions();
const KS = 'kansrijke-samenwerking';

describe('Auditlog', () => {
  it('shows Dutch sentences, and filters by kind and by network', async () => {
    const session = await newSession();
    const { page, call } = session;
    const oost = await call('createNetwork', { name: 'Dementie Oost' });
    const west = await call('createNetwork', { name: 'Wijknetwerk West' });
    await call('createWave', { networkId: oost.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await call('createWave', { networkId: west.id, label: 'Voorjaar', kind: 'custom', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    const t1 = await call('createWave', { networkId: oost.id, label: 'T1', kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
    await call('startResponse', { waveId: t1.id, respondentCode: 'MA010', organisationId: null, mode: 'paper' });
    await call('eraseRespondent', { networkId: oost.id, respondentCode: 'MA010', confirmCode: 'MA010' });

    await page.goto(session.harness.url);
    await heading(page, 'Netwerken').waitFor();
    await page.getByRole('button', { name: 'Gegevens en reservekopieën' }).click();
    await page.getByTestId('data-open-audit').click();
    await heading(page, 'Auditlog').waitFor();

    const rows = page.getByTestId('audit-list').locator('tbody tr');
    const sentences = async () => Promise.all((await rows.all()).map((row) => textOf(row.locator('td').nth(3))));
    await expect.poll(() => rows.count()).toBe(8);
    // Newest first. The erased respondent's code appears nowhere: the log never had it.
    expect(await sentences()).toEqual([
      'Respondent gewist uit netwerk Dementie Oost',
      'Vragenlijst begonnen in meting T1 van netwerk Dementie Oost (papier)',
      'Meting T1 aangemaakt in netwerk Dementie Oost',
      'Meting Voorjaar aangemaakt in netwerk Wijknetwerk West',
      'Meting T0 aangemaakt in netwerk Dementie Oost',
      'Netwerk Wijknetwerk West aangemaakt',
      'Netwerk Dementie Oost aangemaakt',
      expect.stringMatching(/^Gegevensbestand aangemaakt \(versie \d+\)$/),
    ]);
    const table = await textOf(page.getByTestId('audit-list'));
    expect(table).not.toMatch(/[{}]|respondent\.erased|wave\.created|MA010/);
    await expectAccessible(page, 'audit log');
    await page.screenshot({ path: '/tmp/netwerkspiegel-audit.png', fullPage: true });

    // One kind: only the waves.
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Soort').selectOption({ label: 'Meting aangemaakt' });
    await expect.poll(() => rows.count()).toBe(3);
    expect(await sentences()).toEqual([
      'Meting T1 aangemaakt in netwerk Dementie Oost',
      'Meting Voorjaar aangemaakt in netwerk Wijknetwerk West',
      'Meting T0 aangemaakt in netwerk Dementie Oost',
    ]);
    expect(await textOf(page.locator('#audit-list-title'))).toBe('Regels 1 tot en met 3 van 3');

    // And one network.
    await filters.getByLabel('Netwerk').selectOption({ label: 'Dementie Oost' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await sentences()).toEqual(['Meting T1 aangemaakt in netwerk Dementie Oost', 'Meting T0 aangemaakt in netwerk Dementie Oost']);
    await page.screenshot({ path: '/tmp/netwerkspiegel-audit-filtered.png', fullPage: true });

    // A kind that did not happen in this network: said in words.
    await filters.getByLabel('Soort').selectOption({ label: 'Reservekopie teruggezet' });
    await page.getByTestId('audit-none').waitFor();
    expect(await textOf(page.getByTestId('audit-none'))).toBe('Geen regels die bij deze filters passen.');

    await filters.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => rows.count()).toBe(8);

    // In English, the same entries in English.
    await page.getByTestId('language-en').click();
    await expect.poll(async () => (await sentences())[0]).toBe('Respondent erased from network Dementie Oost');
    expect(session.problems).toEqual([]);
  });
});
