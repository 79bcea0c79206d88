import { describe, expect, it } from 'vitest';
import { builtInInstruments, DEFAULT_WAVE_INSTRUMENTS, instrumentDefinition, type InstrumentDefinition } from '../../shared/instruments';
import { createHash } from 'node:crypto';
import { achtergrond, achtergrondVersion1 } from '../../shared/instruments/achtergrond';
import { interprofessioneelSamenwerken as ip } from '../../shared/instruments/interprofessioneel-samenwerken';
import { kansrijkeSamenwerking } from '../../shared/instruments/kansrijke-samenwerking';
import type { LocalizedText } from '../../shared/text';
import { netwerkfase } from '../../shared/instruments/netwerkfase';
import { itemScore, scoreSubscale } from '../../shared/scoring';

/**
 * The built-in instruments (the four of the start, and Partnernetwerk): valid, with export variable names that cannot collide, and with the
 * content DOMAIN.md asks for. Expected lists and scores are written out by hand.
 */

const PREFIX: Record<string, string> = {
  'kansrijke-samenwerking': 'ks_',
  'interprofessioneel-samenwerken': 'ip_',
  netwerkfase: 'nf_',
  achtergrond: 'ag_',
  'mdo-evaluatie': 'mdo_',
  partnernetwerk: 'pa_',
};

const byId = (def: InstrumentDefinition, itemId: string) => {
  const item = def.items.find((i) => i.id === itemId);
  if (!item) throw new Error(`item ${itemId} missing`);
  return item;
};
const scaleOf = (def: InstrumentDefinition, scaleId: string) => {
  const scale = def.scales.find((s) => s.id === scaleId);
  if (!scale) throw new Error(`scale ${scaleId} missing`);
  return scale;
};
const answers = (o: Record<string, number>) => new Map(Object.entries(o));
const codesAndLabels = (def: InstrumentDefinition, scaleId: string) => {
  const s = scaleOf(def, scaleId);
  return { options: s.options.map((o) => [o.code, o.label.nl]), notScored: s.notScored.map((o) => [o.code, o.label.nl]) };
};

describe('all built-in instruments', () => {
  it('are the expected ones (Achtergrond in versions 1 and 2, Partnernetwerk), each valid under the schema and unchanged by a JSON round trip (export → import)', () => {
    expect(builtInInstruments.map((d) => [d.id, d.version])).toEqual([
      ['kansrijke-samenwerking', 1],
      ['interprofessioneel-samenwerken', 1],
      ['netwerkfase', 1],
      ['achtergrond', 1],
      ['achtergrond', 2],
      ['mdo-evaluatie', 1],
      ['partnernetwerk', 1],
    ]);
    for (const def of builtInInstruments) {
      const result = instrumentDefinition.safeParse(JSON.parse(JSON.stringify(def)));
      expect(result.success, `${def.id}: ${result.success ? '' : result.error.issues.map((i) => i.message).join('; ')}`).toBe(true);
      expect(result.data, def.id).toEqual(def);
    }
  });

  it('use variable names (items and subscales) that are unique across all of them and carry their instrument prefix; versions of one instrument share theirs', () => {
    const seen = new Map<string, string>();
    for (const def of builtInInstruments) {
      const prefix = PREFIX[def.id]!;
      for (const name of [...def.items.map((i) => i.id), ...def.subscales.map((s) => s.id)]) {
        expect(name, `${def.id}: ${name}`).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
        expect(name.startsWith(prefix), `${def.id}: ${name} starts with ${prefix}`).toBe(true);
        const owner = seen.get(name);
        expect(owner === undefined || owner === def.id, `${name} used by both ${owner} and ${def.id}`).toBe(true);
        seen.set(name, def.id);
      }
    }
    // 23 + (6+6+5+6+6 + 10) + 1 + 4 items (ag_overleg from version 2) + 3 (pa_), 5 + 6 subscales; MDO-evaluatie 11 items and 1 subscale.
    expect(seen.size).toBe(23 + 39 + 1 + 4 + 3 + 5 + 6 + 11 + 1);
  });

  it('give every text in Dutch and in English: name, description, attribution, licence, items, options, help, subscales, sections', () => {
    const texts: [string, LocalizedText][] = [];
    for (const def of builtInInstruments) {
      texts.push([`${def.id} name`, def.name], [`${def.id} description`, def.description]);
      texts.push([`${def.id} attribution`, def.attribution], [`${def.id} licence`, def.licence]);
      for (const s of def.scales) for (const o of [...s.options, ...s.notScored]) texts.push([`${def.id} ${s.id} ${o.code}`, o.label]);
      for (const it of def.items) {
        texts.push([`${it.id} text`, it.text], [`${it.id} label`, it.label]);
        if (it.type === 'choice') for (const [code, help] of Object.entries(it.optionHelp ?? {})) texts.push([`${it.id} help ${code}`, help]);
      }
      for (const s of def.subscales) texts.push([`${s.id} label`, s.label]);
      for (const s of def.sections) {
        texts.push([`${s.id} title`, s.title]);
        if (s.intro) texts.push([`${s.id} intro`, s.intro]);
      }
    }
    for (const [where, text] of texts) {
      expect(text.nl.trim(), `${where} (nl)`).not.toBe('');
      expect(text.en?.trim() ?? '', `${where} (en)`).not.toBe('');
    }
    // Item texts are translated, not copied.
    for (const def of builtInInstruments) for (const it of def.items) expect(it.text.en, it.id).not.toBe(it.text.nl);
  });

  it('attribute their source and carry a licence note', () => {
    expect(ip.attribution.nl).toMatch(/Rijsdijk/);
    expect(ip.attribution.nl).toMatch(/Tsakitzidis/);
    expect(netwerkfase.attribution.nl).toMatch(/Een Sterk Wijknetwerk/);
    expect(achtergrond.attribution.nl).toMatch(/Netwerkspiegel/);
    for (const def of builtInInstruments) expect(def.licence.nl.length, def.id).toBeGreaterThan(5);
  });

  it('preselect only Kansrijke samenwerking in a new wave, and only built-ins can be defaults', () => {
    expect(DEFAULT_WAVE_INSTRUMENTS).toEqual(['kansrijke-samenwerking']);
    const ids = new Set(builtInInstruments.map((d) => d.id));
    for (const id of DEFAULT_WAVE_INSTRUMENTS) expect(ids.has(id), id).toBe(true);
  });

  it('leave Kansrijke samenwerking as the thin path expects it: 20 statements, cijfer, two open questions', () => {
    expect(kansrijkeSamenwerking.items.map((i) => i.id).slice(-3)).toEqual(['ks_cijfer', 'ks_open_goed', 'ks_open_beter']);
    expect(kansrijkeSamenwerking.items).toHaveLength(23);
  });
});

describe('Interprofessioneel samenwerken', () => {
  it('has the four Rijsdijk levels, the individual competencies and the Tsakitzidis checklist as subscales, each with its own section', () => {
    expect(ip.subscales.map((s) => [s.id, s.label.nl, s.items.length])).toEqual([
      ['ip_ind', 'Individueel en interpersoonlijk', 6],
      ['ip_tpr', 'Teamproces', 6],
      ['ip_tst', 'Teamstructuur', 5],
      ['ip_org', 'Organisatie', 6],
      ['ip_com', 'Eigen competenties', 6],
      ['ip_kenmerk', 'Kenmerken van interprofessioneel werken', 10],
    ]);
    // One section per subscale, with exactly the subscale's items in the same order.
    expect(ip.sections.map((s) => s.items)).toEqual(ip.subscales.map((s) => s.items));
    for (const s of ip.subscales) expect(s.minAnsweredShare, s.id).toBe(0.75);
  });

  it('uses the same agreement scale as Kansrijke samenwerking (1–5, "Weet niet / n.v.t." = 9 not scored) for the statements', () => {
    expect(scaleOf(ip, 'eens5')).toEqual(scaleOf(kansrijkeSamenwerking, 'eens5'));
    expect(codesAndLabels(ip, 'eens5')).toEqual({
      options: [[1, 'Helemaal oneens'], [2, 'Oneens'], [3, 'Neutraal'], [4, 'Eens'], [5, 'Helemaal eens']],
      notScored: [[9, 'Weet niet / n.v.t.']],
    });
    for (const code of ['ind', 'tpr', 'tst', 'org', 'com']) {
      for (const id of ip.subscales.find((s) => s.id === `ip_${code}`)!.items) {
        const item = byId(ip, id);
        expect(item.type === 'scale' && item.scale, id).toBe('eens5');
      }
    }
  });

  it('has the ten Tsakitzidis aspects as a ja / deels / nee checklist scored nee = 1, deels = 2, ja = 3', () => {
    const kenmerk = ip.subscales.find((s) => s.id === 'ip_kenmerk')!;
    expect(kenmerk.items.map((id) => byId(ip, id).label.nl)).toEqual([
      'Regelmatig overleg',
      'Gedeelde visie',
      'Gelijkwaardige disciplines',
      'Eén gezamenlijk zorgplan',
      'Afspraken over taakverdeling',
      'Kennis van elkaars vakgebied',
      'Holistische aanpak',
      'Cliëntgericht als team',
      'Eén aanspreekpunt',
      'Gedeelde verantwoordelijkheid',
    ]);
    for (const id of kenmerk.items) {
      const item = byId(ip, id);
      expect(item.type === 'scale' && item.scale, id).toBe('ja_deels_nee');
    }
    expect(codesAndLabels(ip, 'ja_deels_nee')).toEqual({ options: [[1, 'Nee'], [2, 'Deels'], [3, 'Ja']], notScored: [[9, 'Weet niet']] });
  });

  it('reverse-keys "overleg kost vooral tijd" and only that item', () => {
    const reversed = ip.items.filter((i) => i.type === 'scale' && i.reverse).map((i) => i.id);
    expect(reversed).toEqual(['ip_tpr_02']);
    expect(byId(ip, 'ip_tpr_02').text.nl).toBe('Overleg tussen disciplines kost vooral tijd en levert weinig op.');
    // Mirrored on 1–5: 1↔5, 2↔4, 3 stays; "weet niet" (9) is not scored either way.
    expect([1, 2, 3, 4, 5, 9].map((c) => itemScore(ip, 'ip_tpr_02', c))).toEqual([5, 4, 3, 2, 1, null]);
    expect([1, 2, 3, 4, 5, 9].map((c) => itemScore(ip, 'ip_tpr_01', c))).toEqual([1, 2, 3, 4, 5, null]);
  });

  it('scores team process with the reverse item mirrored and "weet niet" left out', () => {
    const tpr = ip.subscales.find((s) => s.id === 'ip_tpr')!;
    // ip_tpr_01..06 = 4, 5, 4, 5, 3, 9. Item 02 is reverse-keyed: 5 → 6 − 5 = 1. Item 06 "weet niet"
    // does not count. 5 of 6 scored (83% ≥ 75%): (4 + 1 + 4 + 5 + 3) / 5 = 17 / 5 = 3.4, prorated.
    // (Without the mirror it would be (4 + 5 + 4 + 5 + 3) / 5 = 4.2.)
    const result = scoreSubscale(ip, tpr, answers({ ip_tpr_01: 4, ip_tpr_02: 5, ip_tpr_03: 4, ip_tpr_04: 5, ip_tpr_05: 3, ip_tpr_06: 9 }));
    expect(result).toEqual({ subscaleId: 'ip_tpr', score: 3.4, answered: 5, total: 6, prorated: true });
    // All six: 2, 2 (→ 4), 2, 2, 2, 2 → (2 + 4 + 2 + 2 + 2 + 2) / 6 = 14 / 6 = 2.333…
    const all = scoreSubscale(ip, tpr, answers({ ip_tpr_01: 2, ip_tpr_02: 2, ip_tpr_03: 2, ip_tpr_04: 2, ip_tpr_05: 2, ip_tpr_06: 2 }));
    expect(all.score).toBeCloseTo(14 / 6, 10);
    expect(all.prorated).toBe(false);
  });

  it('scores the checklist as the mean of ja = 3, deels = 2, nee = 1 with at least 8 of 10 answered', () => {
    const kenmerk = ip.subscales.find((s) => s.id === 'ip_kenmerk')!;
    const ids = kenmerk.items;
    // ja ×5, deels ×3, nee ×1, weet niet ×1: 9 of 10 scored (90%): (5·3 + 3·2 + 1·1) / 9 = 22 / 9 = 2.444…
    const nine = answers(Object.fromEntries(ids.map((id, i) => [id, [3, 3, 3, 3, 3, 2, 2, 2, 1, 9][i]!])));
    const r = scoreSubscale(ip, kenmerk, nine);
    expect(r.answered).toBe(9);
    expect(r.score).toBeCloseTo(22 / 9, 10);
    expect(r.prorated).toBe(true);
    // Only 7 of 10 answered (70% < 75%): no score.
    const seven = answers(Object.fromEntries(ids.slice(0, 7).map((id) => [id, 3])));
    expect(scoreSubscale(ip, kenmerk, seven)).toEqual({ subscaleId: 'ip_kenmerk', score: null, answered: 7, total: 10, prorated: false });
  });
});

describe('Netwerkfase', () => {
  it('asks one choice question with the four phases of Een Sterk Wijknetwerk and "Weet ik niet" (9)', () => {
    expect(netwerkfase.subscales).toEqual([]);
    expect(netwerkfase.items.map((i) => [i.id, i.type])).toEqual([['nf_fase', 'choice']]);
    const item = byId(netwerkfase, 'nf_fase');
    expect(item.text.nl).toBe('In welke fase bevindt het netwerk zich volgens u?');
    expect(item.type === 'choice' && item.scale).toBe('fase4');
    expect(codesAndLabels(netwerkfase, 'fase4')).toEqual({
      options: [[1, 'Verkennen'], [2, 'Vormgeven'], [3, 'Verdiepen'], [4, 'Verankeren']],
      notScored: [[9, 'Weet ik niet']],
    });
  });

  it('explains each phase in a help text that says what the phase is about', () => {
    const item = byId(netwerkfase, 'nf_fase');
    if (item.type !== 'choice') throw new Error('nf_fase is a choice');
    const help = item.optionHelp ?? {};
    expect(Object.keys(help).sort()).toEqual(['1', '2', '3', '4', '9']);
    expect(help['1']!.nl).toMatch(/met wie/i);
    expect(help['2']!.nl).toMatch(/focus/i);
    expect(help['3']!.nl).toMatch(/betrokken/i);
    expect(help['4']!.nl).toMatch(/toekomstbestendig/i);
  });

  it('never scores the phase', () => {
    for (const code of [1, 2, 3, 4, 9]) expect(itemScore(netwerkfase, 'nf_fase', code), String(code)).toBeNull();
  });
});

describe('Achtergrond', () => {
  it('has no subscales and only choice questions: role, discipline, years involved, governance body; not the organisation', () => {
    expect(achtergrond.subscales).toEqual([]);
    expect(achtergrond.items.map((i) => [i.id, i.type])).toEqual([
      ['ag_rol', 'choice'],
      ['ag_discipline', 'choice'],
      ['ag_jaren', 'choice'],
      ['ag_overleg', 'choice'],
    ]);
    expect(achtergrond.items.some((i) => /organisat/i.test(i.id) || /organisatie/i.test(i.text.nl))).toBe(false);
  });

  it('keeps version 1 exactly as it was first shipped, since waves use it and laptops compare it when merging', () => {
    expect(achtergrondVersion1.version).toBe(1);
    expect(achtergrondVersion1.items.map((i) => i.id)).toEqual(['ag_rol', 'ag_discipline', 'ag_jaren']);
    // SHA-256 of JSON.stringify of the definition as released before version 2 existed (commit 1d6379a).
    expect(createHash('sha256').update(JSON.stringify(achtergrondVersion1)).digest('hex')).toBe('34609d1230b6ea163831d0c8a0efe4784ace55969f478d005304071e84561888');
  });

  it('all stay byte for byte as they were before an instrument could be Dutch only', () => {
    // SHA-256 of JSON.stringify of each definition at commit 1d876b7, before `languages` existed.
    const before = new Set(['kansrijke-samenwerking', 'interprofessioneel-samenwerken', 'netwerkfase', 'achtergrond']);
    expect(builtInInstruments.filter((def) => before.has(def.id)).map((def) => [def.id, def.version, createHash('sha256').update(JSON.stringify(def)).digest('hex')])).toEqual([
      ['kansrijke-samenwerking', 1, '3cb9b2e1d9935ee96abb812f083b5dcb21c48a895a242d26b39cebd3a253fed4'],
      ['interprofessioneel-samenwerken', 1, '4c55c1493d867845e1e6bd1e1ed66dc7de6a3f3d34d21b4f6bf01db29d6978da'],
      ['netwerkfase', 1, 'f26256f2ac701c111a9430cbbcb74311fae714c7f594e5fd9d81e7e9007502f1'],
      ['achtergrond', 1, '34609d1230b6ea163831d0c8a0efe4784ace55969f478d005304071e84561888'],
      ['achtergrond', 2, 'ecbbb12647985b3601f68efee05ebb28ba44b3de726c28bca428f9b00f313d69'],
    ]);
  });

  it('in version 2 adds only the governance body question, last, and leaves every question of version 1 as it was', () => {
    expect(achtergrond.version).toBe(2);
    expect(achtergrond.items.slice(0, 3)).toEqual(achtergrondVersion1.items);
    expect(achtergrond.scales.slice(0, 3)).toEqual(achtergrondVersion1.scales);
    expect(achtergrond.sections.map((s) => s.items)).toEqual([['ag_rol', 'ag_discipline', 'ag_jaren', 'ag_overleg']]);
    const overleg = byId(achtergrond, 'ag_overleg');
    // A single choice: the question says so, in both languages.
    expect(overleg.text.nl).toBe('In welk overleg van het netwerk bent u (vooral) actief? Bent u in meer dan één overleg actief, kies dan het overleg waarin u het meest actief bent.');
    expect(overleg.text.en).toMatch(/most active/);
    expect(codesAndLabels(achtergrond, 'overleg')).toEqual({
      options: [[1, 'Stuurgroep / algemeen bestuur'], [2, 'Dagelijks bestuur'], [3, 'Werkgroep / themagroep'], [4, 'Netwerkgroep'], [5, 'Klankbordgroep'], [6, 'Geen van deze']],
      notScored: [[9, 'Zeg ik liever niet']],
    });
  });

  it('uses coarse categories and lets people decline', () => {
    expect(codesAndLabels(achtergrond, 'rolgroep').options.map(([code]) => code)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(codesAndLabels(achtergrond, 'rolgroep').options.map(([, label]) => label)).toEqual([
      'Professional (zorg of welzijn)',
      'Leidinggevende of bestuurder',
      'Beleidsmedewerker (gemeente, zorgverzekeraar of organisatie)',
      'Vrijwilliger',
      'Bewoner of mantelzorger',
      'Anders',
    ]);
    const discipline = codesAndLabels(achtergrond, 'discipline');
    expect(discipline.options.map(([, label]) => String(label).split(' (')[0])).toEqual([
      'Medisch',
      'Verpleging en verzorging',
      'Therapie',
      'Sociaal werk en welzijn',
      'Andere discipline',
    ]);
    expect(discipline.notScored).toEqual([[8, 'Niet van toepassing'], [9, 'Zeg ik liever niet']]);
    expect(codesAndLabels(achtergrond, 'jaren')).toEqual({
      options: [[1, 'Korter dan 1 jaar'], [2, '1 tot 3 jaar'], [3, '3 tot 5 jaar'], [4, '5 jaar of langer']],
      notScored: [[9, 'Zeg ik liever niet']],
    });
  });

  it('never scores a choice, whatever the code', () => {
    for (const item of achtergrond.items) {
      if (item.type !== 'choice') throw new Error(`${item.id} should be a choice`);
      const s = scaleOf(achtergrond, item.scale);
      for (const o of [...s.options, ...s.notScored]) expect(itemScore(achtergrond, item.id, o.code), `${item.id} ${o.code}`).toBeNull();
    }
  });
});

describe('Partnernetwerk', () => {
  const pa = builtInInstruments.find((d) => d.id === 'partnernetwerk')!;

  it('asks three relation questions, one per dimension, on a frequency scale and a 1–4 degree with a not-scored "ken ik niet"', () => {
    expect(pa.items.map((i) => [i.id, i.type, i.type === 'relation' ? i.dimension : null])).toEqual([
      ['pa_frequentie', 'relation', 'frequency'],
      ['pa_vertrouwen', 'relation', 'trust'],
      ['pa_waarde', 'relation', 'value'],
    ]);
    expect(codesAndLabels(pa, 'frequentie5')).toEqual({
      options: [[1, 'Nooit'], [2, 'Een paar keer per jaar'], [3, 'Maandelijks'], [4, 'Wekelijks'], [5, '(Bijna) dagelijks']],
      notScored: [[9, 'Ken ik niet / weet niet']],
    });
    expect(codesAndLabels(pa, 'mate4')).toEqual({
      options: [[1, 'Helemaal niet'], [2, 'Een beetje'], [3, 'Redelijk'], [4, 'Heel erg']],
      notScored: [[9, 'Ken ik niet / weet niet']],
    });
    expect(pa.attribution.nl).toMatch(/PARTNER/);
  });
});
