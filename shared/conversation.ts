/**
 * *Gesprekspunten*: short prompts for the network's own conversation about its results, of four
 * kinds: a low score, a fall since the first wave, a success to celebrate (a rise, or a high score)
 * and many "weet niet" answers. The theme prompts are grounded in the success and failure factors of
 * Boonstra (2018) as summarised in DOMAIN.md (discuss goals, motives and values explicitly; invest in
 * trust; involve all parties in problem analysis; reflect on relationships; keep personal relations
 * continuous; signal and solve problems early; distinguish power, relation and task problems; make
 * differences in disciplinary thinking explicit; failure through lack of trust, knowledge or
 * communication and unclear goals, form, decision making, investments and returns). They ask
 * questions; they do not diagnose, and they never say how many people something concerns: the
 * point's own numbers say that (`dontKnowShare` puts a share into words).
 *
 * The thresholds are in docs/decisions/2026-12-01-results-summary.md.
 */
import { changeVerdict, positionOnRange, type ChangeInput } from './results-summary';
import type { ConversationPoint, DontKnowShare, PointChange, ScoreRange } from './results';
import type { BilingualText, LocalizedText } from './text';

export interface ThemePrompts {
  /** For an indicator that scores low (or falls). */
  low: BilingualText;
  /** For an indicator that people answered "weet niet" to: a question, with no claim of how many. */
  dontKnow: BilingualText;
}

const t = (nl: string, en: string): BilingualText => ({ nl, en });

/** Prompts per subscale id of the built-in instruments. */
export const THEME_PROMPTS: Readonly<Record<string, ThemePrompts>> = {
  // Kansrijke samenwerking (Kaats & Opheij): the five conditions.
  ks_amb: {
    low: t(
      'Bespreek de doelen en motieven expliciet: wat wil elke partner met dit netwerk bereiken, en wat is het gezamenlijke doel? Een onduidelijk doel is een bekende oorzaak van mislukte samenwerking.',
      'Discuss goals and motives explicitly: what does each partner want to achieve with this network, and what is the shared goal? An unclear goal is a known cause of failed collaboration.',
    ),
    dontKnow: t(
      'Is de gezamenlijke ambitie voor iedereen duidelijk? Wie heeft die geformuleerd, en hoe kunnen alle partners erover meepraten?',
      'Is the shared ambition clear to everyone? Who formulated it, and how can all partners have a say in it?',
    ),
  },
  ks_bel: {
    low: t(
      'Maak de belangen van elke partner bespreekbaar: wat investeert iedereen en wat levert het op? Onduidelijkheid over investeringen en opbrengsten ondermijnt samenwerking.',
      'Make each partner\u2019s interests open to discussion: what does everyone invest and what does it bring them? Unclear investments and returns undermine collaboration.',
    ),
    dontKnow: t(
      'Kunnen de betrokkenen inschatten wat de samenwerking de partners oplevert? Hoe delen de partners wat hun belangen zijn?',
      'Can those involved judge what the collaboration brings the partners? How do partners share what their interests are?',
    ),
  },
  ks_per: {
    low: t(
      'Investeer in vertrouwen en sta samen stil bij de onderlinge relaties: wat gaat goed, wat schuurt? Gaat het om een machts-, relatie- of taakprobleem? Dat vraagt elk een andere aanpak.',
      'Invest in trust and reflect together on the relationships: what goes well, what chafes? Is it a power, relation or task problem? Each needs a different approach.',
    ),
    dontKnow: t(
      'Kennen de betrokkenen elkaar genoeg om dit te beoordelen? Hoe kunnen mensen elkaar vaker en persoonlijker treffen, met continuïteit in wie er aan tafel zit?',
      'Do those involved know each other well enough to judge this? How can people meet more often and more personally, with continuity in who is at the table?',
    ),
  },
  ks_org: {
    low: t(
      'Kijk samen naar de vorm en de besluitvorming: zijn afspraken, rollen en mandaat duidelijk, en worden ze nagekomen? Onduidelijke vorm en besluitvorming zijn bekende faalfactoren.',
      'Look together at the form and decision making: are agreements, roles and mandate clear, and are they kept? An unclear form and decision making are known failure factors.',
    ),
    dontKnow: t(
      'Weet iedereen hoe het netwerk georganiseerd is en wat het bereikt? Hoe worden afspraken en resultaten gedeeld met alle partners en hun achterban?',
      'Does everyone know how the network is organised and what it achieves? How are agreements and results shared with all partners and their constituencies?',
    ),
  },
  ks_pro: {
    low: t(
      'Bespreek hoe het proces loopt: wie regisseert, is er balans tussen inhoud en proces, en worden problemen vroeg gesignaleerd en opgepakt?',
      'Discuss how the process runs: who directs it, is there a balance between content and process, and are problems signalled and tackled early?',
    ),
    dontKnow: t(
      'Kan iedereen volgen hoe het samenwerkingsproces verloopt? Hoe kan het netwerk vaker samen reflecteren en evalueren, zodat iedereen het proces kan volgen?',
      'Can everyone follow how the collaboration process is going? How can the network reflect and evaluate together more often, so that everyone can follow the process?',
    ),
  },
  // Interprofessioneel samenwerken: levels and characteristics.
  ip_ind: {
    low: t(
      'Maak verschillen in disciplinair denken expliciet: wat verstaat elke discipline onder goede zorg, en wat weten we van elkaars rol en deskundigheid?',
      'Make differences in disciplinary thinking explicit: what does each discipline mean by good care, and what do we know of each other\u2019s role and expertise?',
    ),
    dontKnow: t(
      'Kennen de disciplines elkaars werk genoeg om dit te beoordelen? Gebrek aan kennis van elkaar is een bekende faalfactor.',
      'Do the disciplines know each other\u2019s work well enough to judge this? Lack of knowledge of each other is a known failure factor.',
    ),
  },
  ip_tpr: {
    low: t(
      'Bespreek de doelen, het overleg en de omgang met conflicten in het team: worden problemen vroeg gesignaleerd, en is er vertrouwen en respect om ze te benoemen?',
      'Discuss goals, meetings and how conflicts are handled in the team: are problems signalled early, and is there trust and respect to name them?',
    ),
    dontKnow: t(
      'Weet iedereen hoe het teamproces verloopt? Zijn alle betrokkenen bij overleg en evaluatie betrokken?',
      'Does everyone know how the team process is going? Are all involved part of meetings and evaluation?',
    ),
  },
  ip_tst: {
    low: t(
      'Kijk samen naar samenstelling, leiderschap en communicatie: wie hoort er aan tafel, wie neemt de leiding, en hoe delen we informatie?',
      'Look together at composition, leadership and communication: who should be at the table, who leads, and how do we share information?',
    ),
    dontKnow: t(
      'Is voor iedereen duidelijk wie bij het team hoort en wie de leiding heeft?',
      'Is it clear to everyone who belongs to the team and who leads it?',
    ),
  },
  ip_org: {
    low: t(
      'Bespreek wat de organisaties nodig hebben om samenwerking te steunen: mandaat, geld, informatiesystemen en gedeelde doelen. Onduidelijke investeringen en opbrengsten zijn een faalfactor.',
      'Discuss what the organisations need to support the collaboration: mandate, money, information systems and shared goals. Unclear investments and returns are a failure factor.',
    ),
    dontKnow: t(
      'Weten de betrokkenen hoe hun organisatie de samenwerking steunt? Betrek leidinggevenden en bestuurders bij het gesprek.',
      'Do those involved know how their organisation supports the collaboration? Involve managers and directors in the conversation.',
    ),
  },
  ip_com: {
    low: t(
      'Sta samen stil bij wat ieder leert van de samenwerking: hoe reflecteren en evalueren we samen, en wat hebben mensen nodig om te groeien?',
      'Reflect together on what everyone learns from the collaboration: how do we reflect and evaluate together, and what do people need to grow?',
    ),
    dontKnow: t(
      'Kunnen de betrokkenen hun eigen competenties hier inschatten? Hoe kan samen evalueren daarbij helpen?',
      'Can those involved assess their own competencies here? How can evaluating together help?',
    ),
  },
  ip_kenmerk: {
    low: t(
      'Werken we echt samen of vooral naast elkaar? Bespreek welke kenmerken van interprofessioneel werken (gedeelde visie, één zorgplan, gedeelde verantwoordelijkheid) het netwerk wil versterken.',
      'Do we really work together, or mainly side by side? Discuss which characteristics of interprofessional work (shared vision, one care plan, shared responsibility) the network wants to strengthen.',
    ),
    dontKnow: t(
      'Is duidelijk of dit voor het netwerk geldt? Maak zichtbaar hoe er nu wordt samengewerkt, bijvoorbeeld aan de hand van een casus.',
      'Is it clear whether this applies to the network? Make visible how people work together now, for instance by discussing a case.',
    ),
  },
  // MDO-evaluatie: the core of one multidisciplinary meeting.
  mdo_kern: {
    low: t(
      'Bespreek met wie aan tafel zat hoe het MDO beter kan: is het doel vooraf duidelijk, krijgt ieders inbreng ruimte, en gaat iedereen weg met heldere afspraken over wie wat doet?',
      'Discuss with those at the table how the MDO could be better: is its purpose clear beforehand, does everyone get room to contribute, and does everyone leave with clear agreements about who does what?',
    ),
    dontKnow: t(
      'Weten de deelnemers wat er in het MDO besproken en afgesproken wordt? Een korte samenvatting aan het eind kan helpen.',
      'Do the participants know what is discussed and agreed in the MDO? A short summary at the end can help.',
    ),
  },
};

/** For indicators outside the built-in themes (imported instruments). */
export const GENERAL_PROMPTS: ThemePrompts = {
  low: t(
    'Bespreek met alle betrokken partijen wat achter deze lage score zit: is het een probleem van macht, van de relatie of van de taak? Signaleer en pak het vroeg op.',
    'Discuss with all parties involved what lies behind this low score: is it a problem of power, of the relationship or of the task? Signal it and tackle it early.',
  ),
  dontKnow: t(
    'Ontbreekt het aan kennis of communicatie over dit onderwerp? Bespreek hoe informatie hierover alle partners bereikt.',
    'Is knowledge or communication on this subject lacking? Discuss how information on this reaches all partners.',
  ),
};

/** Put before the theme's prompt for a fall: what changed is the first question. */
export const FALL_PROMPT = t(
  'Wat is er sinds de eerste meting veranderd, bijvoorbeeld in wie er aan tafel zit of in de afspraken?',
  'What has changed since the first wave, for instance in who is at the table or in the agreements?',
);

/** For successes: reflect on what works, to learn from it and keep it (Boonstra: reflect on the relationships to learn). */
export const SUCCESS_PROMPTS: Readonly<Record<'rise' | 'high', BilingualText>> = {
  rise: t(
    'Sta samen stil bij wat hier beter is gegaan: wat hebben de partners anders gedaan, en hoe houdt het netwerk dat vast? Vertel het ook aan de achterban.',
    'Reflect together on what went better here: what did the partners do differently, and how does the network keep it up? Tell the constituencies too.',
  ),
  high: t(
    'Dit gaat goed. Wat maakt dat het hier goed gaat, en wat kan het netwerk daarvan meenemen naar de punten die lager scoren?',
    'This goes well. What makes it go well here, and what can the network take from it to the points that score lower?',
  ),
};

export function promptFor(subscaleId: string | null, kind: 'low' | 'fall' | 'dontKnow'): BilingualText {
  const prompts = (subscaleId !== null ? THEME_PROMPTS[subscaleId] : undefined) ?? GENERAL_PROMPTS;
  if (kind === 'dontKnow') return prompts.dontKnow;
  if (kind === 'low') return prompts.low;
  return { nl: `${FALL_PROMPT.nl} ${prompts.low.nl}`, en: `${FALL_PROMPT.en} ${prompts.low.en}` };
}

// --- thresholds -------------------------------------------------------------------------------------

/** A mean below this position on its range is low (3,5 on 1 to 5: below halfway between neutral and agree). */
export const LOW_BELOW = 0.625;
/** A mean from this position on its range is high (4 on 1 to 5: agree, on average). */
export const HIGH_FROM = 0.75;
/** "Weet niet" becomes a conversation point from this share of the people who saw the statement. */
export const DONT_KNOW_FROM = 0.2;

/**
 * A share of "weet niet" in words: below 30% the count itself ("1 van de 7 mensen"); up to 40%
 * "ongeveer een derde"; 40% to 60% "ongeveer de helft"; above 60% "de meesten"; all: "iedereen".
 * The count and the number of people always go with it.
 */
export function dontKnowShare(count: number, seen: number): DontKnowShare {
  if (seen > 0 && count >= seen) return 'all';
  const share = seen > 0 ? count / seen : 0;
  if (share < 0.3) return 'some';
  if (share < 0.4) return 'third';
  if (share <= 0.6) return 'half';
  return 'most';
}

// --- picking ----------------------------------------------------------------------------------------

/**
 * The first of each condition, in the order given: the points of one kind cover several conditions,
 * each with its own question, rather than three indicators of one condition with the same question.
 * Items of no scale are each their own theme.
 */
function onePerTheme<T extends { subscaleId?: string | null; scaleId?: string | null }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const theme = x.subscaleId ?? x.scaleId ?? null;
    if (theme === null) return true;
    if (seen.has(theme)) return false;
    seen.add(theme);
    return true;
  });
}

export interface IndicatorSummary {
  itemId: string;
  label: LocalizedText;
  subscaleId: string | null;
  /** Mean item score in the wave, or null when not shown. */
  mean: number | null;
  /** Lowest and highest possible score, to compare items on different scales. */
  range: ScoreRange | null;
  /** Scored answers, "weet niet" answers, and the respondents who saw the item. */
  n: number;
  declined: number;
  seen: number;
  /** The change over everyone from the baseline to this wave; null when this wave is the baseline. */
  change: (ChangeInput & { baselineWaveId: string }) | null;
}

/**
 * The conversation points of one wave, at most `count` of each kind and at most one per condition
 * in each kind (the first by the order below):
 * - successes: rises (verdict *duidelijk* or *mogelijk hoger*, largest first), then high scores
 *   (from `HIGH_FROM`, highest first) that did not already count as a rise;
 * - falls: verdict *duidelijk* or *mogelijk lager*, largest first;
 * - low scores: below `LOW_BELOW`, lowest first, that did not fall (a fall says more);
 * - much "weet niet": from `DONT_KNOW_FROM` of the people who saw it (at least `minGroupSize`), largest share first.
 * Positions and changes are taken relative to each item's own range, so 3-, 5- and 7-point items
 * compare fairly; ties go by the instrument's order. Successes are always included when there are
 * any, so the list is never only negatives when something went well.
 */
export function pickConversationPoints(indicators: readonly IndicatorSummary[], minGroupSize: number, waveId: string, count = 3): ConversationPoint[] {
  const order = new Map(indicators.map((i, idx) => [i.itemId, idx]));
  const byOrder = (a: IndicatorSummary, b: IndicatorSummary) => order.get(a.itemId)! - order.get(b.itemId)!;
  const width = (i: IndicatorSummary) => Math.max(1e-9, i.range!.max - i.range!.min);
  const scored = indicators.filter((i) => i.range !== null);
  const position = (i: IndicatorSummary) => positionOnRange(i.mean!, i.range!);
  const changeOf = (i: IndicatorSummary): PointChange | null => {
    if (!i.change || i.change.meanDiff === null || !Number.isFinite(i.change.meanDiff)) return null;
    const verdict = changeVerdict(i.change, i.range!);
    if (verdict === 'tooFew') return null;
    return { baselineWaveId: i.change.baselineWaveId, meanDiff: i.change.meanDiff, ciLow: i.change.ciLow, ciHigh: i.change.ciHigh, verdict };
  };
  const changes = new Map(scored.map((i) => [i.itemId, changeOf(i)]));
  const relative = (i: IndicatorSummary) => changes.get(i.itemId)!.meanDiff / width(i);
  const base = (i: IndicatorSummary) => ({ itemId: i.itemId, label: i.label, scaleId: i.subscaleId, waveId });

  const allRises = scored
    .filter((i) => i.mean !== null && ['higher', 'possiblyHigher'].includes(changes.get(i.itemId)?.verdict ?? ''))
    .sort((a, b) => relative(b) - relative(a) || byOrder(a, b));
  const allFalls = scored
    .filter((i) => ['lower', 'possiblyLower'].includes(changes.get(i.itemId)?.verdict ?? ''))
    .sort((a, b) => relative(a) - relative(b) || byOrder(a, b));
  const risen = new Set(allRises.map((i) => i.itemId));
  const fallen = new Set(allFalls.map((i) => i.itemId));
  const highs = scored.filter((i) => i.mean !== null && position(i) >= HIGH_FROM && !risen.has(i.itemId)).sort((a, b) => position(b) - position(a) || byOrder(a, b));
  const lows = scored.filter((i) => i.mean !== null && position(i) < LOW_BELOW && !fallen.has(i.itemId)).sort((a, b) => position(a) - position(b) || byOrder(a, b));
  const dontKnows = indicators
    .filter((i) => i.declined > 0 && i.seen >= minGroupSize && i.declined / i.seen >= DONT_KNOW_FROM)
    .sort((a, b) => b.declined / b.seen - a.declined / a.seen || byOrder(a, b));

  const successes: ConversationPoint[] = onePerTheme([
    ...allRises.map((i): ConversationPoint => ({ ...base(i), kind: 'success', reason: 'rise', mean: i.mean!, range: i.range!, change: changes.get(i.itemId)!, prompt: SUCCESS_PROMPTS.rise })),
    ...highs.map((i): ConversationPoint => ({ ...base(i), kind: 'success', reason: 'high', mean: i.mean!, range: i.range!, change: null, prompt: SUCCESS_PROMPTS.high })),
  ]).slice(0, count);
  const falls = onePerTheme(allFalls).slice(0, count);
  return [
    ...successes,
    ...falls.map((i): ConversationPoint => ({ ...base(i), kind: 'fall', mean: i.mean, range: i.range!, change: changes.get(i.itemId)!, prompt: promptFor(i.subscaleId, 'fall') })),
    ...onePerTheme(lows)
      .slice(0, count)
      .map((i): ConversationPoint => ({ ...base(i), kind: 'low', mean: i.mean!, range: i.range!, prompt: promptFor(i.subscaleId, 'low') })),
    ...onePerTheme(dontKnows)
      .slice(0, count)
      .map((i): ConversationPoint => ({ ...base(i), kind: 'dontKnow', count: i.declined, seen: i.seen, share: dontKnowShare(i.declined, i.seen), prompt: promptFor(i.subscaleId, 'dontKnow') })),
  ];
}
