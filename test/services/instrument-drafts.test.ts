import { describe, expect, it } from 'vitest';
import { snapshot, useServices, type Laptop } from '../support/services';
import { structuredInstrument } from '../support/structured-instrument';

/**
 * Saving a questionnaire built in the editor (`saveInstrumentDraft`), through the real dispatcher
 * over a real SQLite file: a new version is stored, a version nobody answered is replaced (with an
 * audit entry), a used (frozen) version and the built-ins are refused and nothing changes, and a
 * new version beside a frozen one is stored while the frozen one stays as it was.
 */

const open = useServices();
const ID = 'clientoverleg';

const storedDefinition = (s: Laptop, version: number) =>
  JSON.parse(s.db.prepare('SELECT definition FROM instruments WHERE instrument_id = ? AND version = ?').pluck().get(ID, version) as string) as unknown;
const auditActions = (s: Laptop) =>
  s.db.prepare("SELECT action, entity_id AS entityId FROM audit_log WHERE entity = 'instrument' ORDER BY rowid").all() as { action: string; entityId: string }[];

/** The fixture with the first statement's text changed: what a researcher does between two saves. */
function edited(version = 1) {
  const def = { ...structuredInstrument(ID), version };
  def.items = def.items.map((item) => (item.id === 'co_01' ? { ...item, text: { nl: 'Ik weet wie welke taak heeft rond deze cliënt.' } } : item));
  return def;
}

/** Starts a response on a wave with the instrument, which freezes that version. */
async function freeze(s: Laptop, version: number) {
  const network = await s.ok('createNetwork', { name: 'Wijknetwerk Zuid' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: ID, version }] });
  await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
}

describe('saving a questionnaire from the editor', () => {
  it('stores a new id and version as given, with the schema defaults filled in, and audits it', async () => {
    const s = open();
    const summary = await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    expect(summary).toEqual({ instrumentId: ID, version: 1, name: { nl: 'Samenwerking rond de cliënt' }, languages: ['nl'], frozen: false, builtIn: false });
    const stored = storedDefinition(s, 1) as { items: { id: string; reverse?: boolean }[] };
    expect(stored).toMatchObject(structuredInstrument(ID));
    // The defaults the schema adds: statements are not reverse-keyed unless said.
    expect(stored.items.filter((i) => i.reverse === false).map((i) => i.id)).toEqual(['co_app', 'co_01', 'co_02']);
    expect(auditActions(s)).toEqual([{ action: 'instrument.created', entityId: `${ID}@1` }]);
  });

  it('replaces a version nobody has answered yet, and getInstrument gives the new text at once', async () => {
    const s = open();
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    // Read once, so a cached copy would show if it were not forgotten.
    expect((await s.ok('getInstrument', { instrumentId: ID, version: 1 })).items[4]!.text).toEqual({ nl: 'Ik weet wie wat doet rond deze cliënt.' });
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(edited()), replaceExisting: true });
    expect(storedDefinition(s, 1)).toMatchObject(edited());
    expect((await s.ok('getInstrument', { instrumentId: ID, version: 1 })).items[4]!.text).toEqual({ nl: 'Ik weet wie welke taak heeft rond deze cliënt.' });
    expect(s.db.prepare('SELECT COUNT(*) FROM instruments WHERE instrument_id = ?').pluck().get(ID)).toBe(1);
    expect(auditActions(s)).toEqual([
      { action: 'instrument.created', entityId: `${ID}@1` },
      { action: 'instrument.changed', entityId: `${ID}@1` },
    ]);
  });

  it('refuses a new questionnaire whose id and version another one has, and changes nothing', async () => {
    const s = open();
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    const before = snapshot(s.db);
    expect(await s.call('saveInstrumentDraft', { definitionJson: JSON.stringify(edited()), replaceExisting: false })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Er is al een vragenlijst met id clientoverleg en versie 1 (Samenwerking rond de cliënt). Geef uw vragenlijst een ander id. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('saving the same definition again changes nothing and writes no audit entry', async () => {
    const s = open();
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    const before = snapshot(s.db);
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: true });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('refuses to change a version a response uses, says what to do in Dutch, and changes nothing', async () => {
    const s = open();
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    await freeze(s, 1);
    const before = snapshot(s.db);
    expect(await s.call('saveInstrumentDraft', { definitionJson: JSON.stringify(edited()), replaceExisting: true })).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message:
          'Vragenlijst clientoverleg versie 1 is al gebruikt in een meting en kan niet meer worden gewijzigd. Kies "Nieuwe versie maken" om uw wijzigingen op te slaan als versie 2. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('stores the changes as a new version beside the frozen one, which stays as it was', async () => {
    const s = open();
    await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(structuredInstrument(ID)), replaceExisting: false });
    await freeze(s, 1);
    const summary = await s.ok('saveInstrumentDraft', { definitionJson: JSON.stringify(edited(2)), replaceExisting: false });
    expect(summary).toMatchObject({ instrumentId: ID, version: 2, frozen: false });
    expect(storedDefinition(s, 1)).toMatchObject(structuredInstrument(ID));
    expect(storedDefinition(s, 2)).toMatchObject(edited(2));
    expect((await s.ok('listInstruments', {})).filter((i) => i.instrumentId === ID).map((i) => [i.version, i.frozen])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('refuses to change a built-in instrument, even a version that does not exist yet, and changes nothing', async () => {
    const s = open();
    const builtIn = JSON.parse(s.db.prepare("SELECT definition FROM instruments WHERE instrument_id = 'netwerkfase'").pluck().get() as string) as { version: number };
    const before = snapshot(s.db);
    const refusal = await s.call('saveInstrumentDraft', { definitionJson: JSON.stringify({ ...builtIn, version: builtIn.version + 1 }), replaceExisting: false });
    expect(refusal).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Vragenlijst netwerkfase is ingebouwd in Netwerkspiegel en kan niet worden gewijzigd. Kies bij de vragenlijst "Kopie bewerken" en geef de kopie een eigen id. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });

  it('refuses an invalid draft with the same Dutch list of problems as an import, and stores nothing', async () => {
    const s = open();
    const before = snapshot(s.db);
    const def = structuredInstrument(ID);
    def.items[1] = { ...def.items[1]!, showWhen: { item: 'co_weg', anyOf: [3] } };
    const refusal = await s.call('saveInstrumentDraft', { definitionJson: JSON.stringify(def), replaceExisting: false });
    expect(refusal).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message:
          'Deze vragenlijstdefinitie klopt niet: vraag 2 (co_rol_anders) → showWhen: Vraag co_rol_anders wordt getoond op grond van vraag co_weg, maar die vraag bestaat niet. Er is niets opgeslagen.',
      },
    });
    expect(snapshot(s.db)).toEqual(before);
  });
});
