import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES, type Input, type MethodName } from '../../shared/contract';
import { builtInInstruments } from '../../shared/instruments';
import { CONTROL_CHARACTER_RULE } from '../../shared/text-rules';
import { defOf, fieldsOf, sampleOf, withValue, type Field } from '../support/contract-schema';
import { snapshot, useServices } from '../support/services';

const open = useServices();
const KS = 'kansrijke-samenwerking';

/** The sentence the brief asks for, written out by hand per field. */
const refusal = (field: string) => `${field} bevat een onzichtbaar stuurteken. Verwijder het (bijvoorbeeld door de tekst opnieuw te typen) en probeer het opnieuw.`;

/** Invisible characters from each class the rule refuses: C0 (NUL, ESC, vertical tab), DEL, C1 (NEL), a lone surrogate. */
const INVISIBLE = ['\u0000', '\u001b', '\u000b', '\u007f', '\u0085', '\ud83d'];

const stringFields = METHOD_NAMES.flatMap((method) =>
  fieldsOf(contract[method].input)
    .filter((field) => defOf(field.schema).type === 'string')
    .map((field) => ({ method, field })),
);

/** True when a string field carries the text rule (not only a pattern that happens to keep control characters out). */
const hasTextRule = (field: Field) =>
  (defOf(field.schema).checks ?? []).some((c) => (c._zod.def as { params?: { textRule?: string } }).params?.textRule === CONTROL_CHARACTER_RULE);

describe('the control character rule covers every text field of the API', () => {
  it('is on every string field whose form is not fixed by a pattern or format already', () => {
    const uncovered = stringFields
      .filter(({ field }) => {
        const def = defOf(field.schema);
        const patterned = (def.checks ?? []).some((c) => c._zod.def.check === 'string_format');
        return !def.format && !patterned && !hasTextRule(field);
      })
      .map(({ method, field }) => `${method}.${field.path.join('.')}`);
    expect(uncovered).toEqual([]);
    expect(stringFields.length).toBeGreaterThan(30);
  });

  it.each(METHOD_NAMES.filter((m) => stringFields.some((f) => f.method === m)))(
    '%s: a control character in any of its text fields is refused and writes nothing',
    async (method: MethodName) => {
      const s = open();
      const before = snapshot(s.db);
      const base = sampleOf(contract[method].input, '', true);
      for (const { field } of stringFields.filter((f) => f.method === method)) {
        for (const invisible of INVISIBLE) {
          const result = await s.dispatch(method, withValue(base, field.path, `Te${invisible}kst`));
          const what = `${field.path.join('.')} with U+${invisible.charCodeAt(0).toString(16)}`;
          expect(result, what).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
          if (!result.ok && hasTextRule(field)) expect(result.error.message, what).toContain('bevat een onzichtbaar stuurteken. Verwijder het');
        }
      }
      expect(snapshot(s.db)).toEqual(before);
    },
  );
});

/** A network with a wave of Kansrijke samenwerking and a started response. */
async function world() {
  const s = open();
  const network = await s.ok('createNetwork', { name: 'Dementienetwerk Noord' });
  const wave = await s.ok('createWave', { networkId: network.id, label: 'T0', kind: 'T0', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] });
  const response = await s.ok('startResponse', { waveId: wave.id, respondentCode: 'ABC123', organisationId: null, mode: 'form' });
  return { ...s, network, wave, response };
}
type World = Awaited<ReturnType<typeof world>>;

/** An instrument definition with one label changed, as an import file. */
function definitionWith(change: (def: Record<string, unknown>) => void): string {
  const def = JSON.parse(JSON.stringify(builtInInstruments.find((d) => d.id === 'netwerkfase'))) as Record<string, unknown>;
  def.id = 'netwerkfase-eigen';
  change(def);
  return JSON.stringify(def);
}

type Case<K extends MethodName = MethodName> = {
  kind: string;
  method: K;
  /** The input with a control character, and the same input without it (which is accepted). */
  input: (w: World, text: (clean: string) => string) => Input<K>;
  message: string;
};
const cases: Case[] = [
  { kind: 'a network name', method: 'createNetwork', input: (_w, t) => ({ name: t('Zorgnetwerk Zuid') }), message: refusal('Naam') },
  { kind: 'a description', method: 'createNetwork', input: (_w, t) => ({ name: 'Zorgnetwerk Zuid', description: t('Regionaal netwerk') }), message: refusal('Beschrijving') },
  {
    kind: 'an organisation name',
    method: 'addOrganisation',
    input: (w, t) => ({ networkId: w.network.id, name: t('Thuiszorg Oost'), sector: 'zorg', sizeClass: null }),
    message: refusal('Naam'),
  },
  {
    kind: 'a wave label',
    method: 'createWave',
    input: (w, t) => ({ networkId: w.network.id, label: t('T1'), kind: 'T1', plannedDate: null, instruments: [{ instrumentId: KS, version: 1 }] }),
    message: refusal('Naam van de meting'),
  },
  {
    kind: 'an open answer',
    method: 'saveAnswer',
    input: (w, t) => ({ responseId: w.response.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text: t('Korte lijnen') }),
    message: refusal('Antwoordtekst'),
  },
  {
    kind: 'an item id',
    method: 'saveAnswer',
    input: (w, t) => ({ responseId: w.response.id, instrumentId: KS, itemId: t('ks_amb_01'), value: 4, text: null }),
    message: refusal('Vraag'),
  },
  {
    kind: 'a consent text',
    method: 'updateNetworkSettings',
    input: (w, t) => ({ networkId: w.network.id, consentNl: t('U doet vrijwillig mee.'), consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 5 }),
    message: refusal('Toestemmingstekst (Nederlands)'),
  },
  { kind: 'a respondent code', method: 'startResponse', input: (w, t) => ({ waveId: w.wave.id, respondentCode: t('XYZ789'), organisationId: null, mode: 'form' }), message: refusal('Respondentcode') },
  { kind: "the researcher's name", method: 'updateDataSettings', input: (_w, t) => ({ researcherName: t('Anna de Vries'), backupKeep: 20 }), message: refusal('Naam van de onderzoeker') },
  {
    kind: 'a label in an imported instrument',
    method: 'importInstrument',
    input: (_w, t) =>
      ({
        definitionJson: definitionWith((def) => {
          (def.name as { nl: string }).nl = t('Netwerkfase eigen');
        }),
      }) as Input<'importInstrument'>,
    message: 'Deze vragenlijstdefinitie klopt niet: naam (name) → Nederlands (nl) bevat een onzichtbaar stuurteken. Er is niets opgeslagen.',
  },
];

describe('a control character in each kind of text field, through the dispatcher', () => {
  it.each(cases.map((c) => [c.kind, c] as const))('%s is refused with the Dutch sentence naming the field, and changes nothing', async (_kind, c) => {
    const w = await world();
    const before = snapshot(w.db);
    const bad = await w.dispatch(c.method, c.input(w, (clean) => `${clean.slice(0, 2)}\u0000${clean.slice(2)}`));
    expect(bad).toEqual({ ok: false, error: { code: 'VALIDATION', message: c.message } });
    expect(snapshot(w.db)).toEqual(before);
    // The same input without the invisible character is accepted: the refusal was for that character.
    const good = await w.dispatch(c.method, c.input(w, (clean) => clean));
    expect(good.ok, JSON.stringify(good)).toBe(true);
  });

  it('keeps newlines and tabs in an open answer and a consent text, and refuses them in a name', async () => {
    const w = await world();
    const text = 'Regel een\nRegel twee\tmet tab\r\nRegel drie';
    await w.ok('saveAnswer', { responseId: w.response.id, instrumentId: KS, itemId: 'ks_open_goed', value: null, text });
    expect((await w.ok('getResponse', { responseId: w.response.id })).answers.find((a) => a.itemId === 'ks_open_goed')?.text).toBe(text);
    const network = await w.ok('updateNetworkSettings', { networkId: w.network.id, consentNl: 'Alinea een.\n\nAlinea twee.', consentEn: null, codePolicy: 'free', idleSeconds: 120, minGroupSize: 5 });
    expect(network.consentNl).toBe('Alinea een.\n\nAlinea twee.');
    const before = snapshot(w.db);
    expect(await w.dispatch('createNetwork', { name: 'Zorg\nnetwerk' })).toEqual({ ok: false, error: { code: 'VALIDATION', message: refusal('Naam') } });
    expect(snapshot(w.db)).toEqual(before);
  });
});
