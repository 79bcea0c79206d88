import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, textOf, type Session, useE2eSessions } from './support/harness';

/**
 * The questionnaire editor through the real stack (built renderer in Chromium → window.api shim →
 * HTTP → the real dispatcher and services → a real SQLite file). A researcher builds a Dutch-only
 * questionnaire field by field: two sections, a select-all-that-apply question on answers of their
 * own, an open question shown only when one of those is ticked, three statements on the 5-point
 * agreement scale picked from the list (one reverse-keyed), another open question and a subscale.
 * What the SQLite file then holds is compared with the definition written out below by hand. A
 * version a response uses cannot be changed; the editor saves the change as version 2 instead.
 */

const ID = 'samenwerking-in-de-wijk';
const nl = (text: string) => ({ nl: text });
const agreement = {
  id: 'eens5',
  options: [
    { code: 1, label: nl('Helemaal oneens') },
    { code: 2, label: nl('Oneens') },
    { code: 3, label: nl('Neutraal') },
    { code: 4, label: nl('Eens') },
    { code: 5, label: nl('Helemaal eens') },
  ],
  notScored: [{ code: 9, label: nl('Weet niet / n.v.t.') }],
};

/** What the clicks and typing below must produce, as stored (the schema's defaults filled in). */
const expected = {
  id: ID,
  version: 1,
  languages: ['nl'],
  name: nl('Samenwerking in de wijk'),
  description: nl('Korte vragenlijst over samenwerking rond cliënten in de wijk.'),
  attribution: nl('Eigen vragenlijst van het wijknetwerk'),
  licence: nl('Vrij te gebruiken binnen het netwerk'),
  scales: [
    { id: 'lijst_1', options: [{ code: 1, label: nl('Huisarts') }, { code: 2, label: nl('Wijkverpleging') }, { code: 3, label: nl('Gemeente') }], notScored: [] },
    agreement,
  ],
  items: [
    { id: 'partners', type: 'multiple', text: nl('Met wie werkt u samen? Kruis alles aan wat van toepassing is.'), label: nl('Partners'), scale: 'lijst_1', required: true },
    {
      id: 'contact_gemeente',
      type: 'open',
      text: nl('Hoe verloopt het contact met de gemeente?'),
      label: nl('Contact gemeente'),
      maxLength: 500,
      showWhen: { item: 'partners', anyOf: [3] },
    },
    { id: 'weten_wie_wat_doet', type: 'scale', text: nl('Ik weet wie wat doet in de wijk.'), label: nl('Weten wie wat doet'), scale: 'eens5', reverse: false, required: true },
    { id: 'afstemmen', type: 'scale', text: nl('We stemmen onze zorg goed af.'), label: nl('Afstemmen'), scale: 'eens5', reverse: false, required: true },
    { id: 'wijk_langs_elkaar', type: 'scale', text: nl('Er wordt langs elkaar heen gewerkt.'), label: nl('Langs elkaar heen'), scale: 'eens5', reverse: true },
    { id: 'wat_kan_beter', type: 'open', text: nl('Wat kan er beter in de samenwerking?'), label: nl('Wat kan beter'), maxLength: 1000 },
  ],
  subscales: [{ id: 'afstemming', label: nl('Afstemming'), items: ['weten_wie_wat_doet', 'afstemmen', 'wijk_langs_elkaar'], minAnsweredShare: 0.75 }],
  sections: [
    { id: 'over_uw_werk', title: nl('Over uw werk'), items: ['partners', 'contact_gemeente'] },
    { id: 'afstemming', title: nl('Afstemming'), intro: nl('Denk aan de afgelopen drie maanden.'), items: ['weten_wie_wat_doet', 'afstemmen', 'wijk_langs_elkaar', 'wat_kan_beter'] },
  ],
};

const { newSession } = useE2eSessions();

/** The text of a message once it has some (a save's answer arrives after the click). */
async function messageText(page: Page, testId: string): Promise<string> {
  const message = page.getByTestId(testId);
  await message.filter({ hasText: /\S/ }).waitFor();
  return textOf(message);
}

const storedDefinitions = (session: Session) =>
  (session.db.prepare('SELECT version, definition, frozen_at AS frozenAt FROM instruments WHERE instrument_id = ? ORDER BY version').all(ID) as { version: number; definition: string; frozenAt: string | null }[]).map(
    (r) => ({ version: r.version, definition: JSON.parse(r.definition) as unknown, frozen: r.frozenAt !== null }),
  );

async function openInstruments(session: Session): Promise<Page> {
  const { page } = session;
  await page.goto(session.harness.url);
  await page.getByRole('heading', { level: 1, name: 'Netwerken' }).waitFor();
  await page.getByRole('button', { name: 'Vragenlijsten bekijken, importeren en exporteren' }).click();
  await page.getByTestId('instrument-list').waitFor();
  return page;
}

/** axe on what the page shows: no finding at all, of any impact. */
async function expectNoAxeFindings(page: Page, screen: string) {
  const found = await axeViolations(page);
  expect(found, `${screen}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

/** Waits until the focus is on the button with this accessible name (it follows a moved question after the move). */
async function focusOn(page: Page, label: string) {
  await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, label);
}

/** Adds a question of a type to a section and fills in its texts; returns its card. */
async function addQuestion(page: Page, section: number, type: string, number: number, text: string, label: string): Promise<Locator> {
  await page.getByRole('button', { name: `${type} toevoegen aan Onderdeel ${section}`, exact: true }).click();
  const card = page.getByTestId(`editor-item-${number}`);
  await card.getByLabel('Vraagtekst').fill(text);
  await card.getByLabel('Korte naam').fill(label);
  return card;
}

describe('the questionnaire editor', () => {
  it('builds a Dutch-only questionnaire through the screen and stores exactly the definition written out here', async () => {
    const session = await newSession();
    const page = await openInstruments(session);
    await page.getByRole('button', { name: 'Nieuwe vragenlijst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst maken' }).waitFor();
    await expectNoAxeFindings(page, 'empty editor');
    await page.screenshot({ path: '/tmp/netwerkspiegel-editor-empty.png', fullPage: true });

    // Saving an empty questionnaire says what is missing, at the fields and in the summary; nothing is stored.
    const save = page.getByTestId('editor-save');
    expect(await textOf(save)).toBe('Opslaan (nog 8 punten te verbeteren)');
    await save.click();
    expect(await textOf(page.getByTestId('editor-problems').getByRole('heading'))).toBe('Nog 8 punten te verbeteren voor het opslaan');
    expect(await textOf(page.getByTestId('problem-name.nl'))).toBe('Vul dit in.');
    expect(await textOf(page.getByTestId('problem-items'))).toBe('Voeg ten minste één vraag toe.');
    expect(await page.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeFindings(page, 'editor with problems');
    await page.screenshot({ path: '/tmp/netwerkspiegel-editor-problems.png', fullPage: true });
    expect(storedDefinitions(session)).toEqual([]);

    // About the questionnaire: Dutch only is the default; the id follows the name.
    const about = page.getByRole('region', { name: 'Over de vragenlijst' });
    expect(await about.getByLabel('Alleen Nederlands').isChecked()).toBe(true);
    await about.getByLabel('Naam', { exact: true }).fill('Samenwerking in de wijk');
    expect(await about.getByLabel('Id', { exact: true }).inputValue()).toBe(ID);
    await about.getByLabel('Beschrijving').fill('Korte vragenlijst over samenwerking rond cliënten in de wijk.');
    await about.getByLabel('Bron').fill('Eigen vragenlijst van het wijknetwerk');
    await about.getByLabel('Licentie').fill('Vrij te gebruiken binnen het netwerk');

    // Section 1: a select-all-that-apply question on a list of its own, and an open question shown only for "Gemeente".
    const first = page.getByTestId('editor-section-1');
    await first.getByLabel('Titel').fill('Over uw werk');
    const partners = await addQuestion(page, 1, 'Meerdere keuzes', 1, 'Met wie werkt u samen? Kruis alles aan wat van toepassing is.', 'Partners');
    expect(await partners.getByLabel('Variabelenaam').inputValue()).toBe('partners');
    await partners.getByLabel('Antwoordschaal').selectOption({ label: 'Eigen lijst met antwoorden maken' });
    await partners.getByLabel('Antwoord 1 (code 1)').fill('Huisarts');
    await partners.getByLabel('Antwoord 2 (code 2)').fill('Wijkverpleging');
    await partners.getByRole('button', { name: 'Antwoord toevoegen' }).click();
    await partners.getByLabel('Antwoord 3 (code 3)').fill('Gemeente');
    await partners.getByLabel('Verplicht').check();

    const contact = await addQuestion(page, 1, 'Open vraag', 2, 'Hoe verloopt het contact met de gemeente?', 'Contact gemeente');
    await contact.getByLabel('Hoogstens zoveel tekens').fill('500');
    await contact.getByLabel('Toon alleen als …').check();
    // The only earlier question with answers is chosen; until an answer is ticked, saving is not possible.
    expect(await contact.getByLabel('Vraag 2 tonen als deze vraag').inputValue()).toBe('partners');
    await contact.getByLabel('Gemeente').check();

    // Section 2 with an introduction: three statements on the agreement scale from the list, one reverse-keyed, and an open question.
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    const second = page.getByTestId('editor-section-2');
    await second.getByLabel('Titel').fill('Afstemming');
    await second.getByLabel('Inleiding (mag leeg blijven)').fill('Denk aan de afgelopen drie maanden.');
    const knows = await addQuestion(page, 2, 'Uitspraak', 3, 'Ik weet wie wat doet in de wijk.', 'Weten wie wat doet');
    await knows.getByLabel('Antwoordschaal').selectOption({ label: 'Eens–oneens, 5 punten, met weet niet' });
    expect(await textOf(knows.getByText('Antwoorden:'))).toBe('Antwoorden: Helemaal oneens · Oneens · Neutraal · Eens · Helemaal eens · Weet niet / n.v.t.');
    await knows.getByLabel('Verplicht').check();
    const tunes = await addQuestion(page, 2, 'Uitspraak', 4, 'We stemmen onze zorg goed af.', 'Afstemmen');
    // A new statement starts on the scale of the statement before it.
    expect(await tunes.getByLabel('Antwoordschaal').inputValue()).toBe('existing:eens5');
    await tunes.getByLabel('Verplicht').check();
    const apart = await addQuestion(page, 2, 'Uitspraak', 5, 'Er wordt langs elkaar heen gewerkt.', 'Langs elkaar heen');
    // The derived name can be changed.
    expect(await apart.getByLabel('Variabelenaam').inputValue()).toBe('langs_elkaar_heen');
    await apart.getByLabel('Variabelenaam').fill('wijk_langs_elkaar');
    await apart.getByLabel('Omgekeerd scoren').check();
    await addQuestion(page, 2, 'Open vraag', 6, 'Wat kan er beter in de samenwerking?', 'Wat kan beter');

    // A subscale of the three statements.
    await page.getByRole('button', { name: 'Schaal toevoegen' }).click();
    const scale = page.getByTestId('editor-subscale-1');
    await scale.getByLabel('Naam', { exact: true }).fill('Afstemming');
    for (const id of ['weten_wie_wat_doet', 'afstemmen', 'wijk_langs_elkaar']) await scale.getByRole('checkbox', { name: `(${id})` }).check();

    // Moving a question down and back up again, with the keyboard.
    await page.getByRole('button', { name: 'Omlaag: Vraag 3' }).focus();
    await page.keyboard.press('Enter');
    // The focus moves with the question, so Enter again would move it further.
    await focusOn(page, 'Omlaag: Vraag 4');
    expect(await textOf(page.getByTestId('editor-item-4').getByRole('heading'))).toBe('Vraag 4 · Uitspraak op een antwoordschaal');
    expect(await page.getByTestId('editor-item-4').getByLabel('Vraagtekst').inputValue()).toBe('Ik weet wie wat doet in de wijk.');
    await page.getByRole('button', { name: 'Omhoog: Vraag 4' }).click();
    expect(await page.getByTestId('editor-item-3').getByLabel('Vraagtekst').inputValue()).toBe('Ik weet wie wat doet in de wijk.');
    // Over the edge of a section: question 3 goes to the end of section 1 and back, the focus with it.
    await page.getByRole('button', { name: 'Omhoog: Vraag 3' }).click();
    expect(await page.getByTestId('editor-section-1').getByTestId('editor-item-3').getByLabel('Vraagtekst').inputValue()).toBe('Ik weet wie wat doet in de wijk.');
    await focusOn(page, 'Omhoog: Vraag 3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('editor-section-2').getByTestId('editor-item-3').getByLabel('Vraagtekst').inputValue()).toBe('Ik weet wie wat doet in de wijk.');
    await focusOn(page, 'Omlaag: Vraag 3');

    // The preview: the open question about the municipality appears only once "Gemeente" is chosen.
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
    const preview = page.getByTestId('editor-preview');
    await preview.getByTestId('item-partners').waitFor();
    expect(await preview.getByTestId('item-contact_gemeente').count()).toBe(0);
    await preview.getByTestId('item-partners').getByLabel('Gemeente').check();
    await preview.getByTestId('item-contact_gemeente').waitFor();
    // A required question carries the marker in the preview as in the kiosk.
    expect(await textOf(preview.getByTestId('item-weten_wie_wat_doet').locator('legend'))).toBe('3. Ik weet wie wat doet in de wijk. *');

    expect(await textOf(page.getByTestId('editor-problems').getByRole('heading'))).toBe('Alles klopt: de vragenlijst kan worden opgeslagen.');
    expect(await textOf(save)).toBe('Opslaan');
    await expectNoAxeFindings(page, 'filled editor with preview');
    await page.screenshot({ path: '/tmp/netwerkspiegel-editor-filled.png', fullPage: true });

    await save.click();
    expect(await messageText(page, 'editor-saved')).toBe('Opgeslagen: vragenlijst samenwerking-in-de-wijk versie 1.');
    expect(storedDefinitions(session)).toEqual([{ version: 1, definition: expected, frozen: false }]);
    expect(session.problems).toEqual([]);
  });

  it('a version a response uses cannot be changed: the refusal changes nothing, and the change is saved as version 2', async () => {
    const session = await newSession();
    await session.call('saveInstrumentDraft', { definitionJson: JSON.stringify(expected), replaceExisting: false });
    const network = await session.call('createNetwork', { name: 'Wijknetwerk Zuid' });
    const wave = await session.call('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: ID, version: 1 }] });
    await session.call('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
    expect(storedDefinitions(session)).toEqual([{ version: 1, definition: expected, frozen: true }]);

    const page = await openInstruments(session);
    await page.getByRole('button', { name: 'Bewerken: Samenwerking in de wijk versie 1', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst bewerken' }).waitFor();
    expect(await textOf(page.getByTestId('editor-frozen'))).toContain('Versie 1 van deze vragenlijst is al gebruikt in een meting en kan niet meer veranderen.');
    // Opened as stored: the questions and their names are there.
    expect(await page.getByTestId('editor-item-5').getByLabel('Variabelenaam').inputValue()).toBe('wijk_langs_elkaar');

    await page.getByTestId('editor-item-6').getByLabel('Vraagtekst').fill('Wat kan er beter in de samenwerking in de wijk?');
    await page.getByTestId('editor-save').click();
    expect(await messageText(page, 'editor-save-error')).toBe(
      'Vragenlijst samenwerking-in-de-wijk versie 1 is al gebruikt in een meting en kan niet meer worden gewijzigd. Kies "Nieuwe versie maken" om uw wijzigingen op te slaan als versie 2. Er is niets opgeslagen.',
    );
    expect(storedDefinitions(session)).toEqual([{ version: 1, definition: expected, frozen: true }]);

    // Leaving with the change unsaved asks first, by "Terug" and by the app's name in the header; staying keeps it.
    for (const way of [page.getByRole('button', { name: 'Terug naar vragenlijsten' }), page.locator('.app-header').getByRole('button', { name: 'Netwerkspiegel' })]) {
      await way.click();
      await page.getByTestId('editor-leave').waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor-leave');
      await page.getByRole('button', { name: 'Blijven en opslaan' }).click();
      await page.getByTestId('editor-leave').waitFor({ state: 'detached' });
      expect(await page.getByTestId('editor-item-6').getByLabel('Vraagtekst').inputValue()).toBe('Wat kan er beter in de samenwerking in de wijk?');
    }

    await page.getByTestId('editor-frozen').getByRole('button', { name: 'Nieuwe versie maken' }).click();
    expect(await textOf(page.getByTestId('editor-version'))).toBe('Versie 2');
    await page.getByTestId('editor-save').click();
    expect(await messageText(page, 'editor-saved')).toBe('Opgeslagen: vragenlijst samenwerking-in-de-wijk versie 2.');
    const changed = { ...expected, version: 2, items: expected.items.map((i) => (i.id === 'wat_kan_beter' ? { ...i, text: nl('Wat kan er beter in de samenwerking in de wijk?') } : i)) };
    expect(storedDefinitions(session)).toEqual([
      { version: 1, definition: expected, frozen: true },
      { version: 2, definition: changed, frozen: false },
    ]);
    // Saved: going back asks nothing.
    await page.getByRole('button', { name: 'Terug naar vragenlijsten' }).click();
    await page.getByTestId('instrument-list').waitFor();
    expect(session.problems).toEqual([]);
  });

  it('a built-in instrument is not editable, but a copy is, under a new id', async () => {
    const session = await newSession();
    const page = await openInstruments(session);
    const card = page.getByTestId('instrument-netwerkfase-v1');
    expect(await card.getByRole('button', { name: /^Bewerken/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Kopie bewerken: Netwerkfase versie 1' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vragenlijst maken' }).waitFor();
    const about = page.getByRole('region', { name: 'Over de vragenlijst' });
    // Netwerkfase is bilingual: both languages, and the name in each with "Kopie van" / "Copy of".
    expect(await about.getByLabel('Nederlands en Engels').isChecked()).toBe(true);
    expect(await about.getByLabel('Naam (Nederlands)').inputValue()).toBe('Kopie van Netwerkfase');
    expect(await about.getByLabel('Naam (Engels)').inputValue()).toBe('Copy of Network phase');
    expect(await about.getByLabel('Id', { exact: true }).inputValue()).toBe('kopie-van-netwerkfase');
    await expectNoAxeFindings(page, 'bilingual copy');
    await page.screenshot({ path: '/tmp/netwerkspiegel-editor-bilingual.png', fullPage: true });
    await page.getByTestId('editor-save').click();
    expect(await messageText(page, 'editor-saved')).toBe('Opgeslagen: vragenlijst kopie-van-netwerkfase versie 1.');
    const stored = session.db.prepare("SELECT definition, built_in AS builtIn FROM instruments WHERE instrument_id = 'kopie-van-netwerkfase'").get() as { definition: string; builtIn: number };
    const original = JSON.parse(session.db.prepare("SELECT definition FROM instruments WHERE instrument_id = 'netwerkfase'").pluck().get() as string) as Record<string, unknown>;
    expect(stored.builtIn).toBe(0);
    expect(JSON.parse(stored.definition)).toEqual({
      ...original,
      id: 'kopie-van-netwerkfase',
      languages: ['nl', 'en'],
      name: { nl: 'Kopie van Netwerkfase', en: 'Copy of Network phase' },
    });
    expect(session.problems).toEqual([]);
  });
});
