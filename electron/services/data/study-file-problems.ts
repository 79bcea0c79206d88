import { ApiError } from '../../../shared/errors';

/**
 * Everything wrong with a study file, gathered before anything is written or backed up, and told
 * by kind with a count and a few examples: "3 antwoorden op een vragenlijst die de meting niet
 * gebruikt, bijvoorbeeld …". Kinds whose cause is the file (edited, damaged, not made by the app)
 * end with the advice to export it again; kinds whose cause is a difference with this laptop say
 * what is different.
 */

interface Kind {
  /** One, and more than one. */
  one: string;
  many: string;
  /** What the researcher can do, when it is not "export the file again". */
  advice?: string;
}

const KINDS = {
  unknownField: { one: 'onbekend veld', many: 'onbekende velden' },
  controlCharacters: { one: 'tekst met onzichtbare stuurtekens (zoals een nul-teken)', many: 'teksten met onzichtbare stuurtekens (zoals een nul-teken)' },
  invalidDate: { one: 'datum of tijdstip dat niet bestaat', many: 'datums of tijdstippen die niet bestaan' },
  invalidValue: { one: 'waarde die de app zelf niet zou opslaan', many: 'waarden die de app zelf niet zou opslaan' },
  implausibleTime: { one: 'tijdstip van vóór 2000 of van na het maken van het bestand', many: 'tijdstippen van vóór 2000 of van na het maken van het bestand' },
  fileFromFuture: {
    one: 'bestand dat later gemaakt zegt te zijn dan het nu is',
    many: 'bestanden die later gemaakt zeggen te zijn dan het nu is',
    advice: 'Controleer de datum en tijd van deze laptop en van de laptop waar het bestand vandaan komt.',
  },
  rowTwice: { one: 'rij die twee keer in het bestand staat', many: 'rijen die twee keer in het bestand staan' },
  duplicateOrganisation: { one: 'organisatienaam die in één netwerk twee keer voorkomt', many: 'organisatienamen die in één netwerk twee keer voorkomen' },
  duplicateWave: { one: 'metingnaam die in één netwerk twee keer voorkomt', many: 'metingnamen die in één netwerk twee keer voorkomen' },
  duplicateCode: { one: 'respondentcode die in één netwerk twee keer voorkomt', many: 'respondentcodes die in één netwerk twee keer voorkomen' },
  duplicateResponse: {
    one: 'tweede ingevulde vragenlijst van dezelfde respondent in dezelfde meting',
    many: 'tweede ingevulde vragenlijsten van dezelfde respondent in dezelfde meting',
  },
  duplicateLinkDecision: { one: 'koppelbesluit dat een tweede keer over hetzelfde paar gaat', many: 'koppelbesluiten die een tweede keer over hetzelfde paar gaan' },
  missingReference: {
    one: 'verwijzing naar iets dat niet in het bestand en niet in deze database staat',
    many: 'verwijzingen naar iets dat niet in het bestand en niet in deze database staat',
  },
  otherNetwork: { one: 'verwijzing naar iets van een ander netwerk', many: 'verwijzingen naar iets van een ander netwerk' },
  movedRow: {
    one: 'bestaande rij die het bestand bij een ander netwerk, een andere meting of een andere respondent onderbrengt dan hier',
    many: 'bestaande rijen die het bestand bij een ander netwerk, een andere meting of een andere respondent onderbrengt dan hier',
  },
  instrumentInvalid: { one: 'vragenlijst met een ongeldige definitie', many: 'vragenlijsten met een ongeldige definitie' },
  instrumentDiffers: {
    one: 'vragenlijstversie die op deze laptop een andere inhoud heeft',
    many: 'vragenlijstversies die op deze laptop een andere inhoud hebben',
    advice: "Zo'n bestand kan niet worden samengevoegd: een gewijzigde vragenlijst hoort een hoger versienummer te hebben.",
  },
  waveOtherInstruments: {
    one: 'meting die in dit netwerk al bestaat, maar met andere vragenlijsten',
    many: 'metingen die in dit netwerk al bestaan, maar met andere vragenlijsten',
    advice: 'Twee verschillende metingen met dezelfde naam kunnen niet worden samengevoegd.',
  },
  renamedToTakenName: {
    one: 'nieuwe naam van een organisatie of meting die in dat netwerk hier al een andere organisatie of meting heeft',
    many: 'nieuwe namen van organisaties of metingen die in dat netwerk hier al een andere organisatie of meting hebben',
    advice: 'Geef op een van beide laptops een andere naam en exporteer het bestand daarna opnieuw.',
  },
  occasionWaveElsewhere: {
    one: 'meting van een MDO waarvan de naam hier al bij een andere meting hoort',
    many: 'metingen van een MDO waarvan de naam hier al bij een andere meting hoort',
    advice: 'Geef op een van beide laptops het MDO een andere naam en exporteer het bestand daarna opnieuw.',
  },
  answerNotInWave: { one: 'antwoord op een vragenlijst die de meting niet gebruikt', many: 'antwoorden op een vragenlijst die de meting niet gebruikt' },
  answerUnknownItem: { one: 'antwoord op een vraag die niet in de vragenlijst staat', many: 'antwoorden op een vraag die niet in de vragenlijst staat' },
  answerInvalid: { one: 'antwoord dat niet bij de vraag past', many: 'antwoorden die niet bij de vraag passen' },
  answerElsewhere: { one: 'antwoord dat hier al bij een andere ingevulde vragenlijst hoort', many: 'antwoorden die hier al bij een andere ingevulde vragenlijst horen' },
  erasureOutside: {
    one: 'wissing van een respondent buiten de netwerken van dit bestand',
    many: 'wissingen van respondenten buiten de netwerken van dit bestand',
  },
  discardOutside: {
    one: 'weggegooide vragenlijst buiten de netwerken van dit bestand',
    many: 'weggegooide vragenlijsten buiten de netwerken van dit bestand',
  },
  organisationRemovalOutside: {
    one: 'verwijderde organisatie buiten de netwerken van dit bestand',
    many: 'verwijderde organisaties buiten de netwerken van dit bestand',
  },
} satisfies Record<string, Kind>;

export type ProblemKind = keyof typeof KINDS;

/** How many examples a kind shows. */
const EXAMPLES = 3;

export class StudyFileProblems {
  private readonly found = new Map<ProblemKind, { count: number; examples: string[] }>();

  add(kind: ProblemKind, example: string): void {
    let entry = this.found.get(kind);
    if (!entry) this.found.set(kind, (entry = { count: 0, examples: [] }));
    entry.count++;
    if (entry.examples.length < EXAMPLES) entry.examples.push(example);
  }

  get any(): boolean {
    return this.found.size > 0;
  }

  /** The kinds found, with their counts (for tests and the log). */
  counts(): Partial<Record<ProblemKind, number>> {
    return Object.fromEntries([...this.found].map(([kind, { count }]) => [kind, count]));
  }

  /** One Dutch message: a line per kind (count, what, examples), then what to do. */
  message(): string {
    const lines: string[] = [];
    let fromFile = false;
    for (const [kind, { count, examples }] of this.found) {
      const k: Kind = KINDS[kind];
      if (!k.advice) fromFile = true;
      const more = count > examples.length ? ', bijvoorbeeld ' : ': ';
      lines.push(`- ${count} ${count === 1 ? k.one : k.many}${more}${examples.join('; ')}.${k.advice ? ` ${k.advice}` : ''}`);
    }
    const advice = fromFile
      ? 'Netwerkspiegel maakt zulke bestanden niet: het bestand is beschadigd of na het exporteren gewijzigd. Exporteer het opnieuw op de laptop waar het vandaan komt.'
      : '';
    return [`Dit studiebestand wordt niet geïmporteerd; het bevat:`, ...lines, `${advice}${advice ? ' ' : ''}Er is niets gewijzigd.`].join('\n');
  }

  /** Refuses the file when anything was found. */
  throwIfAny(): void {
    if (this.any) throw new ApiError('VALIDATION', this.message());
  }
}
