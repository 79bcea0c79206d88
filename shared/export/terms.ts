/**
 * Every word an export writes, in Dutch (the default) and English. Sheet names, the fixed
 * variables' names and labels, codebook and statistics headers, and the explanatory texts.
 * Variable names of items never change with the language (they are the instrument's item ids).
 */
import type { Locale } from '../text';

type Fixed = { name: string; label: string };
/** The rules behind the numbers, said in the Toelichting and at the end of the codebook. */
export type MethodKey = 'completedOnly' | 'linking' | 'comparison' | 'ties' | 'alpha' | 'reverse';
type NoticeParams = Record<string, string | number>;

/** The codebook's columns, in the order of its sheet. */
export const CODEBOOK_COLUMNS = ['variable', 'label', 'question', 'instrument', 'version', 'subscale', 'type', 'level', 'values', 'notScored', 'missing', 'reverse', 'required', 'shownWhen', 'derivation', 'sheet', 'wide'] as const;
export type CodebookColumn = (typeof CODEBOOK_COLUMNS)[number];

export interface ExportTerms {
  sheets: {
    notes: string;
    long: string;
    wide: string;
    scores: string;
    codebook: string;
    descriptives: string;
    comparison: string;
    reliability: string;
    linking: string;
  };
  fixed: {
    network: Fixed;
    wave: Fixed;
    waveKind: Fixed;
    respondent: Fixed;
    organisation: Fixed;
    roleGroup: Fixed;
    mode: Fixed;
    status: Fixed;
    started: Fixed;
    /** The same moment as text with its UTC offset (local time alone repeats an hour in autumn). */
    startedExact: Fixed;
    completed: Fixed;
    completedExact: Fixed;
  };
  waveKinds: { T0: string; T1: string; T2: string; custom: string };
  statusLabels: { complete: string; in_progress: string };
  modeLabels: { form: string; kiosk: string; paper: string; meeting: string };
  yes: string;
  no: string;
  /** Wide layout: the per-wave organisation and status variables (suffixed). */
  perWave: { organisation: (wave: string) => string; status: (wave: string) => string; item: (label: string, wave: string) => string };
  scores: {
    score: (label: string) => string;
    answered: (label: string, total: number) => string;
    prorated: (label: string) => string;
    proratedLabels: [string, string];
  };
  codebook: {
    headers: Record<CodebookColumn, string>;
    types: { scale: (scale: string) => string; choice: (scale: string) => string; number: (min: number, max: number) => string; open: string; text: string; datetime: string; exactMoment: string; code: string; score: string; count: string; flag: string; method: string };
    levels: { nominal: string; ordinal: string; scale: string };
    missingBlank: string;
    missingNotScored: (codes: string) => string;
    scoreDerivation: (items: string, share: number, needed: number, total: number, reverse: string) => string;
    reversed: (item: string, formula: string) => string;
    answeredDerivation: (subscale: string) => string;
    proratedDerivation: (subscale: string) => string;
    roleDerivation: string;
    localTimeDerivation: (exact: string) => string;
    exactMomentDerivation: (local: string) => string;
    openLeftOut: string;
  };
  stats: {
    network: string;
    instrument: string;
    level: string;
    levelScale: string;
    levelItem: string;
    id: string;
    label: string;
    wave: string;
    n: string;
    mean: string;
    sd: string;
    ciLow: string;
    ciHigh: string;
    median: string;
    q1: string;
    q3: string;
    missing: string;
    declined: string;
    shareAgree: string;
    suppressed: string;
    note: string;
    suppressedNote: (min: number) => string;
    /** On an item row of a reverse-keyed item: which numbers are after reversal and which are raw. */
    reversedNote: string;
    baseline: string;
    followUp: string;
    method: string;
    methodAll: string;
    methodPaired: string;
    methodIndependent: string;
    nBaseline: string;
    nFollowUp: string;
    meanDiff: string;
    test: string;
    statistic: string;
    df: string;
    p: string;
    rankTest: string;
    rankStatistic: string;
    pRank: string;
    rankMethod: string;
    effectName: string;
    effect: string;
    rankBiserial: string;
    tooSmall: string;
    exploratory: string;
    tests: { partialOverlap: string; pairedT: string; welch: string; wilcoxon: string; mannWhitney: string; dz: string };
    rankMethods: { exact: string; normal: string };
    alpha: string;
    alphaN: string;
    items: string;
    smallSample: string;
    constantItems: string;
    alphaUnavailable: string;
    alphaReasons: Record<'too-small' | 'too-few-items' | 'too-few-respondents' | 'no-variance', string>;
    matched: string;
    tolerant: string;
    proposals: string;
    rejected: string;
    unmatchedBaseline: string;
    unmatchedFollowUp: string;
    unavailable: (what: string, message: string) => string;
    /** A notice of the results as a sentence for people, per notice code (see Notice in shared/results.ts). */
    notices: Record<string, (params: NoticeParams) => string>;
    /** For a notice code this version does not know. */
    noticeGeneric: string;
  };
  methods: Record<MethodKey, { topic: string; text: string }>;
  /** The end of a text shortened to fit a spreadsheet cell; `length` is the full text's length. */
  cellShortened: (length: number | string) => string;
  notes: {
    headers: { topic: string; value: string; explanation: string };
    title: string;
    titleValue: string;
    exportedAt: string;
    appVersion: string;
    networks: string;
    network: (name: string) => string;
    minGroupSize: string;
    minGroupSizeExplanation: string;
    wave: (label: string) => string;
    waveValue: (kind: string, started: number, complete: number) => string;
    waveDate: string;
    instrument: (name: string, version: string) => string;
    attribution: string;
    licence: string;
    /** An instrument not in the export's language: its texts in this file are Dutch. */
    dutchOnly: string;
    dutchOnlyText: string;
    values: string;
    valuesCodes: string;
    valuesLabels: string;
    openAnswers: string;
    openIncluded: string;
    openExcluded: string;
    privacy: string;
    privacyText: string;
    exploratory: string;
    exploratoryText: string;
    sheet: string;
    sheetTexts: Record<'long' | 'wide' | 'scores' | 'codebook' | 'descriptives' | 'comparison' | 'reliability' | 'linking', string>;
    layout: string;
    layoutText: string;
    times: string;
    timesText: (local: string, exact: string) => string;
    formulas: string;
    formulasText: string;
    longTexts: string;
    /** `marker`: the end of a shortened text, with N for its length. */
    longTextsText: (marker: string) => string;
  };
  /** Required items, conditional display and multiple choice, in the data, the codebook and the Toelichting. */
  structure: {
    /** The variable label of one option of a multiple-choice item: "Contactvormen: Telefoon". */
    optionLabel: (item: string, option: string) => string;
    tickedLabels: [notTicked: string, ticked: string];
    optionType: (scale: string, code: number, option: string) => string;
    optionMissing: string;
    hiddenMissing: string;
    shownWhen: (item: string, codes: string) => string;
    shownWhenTicked: (item: string, codes: string) => string;
    or: string;
    notesHidden: string;
    notesHiddenText: string;
    notesMultiple: string;
    notesMultipleText: string;
  };
}

const nl: ExportTerms = {
  sheets: {
    notes: 'Toelichting',
    long: 'Data_lang',
    wide: 'Data_breed',
    scores: 'Scores',
    codebook: 'Codeboek',
    descriptives: 'Beschrijvend',
    comparison: 'Vergelijking',
    reliability: 'Betrouwbaarheid',
    linking: 'Koppeling',
  },
  fixed: {
    network: { name: 'netwerk', label: 'Netwerk' },
    wave: { name: 'meting', label: 'Meting (naam)' },
    waveKind: { name: 'meting_soort', label: 'Soort meting (T0, T1, T2 of eigen meting)' },
    respondent: { name: 'respondent', label: 'Respondentcode (pseudoniem, geen naam)' },
    organisation: { name: 'organisatie', label: 'Partnerorganisatie in deze meting' },
    roleGroup: { name: 'rolgroep', label: 'Rolgroep (uit vraag ag_rol)' },
    mode: { name: 'modus', label: 'Manier van invullen' },
    status: { name: 'status', label: 'Vragenlijst afgerond' },
    started: { name: 'gestart', label: 'Begonnen op (lokale tijd)' },
    startedExact: { name: 'gestart_iso', label: 'Begonnen op, ISO 8601 met afwijking van UTC (eenduidig)' },
    completed: { name: 'voltooid', label: 'Afgerond op (lokale tijd)' },
    completedExact: { name: 'voltooid_iso', label: 'Afgerond op, ISO 8601 met afwijking van UTC (eenduidig)' },
  },
  waveKinds: { T0: 'T0 (nulmeting)', T1: 'T1 (na 1 jaar)', T2: 'T2 (na 2 jaar)', custom: 'Eigen meting' },
  statusLabels: { complete: 'Afgerond', in_progress: 'Niet afgerond' },
  modeLabels: { form: 'Formulier', kiosk: 'Afnamemodus', paper: 'Papier (ingevoerd)', meeting: 'Eigen telefoon (bijeenkomst)' },
  yes: 'ja',
  no: 'nee',
  perWave: {
    organisation: (wave) => `Partnerorganisatie (${wave})`,
    status: (wave) => `Vragenlijst afgerond (${wave})`,
    item: (label, wave) => `${label} (${wave})`,
  },
  scores: {
    score: (label) => `Score ${label} (gemiddelde van de beantwoorde items)`,
    answered: (label, total) => `Aantal beantwoorde items ${label} (van ${total})`,
    prorated: (label) => `Score ${label} over minder items dan de schaal heeft`,
    proratedLabels: ['Alle items beantwoord', 'Score over een deel van de items'],
  },
  codebook: {
    headers: {
      variable: 'variabele',
      label: 'label',
      question: 'vraagtekst',
      instrument: 'vragenlijst',
      version: 'versie',
      subscale: 'schaal',
      type: 'type',
      level: 'meetniveau',
      values: 'codes_en_labels',
      notScored: 'niet_gescoord',
      missing: 'ontbrekend',
      reverse: 'omgekeerd',
      required: 'verplicht',
      shownWhen: 'getoond_als',
      derivation: 'berekening',
      sheet: 'blad',
      wide: 'in_data_breed',
    },
    types: {
      scale: (scale) => `Schaalvraag (antwoordschaal ${scale})`,
      choice: (scale) => `Keuzevraag (categorieën ${scale})`,
      number: (min, max) => `Getal (${min} tot en met ${max})`,
      open: 'Open antwoord (tekst)',
      text: 'Tekst',
      datetime: 'Datum en tijd',
      exactMoment: 'Tekst: datum en tijd in ISO 8601 met afwijking van UTC',
      code: 'Code',
      score: 'Schaalscore (berekend)',
      count: 'Aantal (berekend)',
      flag: 'Vlag 0/1 (berekend)',
      method: 'Werkwijze',
    },
    levels: { nominal: 'nominaal', ordinal: 'ordinaal', scale: 'interval/ratio' },
    missingBlank: 'Leeg = niet beantwoord of niet gevraagd in deze meting',
    missingNotScored: (codes) => `${codes} = niet gescoord (telt niet mee in scores)`,
    scoreDerivation: (items, share, needed, total, reverse) =>
      `Gemiddelde van de gescoorde antwoorden op ${items}; alleen als ten minste ${Math.round(share * 100)}% (${needed} van ${total}) beantwoord is, anders leeg. Niet-gescoorde codes en lege antwoorden tellen niet mee.${reverse}`,
    reversed: (item, formula) => ` ${item} is omgekeerd gescoord (${formula}).`,
    answeredDerivation: (subscale) => `Aantal gescoorde antwoorden op de items van ${subscale}.`,
    proratedDerivation: (subscale) => `1 als de score ${subscale} over minder items is berekend dan de schaal heeft, 0 als alle items beantwoord zijn, leeg zonder score.`,
    roleDerivation: 'Het antwoord op vraag ag_rol (Achtergrond) in dezelfde meting.',
    localTimeDerivation: (exact) =>
      `Lokale tijd van de computer die exporteerde, als echte datum en tijd (Excel kent geen tijdzones). Bij de overgang naar wintertijd komt 02:00–03:00 twee keer voor; ${exact} wijst het moment eenduidig aan.`,
    exactMomentDerivation: (local) =>
      `Hetzelfde moment als ${local}, als tekst in ISO 8601 met de afwijking van UTC: 2026-10-25T02:30:00+02:00 en een uur later 2026-10-25T02:30:00+01:00 zijn twee momenten met dezelfde lokale tijd.`,
    openLeftOut: 'Open antwoorden zijn niet meegenomen (bij het exporteren niet aangevinkt).',
  },
  stats: {
    network: 'netwerk',
    instrument: 'vragenlijst',
    level: 'niveau',
    levelScale: 'schaal',
    levelItem: 'item',
    id: 'variabele',
    label: 'label',
    wave: 'meting',
    n: 'n',
    mean: 'gemiddelde',
    sd: 'sd',
    ciLow: 'bi95_onder',
    ciHigh: 'bi95_boven',
    median: 'mediaan',
    q1: 'q1',
    q3: 'q3',
    missing: 'leeg',
    declined: 'niet_gescoord',
    shareAgree: 'aandeel_eens',
    suppressed: 'onderdrukt',
    note: 'opmerking',
    suppressedNote: (min) => `Te weinig antwoorden om te tonen (minder dan ${min})`,
    reversedNote: 'Omgekeerd gescoord: gemiddelde, sd, mediaan en kwartielen na omkeren; aandeel_eens van de ruwe antwoorden.',
    baseline: 'basismeting',
    followUp: 'vervolgmeting',
    method: 'methode',
    methodAll: 'iedereen (hoofdvergelijking; gekoppelden als paren)',
    methodPaired: 'alleen gekoppelden (dezelfde respondenten)',
    methodIndependent: 'vertrokken tegenover nieuw (alleen basismeting tegenover alleen vervolgmeting)',
    nBaseline: 'n_basis',
    nFollowUp: 'n_vervolg',
    meanDiff: 'verschil',
    test: 'toets',
    statistic: 'toetsgrootheid',
    df: 'df',
    p: 'p',
    rankTest: 'rangtoets',
    rankStatistic: 'rangtoets_grootheid',
    pRank: 'p_rangtoets',
    rankMethod: 'rangtoets_methode',
    effectName: 'effectmaat',
    effect: 'effect',
    rankBiserial: 'rang_biseriaal',
    tooSmall: 'te_klein',
    exploratory: 'verkennend',
    tests: { partialOverlap: 't-toets gedeeltelijk overlappende steekproeven (Derrick e.a. 2017)', pairedT: 'gepaarde t-toets', welch: 'Welch t-toets', wilcoxon: 'Wilcoxon (V)', mannWhitney: 'Mann-Whitney (W)', dz: 'Cohen d_z' },
    rankMethods: { exact: 'exact', normal: 'normale benadering' },
    alpha: 'alfa',
    alphaN: 'n_volledig',
    items: 'items',
    smallSample: 'kleine_steekproef',
    constantItems: 'items_zonder_variatie',
    alphaUnavailable: 'niet_te_berekenen',
    alphaReasons: {
      'too-small': 'minder volledige antwoorden dan de minimale groepsgrootte',
      'too-few-items': 'minder dan twee vragen',
      'too-few-respondents': 'minder dan twee volledige antwoorden',
      'no-variance': 'minder dan twee vragen met verschillende antwoorden',
    },
    matched: 'gekoppeld',
    tolerant: 'waarvan_bij_benadering',
    proposals: 'mogelijke_koppelingen',
    rejected: 'afgewezen_koppelingen',
    unmatchedBaseline: 'alleen_basismeting',
    unmatchedFollowUp: 'alleen_vervolgmeting',
    unavailable: (what, message) => `Geen statistieken voor ${what}: ${message}`,
    notices: {
      'not-in-both': (p) => `${p.itemId === undefined ? 'Deze schaal' : 'Deze vraag'} zit niet in beide metingen (andere versie van de vragenlijst); niet vergeleken.`,
      'scale-changed': () => 'De vragen van deze schaal verschillen tussen de metingen (andere versie van de vragenlijst); vergelijk met voorzichtigheid.',
      'too-small': (p) =>
        `${p.n === undefined ? 'Te weinig ingeleverde vragenlijsten' : `Er zijn ${p.n} ingeleverde vragenlijsten`}, minder dan ${p.min}: om de respondenten te beschermen worden de resultaten niet getoond.`,
      'no-waves': () => 'Er zijn geen metingen met deze vragenlijst.',
      'instrument-not-in-wave': () => 'Deze vragenlijst is in een van de metingen niet afgenomen.',
      'no-responses': () => 'Een van de metingen heeft nog geen ingeleverde vragenlijsten.',
      'single-respondent': () => 'Een van de metingen heeft maar één ingeleverde vragenlijst; de antwoorden van één persoon worden niet als resultaat getoond.',
      'all-declined': () => 'Alle antwoorden zijn ‘weet niet / n.v.t.’; er is geen score te berekenen.',
      'no-scores': () => 'Geen enkele respondent beantwoordde genoeg vragen van deze schaal om een score te berekenen.',
      'instrument-changed': (p) => `De vragenlijst is tussen de metingen veranderd (versie per meting: ${p.versions}).`,
      'alpha-small-n': (p) => `Cronbachs alfa berust op minder dan ${p.threshold} respondenten en is daardoor onzeker.`,
      'breakdown-unavailable': () => 'Uitsplitsen kan niet: de vragenlijst Achtergrond is in deze metingen niet afgenomen.',
      'tolerant-matches': (p) => `${p.count} respondenten gekoppeld na het besluit van een onderzoeker (zelfgemaakte codes die op één onderdeel verschillen).`,
      'link-proposals': (p) => `${p.count} mogelijke koppelingen wachten op een besluit; tot dan tellen die respondenten in geen enkele vergelijking mee.`,
    },
    noticeGeneric: 'Niet alle resultaten konden worden berekend of getoond.',
  },
  methods: {
    completedOnly: {
      topic: 'Welke vragenlijsten meetellen',
      text: 'Alleen afgeronde vragenlijsten (status = 1) tellen mee in de statistieken: het dashboard en de bladen Beschrijvend, Vergelijking, Betrouwbaarheid en Koppeling. Niet-afgeronde vragenlijsten staan wel in de data (Data_lang, Data_breed, Scores en de CSV) met status 0 = Niet afgerond; hun scores zijn berekend over wat ze beantwoordden. Filter op status = 1 om dezelfde groep te krijgen als de statistieken.',
    },
    linking: {
      topic: 'Koppelen van metingen',
      text: 'Respondenten worden tussen metingen gekoppeld op hun respondentcode, nooit op naam. Precies gelijke codes worden automatisch gekoppeld. Zelfgemaakte codes die op één onderdeel verschillen, worden alleen gekoppeld als een onderzoeker die koppeling heeft bevestigd (waarvan_bij_benadering in het blad Koppeling). Zolang een mogelijke koppeling op een besluit wacht, tellen die twee respondenten in geen enkele vergelijking mee (mogelijke_koppelingen); een afgewezen koppeling telt als twee verschillende personen (afgewezen_koppelingen).',
    },
    comparison: {
      topic: 'Vergelijking van metingen',
      text: 'Hoofdvergelijking: iedereen die de basismeting of de vervolgmeting afrondde, met de gekoppelde respondenten als paren: de t-toets voor gedeeltelijk overlappende steekproeven van Derrick, Russ, Toher & White (2017), in de vorm voor ongelijke varianties. Details: alleen de gekoppelden (gepaarde t-toets en Wilcoxon-rangtekentoets) en vertrokken tegenover nieuw, dat wil zeggen alleen de basismeting tegenover alleen de vervolgmeting (Welch t-toets en Mann-Whitney-toets).',
    },
    ties: {
      topic: 'Rangtoetsen en gelijke waarden',
      text: 'Voor de Wilcoxon- en de Mann-Whitney-toets worden de waarden eerst afgerond op 10 significante cijfers en dan gerangschikt, zoals R doet met digits.rank = 10: waarden die alleen door rekenafronding verschillen, tellen als gelijk en krijgen de gemiddelde rang. Bij gelijke waarden (en bij Wilcoxon ook bij verschillen van nul) is de p-waarde, net als in R, de normale benadering (rangtoets_methode).',
    },
    alpha: {
      topic: 'Betrouwbaarheid (Cronbachs alfa)',
      text: 'Cronbachs alfa is raw_alpha van psych::alpha in R, over de respondenten die alle items van de schaal beantwoordden (volledige gevallen; "weet niet / n.v.t." telt als niet beantwoord), met omgekeerd gescoorde items al omgedraaid. Items zonder variatie (iedereen hetzelfde antwoord) worden eerst weggelaten, zoals psych doet; hun aantal staat in items_zonder_variatie.',
    },
    reverse: {
      topic: 'Omgekeerd gescoorde vragen',
      text: 'Bij een omgekeerd gescoorde vraag (omgekeerd = ja in het codeboek) betekent het eens zijn met de uitspraak een slechtere situatie. Scores zijn na omkeren (laagste + hoogste code − code; op 1 tot 5 wordt 1 een 5): de schaalscores, het gemiddelde, de sd, de mediaan en de kwartielen van de vraag (Beschrijvend) en de verschillen (Vergelijking). De data (Data_lang, Data_breed, de CSV), de verdeling van de antwoorden en aandeel_eens zijn van de ruwe antwoorden, zoals ze gegeven zijn. Het dashboard volgt dezelfde regel en zegt bij zo’n vraag ‘na omkeren’ of ‘ruwe antwoorden’.',
    },
  },
  cellShortened: (length) => `… [ingekort: ${length} tekens]`,
  notes: {
    headers: { topic: 'onderwerp', value: 'waarde', explanation: 'toelichting' },
    title: 'Bestand',
    titleValue: 'Netwerkspiegel: export van antwoorden en resultaten',
    exportedAt: 'Geëxporteerd op',
    appVersion: 'Versie van Netwerkspiegel',
    networks: 'Aantal netwerken',
    network: (name) => `Netwerk: ${name}`,
    minGroupSize: 'Minimale groepsgrootte',
    minGroupSizeExplanation: 'Groepen met minder antwoorden worden in de statistiekbladen niet getoond (onderdrukt), om de anonimiteit te beschermen.',
    wave: (label) => `Meting ${label}`,
    waveValue: (kind, started, complete) => `${kind}; ${started} begonnen, ${complete} afgerond`,
    waveDate: 'Geplande datum',
    instrument: (name, version) => `Vragenlijst: ${name} (versie ${version})`,
    attribution: 'Bron',
    licence: 'Licentie',
    dutchOnly: 'Taal',
    dutchOnlyText: 'Deze vragenlijst is alleen in het Nederlands.',
    values: 'Antwoorden als',
    valuesCodes: 'Codes (de labels staan in het codeboek)',
    valuesLabels: 'Labels (de antwoordtekst; codes staan in het codeboek)',
    openAnswers: 'Open antwoorden',
    openIncluded: 'Meegenomen. Let op: open antwoorden kunnen namen of andere herkenbare gegevens bevatten.',
    openExcluded: 'Niet meegenomen.',
    privacy: 'Privacy',
    privacyText:
      'De bestanden bevatten alleen respondentcodes (pseudoniemen), nooit namen; de codelijst of een sleutel zit er niet in. Gepseudonimiseerde gegevens zijn nog steeds persoonsgegevens (AVG): bewaar en deel ze zorgvuldig.',
    exploratory: 'Vergelijkingen',
    exploratoryText:
      'Bij netwerken van deze omvang zijn toetsen verkennend: kijk naar de verschillen en hun betrouwbaarheidsintervallen, niet alleen naar p-waarden.',
    sheet: 'Blad',
    sheetTexts: {
      long: 'Eén rij per respondentcode per meting: netwerk, organisatie, rolgroep, meting, manier van invullen, afronding, daarna alle vragen.',
      wide: 'Eén rij per respondentcode per netwerk; vragen met de meting als achtervoegsel (bijvoorbeeld ks_amb_01_t0).',
      scores: 'Schaal- en conditiescores per ingevulde vragenlijst, met het aantal beantwoorde items en of de score over een deel van de items is berekend.',
      codebook: 'Per variabele: vraagtekst, vragenlijst en versie, schaal, type, codes en labels, niet-gescoorde en ontbrekende codes, omgekeerde scoring en berekening.',
      descriptives: 'Per meting en schaal (en per vraag): n, gemiddelde, sd, 95%-betrouwbaarheidsinterval; kleine groepen onderdrukt. Dezelfde getallen als het dashboard.',
      comparison: 'Basismeting tegenover elke vervolgmeting: per schaal en vraag de hoofdvergelijking en twee details (zie Vergelijking van metingen), met verschillen, intervallen, p-waarden en effectgroottes.',
      reliability: 'Cronbachs alfa per schaal en meting, met het aantal respondenten dat alle items beantwoordde.',
      linking:
        'Hoeveel respondentcodes tussen de metingen gekoppeld zijn (waarvan zelfgemaakte codes met één afwijking die een onderzoeker als dezelfde persoon bevestigde), hoeveel mogelijke koppelingen nog op een besluit wachten (die tellen in geen enkele toets mee), hoeveel zijn afgewezen, en hoeveel codes alleen in één meting voorkomen.',
    },
    layout: 'Opmaak',
    layoutText:
      'Op elk blad staat de kopregel vast, vet en met een filter; kolommen hebben een leesbare breedte. Getallen zijn getallen (met een vast aantal decimalen), datums zijn datums (lokale tijd).',
    times: 'Tijden',
    timesText: (local, exact) =>
      `${local} zijn echte datums in de lokale tijd van de computer die exporteerde; Excel kent geen tijdzones. Bij de overgang naar wintertijd komt het uur 02:00–03:00 twee keer voor, dus kunnen twee momenten dezelfde tijd krijgen. ${exact} geven daarom hetzelfde moment als tekst in ISO 8601 met de afwijking van UTC (bijvoorbeeld 2026-10-25T02:30:00+01:00): die is altijd eenduidig.`,
    formulas: 'Formules',
    formulasText: 'Tekst uit antwoorden staat als tekst in het bestand en wordt nooit als formule uitgevoerd, ook als die met =, +, - of @ begint.',
    longTexts: 'Lange teksten',
    longTextsText: (marker) =>
      `Een Excel-cel bevat hoogstens 32.767 tekens. Een langere tekst wordt in de werkmap ingekort en eindigt dan op "${marker}", met N de volledige lengte. De CSV-export bevat altijd de hele tekst.`,
  },
  structure: {
    optionLabel: (item, option) => `${item}: ${option}`,
    tickedLabels: ['niet aangekruist', 'aangekruist'],
    optionType: (scale, code, option) => `Meerkeuzevraag, één variabele per antwoord (antwoordschaal ${scale}): ${code} = ${option}`,
    optionMissing: 'Leeg = de vraag is niet beantwoord (niets aangekruist), niet gevraagd in deze meting of niet getoond',
    hiddenMissing:
      'Leeg = niet beantwoord, niet gevraagd in deze meting, of niet getoond omdat de voorwaarde (getoond_als) niet vervuld was; een eerder gegeven antwoord op een vraag die daarna niet meer getoond werd, staat ook als leeg',
    shownWhen: (item, codes) => `Getoond als vraag ${item} = ${codes}`,
    shownWhenTicked: (item, codes) => `Getoond als bij vraag ${item} aangekruist is: ${codes}`,
    or: ' of ',
    notesHidden: 'Vragen die niet altijd getoond worden',
    notesHiddenText:
      'Een vraag met een voorwaarde (kolom getoond_als in het codeboek) krijgt alleen wie het antwoord gaf waar ze van afhangt. Wie de vraag niet kreeg, heeft daar een lege cel, ook als er eerder een antwoord stond (de respondent veranderde daarna het antwoord waar de vraag van afhing). Zo’n antwoord telt nergens mee: niet in de schaalscores, niet in de aantallen en niet in de statistiek. Een schaalscore wordt dan berekend over de getoonde items van de schaal.',
    notesMultiple: 'Meerkeuzevragen (alles aankruisen wat van toepassing is)',
    notesMultipleText:
      'Zo’n vraag staat in de data als één variabele per antwoord, genoemd naar de vraag en de code van het antwoord (co_kanalen_1; een negatieve code als m: _m1): 1 = aangekruist, 0 = niet aangekruist, leeg als de vraag niet beantwoord of niet getoond is.',
  },
};

const en: ExportTerms = {
  sheets: {
    notes: 'Notes',
    long: 'Data_long',
    wide: 'Data_wide',
    scores: 'Scores',
    codebook: 'Codebook',
    descriptives: 'Descriptives',
    comparison: 'Comparison',
    reliability: 'Reliability',
    linking: 'Linking',
  },
  fixed: {
    network: { name: 'network', label: 'Network' },
    wave: { name: 'wave', label: 'Wave (name)' },
    waveKind: { name: 'wave_kind', label: 'Kind of wave (T0, T1, T2 or custom)' },
    respondent: { name: 'respondent', label: 'Respondent code (pseudonym, never a name)' },
    organisation: { name: 'organisation', label: 'Partner organisation in this wave' },
    roleGroup: { name: 'role_group', label: 'Role group (from question ag_rol)' },
    mode: { name: 'mode', label: 'How the questionnaire was filled in' },
    status: { name: 'status', label: 'Questionnaire completed' },
    started: { name: 'started', label: 'Started at (local time)' },
    startedExact: { name: 'started_iso', label: 'Started at, ISO 8601 with UTC offset (unambiguous)' },
    completed: { name: 'completed', label: 'Completed at (local time)' },
    completedExact: { name: 'completed_iso', label: 'Completed at, ISO 8601 with UTC offset (unambiguous)' },
  },
  waveKinds: { T0: 'T0 (baseline)', T1: 'T1 (after 1 year)', T2: 'T2 (after 2 years)', custom: 'Custom wave' },
  statusLabels: { complete: 'Completed', in_progress: 'Not completed' },
  modeLabels: { form: 'Form', kiosk: 'Kiosk mode', paper: 'Paper (entered)', meeting: 'Own phone (meeting)' },
  yes: 'yes',
  no: 'no',
  perWave: {
    organisation: (wave) => `Partner organisation (${wave})`,
    status: (wave) => `Questionnaire completed (${wave})`,
    item: (label, wave) => `${label} (${wave})`,
  },
  scores: {
    score: (label) => `Score ${label} (mean of the answered items)`,
    answered: (label, total) => `Items answered ${label} (of ${total})`,
    prorated: (label) => `Score ${label} over fewer items than the scale has`,
    proratedLabels: ['All items answered', 'Score over part of the items'],
  },
  codebook: {
    headers: {
      variable: 'variable',
      label: 'label',
      question: 'question',
      instrument: 'instrument',
      version: 'version',
      subscale: 'scale',
      type: 'type',
      level: 'level',
      values: 'codes_and_labels',
      notScored: 'not_scored',
      missing: 'missing',
      reverse: 'reverse',
      required: 'required',
      shownWhen: 'shown_when',
      derivation: 'derivation',
      sheet: 'sheet',
      wide: 'in_data_wide',
    },
    types: {
      scale: (scale) => `Scale item (response scale ${scale})`,
      choice: (scale) => `Choice item (categories ${scale})`,
      number: (min, max) => `Number (${min} to ${max})`,
      open: 'Open answer (text)',
      text: 'Text',
      datetime: 'Date and time',
      exactMoment: 'Text: date and time in ISO 8601 with UTC offset',
      code: 'Code',
      score: 'Scale score (derived)',
      count: 'Count (derived)',
      flag: 'Flag 0/1 (derived)',
      method: 'Method',
    },
    levels: { nominal: 'nominal', ordinal: 'ordinal', scale: 'interval/ratio' },
    missingBlank: 'Empty = not answered or not asked in this wave',
    missingNotScored: (codes) => `${codes} = not scored (not counted in scores)`,
    scoreDerivation: (items, share, needed, total, reverse) =>
      `Mean of the scored answers to ${items}; only when at least ${Math.round(share * 100)}% (${needed} of ${total}) are answered, otherwise empty. Not-scored codes and empty answers do not count.${reverse}`,
    reversed: (item, formula) => ` ${item} is reverse-scored (${formula}).`,
    answeredDerivation: (subscale) => `Number of scored answers to the items of ${subscale}.`,
    proratedDerivation: (subscale) => `1 when the score ${subscale} is computed over fewer items than the scale has, 0 when all items are answered, empty without a score.`,
    roleDerivation: 'The answer to question ag_rol (Background) in the same wave.',
    localTimeDerivation: (exact) =>
      `Local time of the computer that exported, as a real date and time (Excel has no time zones). At the change to winter time 02:00–03:00 happens twice; ${exact} names the moment unambiguously.`,
    exactMomentDerivation: (local) =>
      `The same moment as ${local}, as text in ISO 8601 with the offset from UTC: 2026-10-25T02:30:00+02:00 and an hour later 2026-10-25T02:30:00+01:00 are two moments with the same local time.`,
    openLeftOut: 'Open answers are left out (not ticked when exporting).',
  },
  stats: {
    network: 'network',
    instrument: 'instrument',
    level: 'level',
    levelScale: 'scale',
    levelItem: 'item',
    id: 'variable',
    label: 'label',
    wave: 'wave',
    n: 'n',
    mean: 'mean',
    sd: 'sd',
    ciLow: 'ci95_low',
    ciHigh: 'ci95_high',
    median: 'median',
    q1: 'q1',
    q3: 'q3',
    missing: 'empty',
    declined: 'not_scored',
    shareAgree: 'share_agree',
    suppressed: 'suppressed',
    note: 'note',
    suppressedNote: (min) => `Too few answers to show (fewer than ${min})`,
    reversedNote: 'Reverse-keyed: mean, sd, median and quartiles after reversal; share_agree of the raw answers.',
    baseline: 'baseline',
    followUp: 'follow_up',
    method: 'method',
    methodAll: 'everyone (main comparison; matched people as pairs)',
    methodPaired: 'matched only (same respondents)',
    methodIndependent: 'leavers versus joiners (baseline only versus follow-up only)',
    nBaseline: 'n_baseline',
    nFollowUp: 'n_follow_up',
    meanDiff: 'difference',
    test: 'test',
    statistic: 'statistic',
    df: 'df',
    p: 'p',
    rankTest: 'rank_test',
    rankStatistic: 'rank_statistic',
    pRank: 'p_rank_test',
    rankMethod: 'rank_method',
    effectName: 'effect_measure',
    effect: 'effect',
    rankBiserial: 'rank_biserial',
    tooSmall: 'too_small',
    exploratory: 'exploratory',
    tests: { partialOverlap: 'partially overlapping samples t-test (Derrick et al. 2017)', pairedT: 'paired t-test', welch: 'Welch t-test', wilcoxon: 'Wilcoxon (V)', mannWhitney: 'Mann-Whitney (W)', dz: 'Cohen d_z' },
    rankMethods: { exact: 'exact', normal: 'normal approximation' },
    alpha: 'alpha',
    alphaN: 'n_complete',
    items: 'items',
    smallSample: 'small_sample',
    constantItems: 'items_without_variance',
    alphaUnavailable: 'not_computable',
    alphaReasons: {
      'too-small': 'fewer complete answers than the minimum group size',
      'too-few-items': 'fewer than two items',
      'too-few-respondents': 'fewer than two complete answers',
      'no-variance': 'fewer than two items with different answers',
    },
    matched: 'matched',
    tolerant: 'of_which_approximate',
    proposals: 'proposed_links',
    rejected: 'rejected_links',
    unmatchedBaseline: 'baseline_only',
    unmatchedFollowUp: 'follow_up_only',
    unavailable: (what, message) => `No statistics for ${what}: ${message}`,
    notices: {
      'not-in-both': (p) => `${p.itemId === undefined ? 'This scale' : 'This question'} is not in both waves (another version of the questionnaire); not compared.`,
      'scale-changed': () => 'The questions of this scale differ between the waves (another version of the questionnaire); compare with care.',
      'too-small': (p) => `${p.n === undefined ? 'Too few completed questionnaires' : `There are ${p.n} completed questionnaires`}, fewer than ${p.min}: to protect the respondents the results are not shown.`,
      'no-waves': () => 'There are no waves with this questionnaire.',
      'instrument-not-in-wave': () => 'This questionnaire was not used in one of the waves.',
      'no-responses': () => 'One of the waves has no completed questionnaires yet.',
      'single-respondent': () => 'One of the waves has only one completed questionnaire; the answers of one person are not shown as a result.',
      'all-declined': () => 'All answers are ‘don’t know / n/a’; no score can be computed.',
      'no-scores': () => 'No respondent answered enough questions of this scale to compute a score.',
      'instrument-changed': (p) => `The questionnaire changed between the waves (version per wave: ${p.versions}).`,
      'alpha-small-n': (p) => `Cronbach's alpha rests on fewer than ${p.threshold} respondents and is therefore uncertain.`,
      'breakdown-unavailable': () => 'No breakdown: the Background questionnaire was not used in these waves.',
      'tolerant-matches': (p) => `${p.count} respondents linked after a researcher's decision (self-made codes that differ in one element).`,
      'link-proposals': (p) => `${p.count} possible links await a decision; until then those respondents count in no comparison.`,
    },
    noticeGeneric: 'Not all results could be computed or shown.',
  },
  methods: {
    completedOnly: {
      topic: 'Which questionnaires count',
      text: 'Only completed questionnaires (status = 1) count in the statistics: the dashboard and the sheets Descriptives, Comparison, Reliability and Linking. Unfinished questionnaires are in the data (Data_long, Data_wide, Scores and the CSV) with status 0 = Not completed; their scores are computed over what they answered. Filter on status = 1 to get the same group as the statistics.',
    },
    linking: {
      topic: 'Linking waves',
      text: 'Respondents are linked between waves by their respondent code, never by name. Exactly equal codes are linked automatically. Self-made codes that differ in one element are linked only when a researcher has confirmed the link (of_which_approximate in the Linking sheet). While a possible link awaits a decision, those two respondents count in no comparison (proposed_links); a rejected link counts as two different people (rejected_links).',
    },
    comparison: {
      topic: 'Comparing waves',
      text: 'Main comparison: everyone who completed the baseline or the follow-up, with the matched respondents as pairs: the partially overlapping samples t-test of Derrick, Russ, Toher & White (2017), in its unequal-variance form. Details: the matched only (paired t-test and Wilcoxon signed-rank test) and leavers versus joiners, that is baseline only versus follow-up only (Welch t-test and Mann-Whitney test).',
    },
    ties: {
      topic: 'Rank tests and ties',
      text: 'For the Wilcoxon and Mann-Whitney tests the values are first rounded to 10 significant digits and then ranked, as R does with digits.rank = 10: values that differ only by rounding in the computer count as equal and get the mean rank. With ties (and for Wilcoxon also with zero differences) the p-value is, as in R, the normal approximation (rank_method).',
    },
    alpha: {
      topic: "Reliability (Cronbach's alpha)",
      text: "Cronbach's alpha is raw_alpha of psych::alpha in R, over the respondents who answered every item of the scale (complete cases; \"don't know / n/a\" counts as not answered), with reverse-keyed items already reversed. Items without variance (everyone gave the same answer) are left out first, as psych does; their number is in items_without_variance.",
    },
    reverse: {
      topic: 'Reverse-keyed items',
      text: 'For a reverse-keyed item (reverse = yes in the codebook) agreeing with the statement means a worse situation. Scores are after reversal (lowest + highest code − code; on 1 to 5, 1 becomes 5): the scale scores, the item’s mean, sd, median and quartiles (Descriptives) and the differences (Comparison). The data (Data_long, Data_wide, the CSV), the distribution of the answers and share_agree are of the raw answers, as given. The dashboard follows the same rule and says ‘after reversal’ or ‘raw answers’ at such an item.',
    },
  },
  cellShortened: (length) => `… [shortened: ${length} characters]`,
  notes: {
    headers: { topic: 'topic', value: 'value', explanation: 'explanation' },
    title: 'File',
    titleValue: 'Netwerkspiegel: export of answers and results',
    exportedAt: 'Exported at',
    appVersion: 'Netwerkspiegel version',
    networks: 'Number of networks',
    network: (name) => `Network: ${name}`,
    minGroupSize: 'Minimum group size',
    minGroupSizeExplanation: 'Groups with fewer answers are not shown (suppressed) in the statistics sheets, to protect anonymity.',
    wave: (label) => `Wave ${label}`,
    waveValue: (kind, started, complete) => `${kind}; ${started} started, ${complete} completed`,
    waveDate: 'Planned date',
    instrument: (name, version) => `Instrument: ${name} (version ${version})`,
    attribution: 'Source',
    licence: 'Licence',
    dutchOnly: 'Language',
    dutchOnlyText: 'This instrument is in Dutch only: its name, questions, labels and answer labels in this file are in Dutch.',
    values: 'Answers as',
    valuesCodes: 'Codes (labels are in the codebook)',
    valuesLabels: 'Labels (the answer text; codes are in the codebook)',
    openAnswers: 'Open answers',
    openIncluded: 'Included. Note: open answers may contain names or other identifying details.',
    openExcluded: 'Left out.',
    privacy: 'Privacy',
    privacyText:
      'The files contain respondent codes (pseudonyms) only, never names; the code list or any key is not included. Pseudonymised data are still personal data (GDPR): store and share them with care.',
    exploratory: 'Comparisons',
    exploratoryText: 'With networks this small, tests are exploratory: look at the differences and their confidence intervals, not only at p-values.',
    sheet: 'Sheet',
    sheetTexts: {
      long: 'One row per respondent code per wave: network, organisation, role group, wave, mode, completion, then every question.',
      wide: 'One row per respondent code per network; questions suffixed with the wave (for example ks_amb_01_t0).',
      scores: 'Scale and condition scores per questionnaire, with the number of items answered and whether the score is over part of the items.',
      codebook: 'Per variable: question text, instrument and version, scale, type, codes and labels, not-scored and missing codes, reverse keying and derivation.',
      descriptives: 'Per wave and scale (and per question): n, mean, sd, 95% confidence interval; small groups suppressed. The same numbers as the dashboard.',
      comparison: 'Baseline versus each follow-up: per scale and question the main comparison and two details (see Comparing waves), with differences, intervals, p-values and effect sizes.',
      reliability: "Cronbach's alpha per scale and wave, with the number of respondents who answered all items.",
      linking:
        'How many respondent codes are matched between waves (of which self-made codes with one difference that a researcher confirmed as the same person), how many proposed links still await a decision (they are in no test), how many were rejected, and how many codes appear in one wave only.',
    },
    layout: 'Layout',
    layoutText:
      'On every sheet the header row is frozen, bold and has a filter; columns have a readable width. Numbers are numbers (with a fixed number of decimals), dates are dates (local time).',
    times: 'Times',
    timesText: (local, exact) =>
      `${local} are real dates in the local time of the computer that exported; Excel has no time zones. At the change to winter time the hour 02:00–03:00 happens twice, so two moments can get the same time. ${exact} therefore give the same moment as text in ISO 8601 with the offset from UTC (for example 2026-10-25T02:30:00+01:00), which is always unambiguous.`,
    formulas: 'Formulas',
    formulasText: 'Text from answers is stored as text and is never run as a formula, even when it starts with =, +, - or @.',
    longTexts: 'Long texts',
    longTextsText: (marker) =>
      `An Excel cell holds at most 32,767 characters. A longer text is shortened in the workbook and then ends with "${marker}", N being the full length. The CSV export always has the whole text.`,
  },
  structure: {
    optionLabel: (item, option) => `${item}: ${option}`,
    tickedLabels: ['not ticked', 'ticked'],
    optionType: (scale, code, option) => `Multiple choice, one variable per option (answer scale ${scale}): ${code} = ${option}`,
    optionMissing: 'Empty = the question was not answered (nothing ticked), not asked in this wave, or not shown',
    hiddenMissing:
      'Empty = not answered, not asked in this wave, or not shown because its condition (shown_when) was not met; an answer given earlier to a question that was no longer shown afterwards is empty as well',
    shownWhen: (item, codes) => `Shown when question ${item} = ${codes}`,
    shownWhenTicked: (item, codes) => `Shown when at question ${item} is ticked: ${codes}`,
    or: ' or ',
    notesHidden: 'Questions that are not always shown',
    notesHiddenText:
      'A question with a condition (column shown_when in the codebook) is asked only of those who gave the answer it depends on. Whoever did not get the question has an empty cell there, also when an answer was stored before (the respondent then changed the answer it depended on). Such an answer counts nowhere: not in the scale scores, not in the counts and not in the statistics. A scale score is then computed over the scale’s items that were shown.',
    notesMultiple: 'Multiple choice (tick all that apply)',
    notesMultipleText:
      'Such a question is in the data as one variable per option, named after the question and the option’s code (co_kanalen_1; a negative code as m: _m1): 1 = ticked, 0 = not ticked, empty when the question was not answered or not shown.',
  },
};

export const EXPORT_TERMS: Record<Locale, ExportTerms> = { nl, en };
