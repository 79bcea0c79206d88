import { describe, expect, it } from 'vitest';
import { splitProblems } from '../../renderer/src/features/instruments/problems';

/** The import screen shows a refused definition's problems as a list; other messages stay whole. */
describe('splitting an import refusal into its problems', () => {
  it('splits the validation sentence into lead, problems and tail', () => {
    const message =
      'Deze vragenlijstdefinitie klopt niet: items → 0 → scale: Vraag tk_01 verwijst naar onbekende antwoordschaal vijf; version moet een getal zijn; ' +
      'Antwoordschaal s5 gebruikt een code twee keer (en nog 2 andere). Er is niets opgeslagen.';
    expect(splitProblems(message)).toEqual({
      lead: 'Deze vragenlijstdefinitie klopt niet:',
      problems: [
        'items → 0 → scale: Vraag tk_01 verwijst naar onbekende antwoordschaal vijf',
        'version moet een getal zijn',
        'Antwoordschaal s5 gebruikt een code twee keer (en nog 2 andere)',
      ],
      tail: 'Er is niets opgeslagen.',
    });
  });

  it('lists each text whose English does not fit the languages, then what to do', () => {
    const message =
      'Deze vragenlijstdefinitie klopt niet: vraag 2 (bt_02) → vraagtekst (text): Engels ontbreekt; onderdeel 1 (samen) → inleiding (intro): Engels ontbreekt; ' +
      'vul het Engels overal aan, of maak er een vragenlijst in alleen het Nederlands van: zet "languages": ["nl"] en haal alle Engelse teksten weg. Er is niets opgeslagen.';
    expect(splitProblems(message)).toEqual({
      lead: 'Deze vragenlijstdefinitie klopt niet:',
      problems: [
        'vraag 2 (bt_02) → vraagtekst (text): Engels ontbreekt',
        'onderdeel 1 (samen) → inleiding (intro): Engels ontbreekt',
        'vul het Engels overal aan, of maak er een vragenlijst in alleen het Nederlands van: zet "languages": ["nl"] en haal alle Engelse teksten weg',
      ],
      tail: 'Er is niets opgeslagen.',
    });
  });

  it('keeps dots inside a problem (n.v.t.) in that problem', () => {
    expect(splitProblems('Klopt niet: label Weet niet / n.v.t. is te lang; x ontbreekt. Er is niets opgeslagen.')?.problems).toEqual([
      'label Weet niet / n.v.t. is te lang',
      'x ontbreekt',
    ]);
  });

  it('leaves other messages alone: conflict, bad JSON, contract validation', () => {
    expect(splitProblems('Vragenlijst test-teamklimaat versie 1 staat al in deze database; er is niets gewijzigd.')).toBeNull();
    expect(splitProblems('Dit bestand is geen geldige JSON. Kies een vragenlijstdefinitie die uit Netwerkspiegel is geëxporteerd of die het schema volgt.')).toBeNull();
    expect(splitProblems('Ongeldige invoer (definitionJson: Het bestand is te groot (meer dan 1 MB)). Controleer de gegevens en probeer het opnieuw; er is niets opgeslagen.')).toBeNull();
  });
});

describe('locating problems in an imported definition', () => {
  it('names list entries by position and id', async () => {
    const { locateInDefinition } = await import('../../electron/services/administration/instruments');
    const raw = { items: [{ id: 'tk_01' }, { id: 'tk_02', text: 7 }], scales: [{ id: 'vijf', options: [{}, {}] }] };
    expect(locateInDefinition(raw, ['items', 1, 'text'])).toBe('vraag 2 (tk_02) → vraagtekst (text)');
    expect(locateInDefinition(raw, ['scales', 0, 'options', 1, 'label'])).toBe('antwoordschaal 1 (vijf) → antwoord 2 → korte naam (label)');
    expect(locateInDefinition(raw, ['version'])).toBe('versie (version)');
    expect(locateInDefinition(raw, [])).toBe('het bestand');
  });
});
