/**
 * *Gesprekspunten*: short prompts for the network's own conversation about its results, one pair
 * per condition or theme: for a low score, and for many "weet niet" answers. They are grounded in
 * the success and failure factors of Boonstra (2018) as summarised in DOMAIN.md (discuss goals,
 * motives and values explicitly; invest in trust; involve all parties in problem analysis; reflect
 * on relationships; keep personal relations continuous; signal and solve problems early;
 * distinguish power, relation and task problems; make differences in disciplinary thinking
 * explicit; failure through lack of trust, knowledge or communication and unclear goals, form,
 * decision making, investments and returns). They ask questions; they do not diagnose.
 */
import type { LocalizedText } from './text';

export interface ThemePrompts {
  /** For an indicator that scores low (or falls). */
  low: LocalizedText;
  /** For an indicator that many people cannot judge ("weet niet"). */
  declined: LocalizedText;
}

const t = (nl: string, en: string): LocalizedText => ({ nl, en });

/** Prompts per subscale id of the built-in instruments. */
export const THEME_PROMPTS: Readonly<Record<string, ThemePrompts>> = {
  // Kansrijke samenwerking (Kaats & Opheij): the five conditions.
  ks_amb: {
    low: t(
      'Bespreek de doelen en motieven expliciet: wat wil elke partner met dit netwerk bereiken, en wat is het gezamenlijke doel? Een onduidelijk doel is een bekende oorzaak van mislukte samenwerking.',
      'Discuss goals and motives explicitly: what does each partner want to achieve with this network, and what is the shared goal? An unclear goal is a known cause of failed collaboration.',
    ),
    declined: t(
      'Veel mensen weten niet wat de gezamenlijke ambitie is. Wie heeft die geformuleerd, en hoe kunnen alle partners erover meepraten?',
      'Many people do not know what the shared ambition is. Who formulated it, and how can all partners have a say in it?',
    ),
  },
  ks_bel: {
    low: t(
      'Maak de belangen van elke partner bespreekbaar: wat investeert iedereen en wat levert het op? Onduidelijkheid over investeringen en opbrengsten ondermijnt samenwerking.',
      'Make each partner\u2019s interests open to discussion: what does everyone invest and what does it bring them? Unclear investments and returns undermine collaboration.',
    ),
    declined: t(
      'Veel mensen kunnen niet inschatten wat de samenwerking de partners oplevert. Hoe delen de partners wat hun belangen zijn?',
      'Many people cannot judge what the collaboration brings the partners. How do partners share what their interests are?',
    ),
  },
  ks_per: {
    low: t(
      'Investeer in vertrouwen en sta samen stil bij de onderlinge relaties: wat gaat goed, wat schuurt? Gaat het om een machts-, relatie- of taakprobleem? Dat vraagt elk een andere aanpak.',
      'Invest in trust and reflect together on the relationships: what goes well, what chafes? Is it a power, relation or task problem? Each needs a different approach.',
    ),
    declined: t(
      'Veel mensen kennen de andere betrokkenen nog te weinig om dit te beoordelen. Hoe kunnen mensen elkaar vaker en persoonlijker treffen, met continuïteit in wie er aan tafel zit?',
      'Many people do not know the others well enough yet to judge this. How can people meet more often and more personally, with continuity in who is at the table?',
    ),
  },
  ks_org: {
    low: t(
      'Kijk samen naar de vorm en de besluitvorming: zijn afspraken, rollen en mandaat duidelijk, en worden ze nagekomen? Onduidelijke vorm en besluitvorming zijn bekende faalfactoren.',
      'Look together at the form and decision making: are agreements, roles and mandate clear, and are they kept? An unclear form and decision making are known failure factors.',
    ),
    declined: t(
      'Veel mensen weten niet hoe het netwerk georganiseerd is of wat het bereikt. Hoe worden afspraken en resultaten gedeeld met alle partners en hun achterban?',
      'Many people do not know how the network is organised or what it achieves. How are agreements and results shared with all partners and their constituencies?',
    ),
  },
  ks_pro: {
    low: t(
      'Bespreek hoe het proces loopt: wie regisseert, is er balans tussen inhoud en proces, en worden problemen vroeg gesignaleerd en opgepakt?',
      'Discuss how the process runs: who directs it, is there a balance between content and process, and are problems signalled and tackled early?',
    ),
    declined: t(
      'Veel mensen zien niet hoe het samenwerkingsproces verloopt. Hoe kan het netwerk vaker samen reflecteren en evalueren, zodat iedereen het proces kan volgen?',
      'Many people do not see how the collaboration process is going. How can the network reflect and evaluate together more often, so that everyone can follow the process?',
    ),
  },
  // Interprofessioneel samenwerken: levels and characteristics.
  ip_ind: {
    low: t(
      'Maak verschillen in disciplinair denken expliciet: wat verstaat elke discipline onder goede zorg, en wat weten we van elkaars rol en deskundigheid?',
      'Make differences in disciplinary thinking explicit: what does each discipline mean by good care, and what do we know of each other\u2019s role and expertise?',
    ),
    declined: t(
      'Veel mensen kunnen dit niet beoordelen. Kennen de disciplines elkaars werk genoeg? Gebrek aan kennis van elkaar is een bekende faalfactor.',
      'Many people cannot judge this. Do the disciplines know each other\u2019s work well enough? Lack of knowledge of each other is a known failure factor.',
    ),
  },
  ip_tpr: {
    low: t(
      'Bespreek de doelen, het overleg en de omgang met conflicten in het team: worden problemen vroeg gesignaleerd, en is er vertrouwen en respect om ze te benoemen?',
      'Discuss goals, meetings and how conflicts are handled in the team: are problems signalled early, and is there trust and respect to name them?',
    ),
    declined: t(
      'Veel mensen weten niet hoe het teamproces verloopt. Zijn alle betrokkenen bij overleg en evaluatie betrokken?',
      'Many people do not know how the team process is going. Are all involved part of meetings and evaluation?',
    ),
  },
  ip_tst: {
    low: t(
      'Kijk samen naar samenstelling, leiderschap en communicatie: wie hoort er aan tafel, wie neemt de leiding, en hoe delen we informatie?',
      'Look together at composition, leadership and communication: who should be at the table, who leads, and how do we share information?',
    ),
    declined: t(
      'Veel mensen kunnen de teamstructuur niet beoordelen. Is voor iedereen duidelijk wie erbij hoort en wie de leiding heeft?',
      'Many people cannot judge the team structure. Is it clear to everyone who belongs to it and who leads?',
    ),
  },
  ip_org: {
    low: t(
      'Bespreek wat de organisaties nodig hebben om samenwerking te steunen: mandaat, geld, informatiesystemen en gedeelde doelen. Onduidelijke investeringen en opbrengsten zijn een faalfactor.',
      'Discuss what the organisations need to support the collaboration: mandate, money, information systems and shared goals. Unclear investments and returns are a failure factor.',
    ),
    declined: t(
      'Veel mensen weten niet hoe hun organisatie de samenwerking steunt. Betrek leidinggevenden en bestuurders bij het gesprek.',
      'Many people do not know how their organisation supports the collaboration. Involve managers and directors in the conversation.',
    ),
  },
  ip_com: {
    low: t(
      'Sta samen stil bij wat ieder leert van de samenwerking: hoe reflecteren en evalueren we samen, en wat hebben mensen nodig om te groeien?',
      'Reflect together on what everyone learns from the collaboration: how do we reflect and evaluate together, and what do people need to grow?',
    ),
    declined: t(
      'Veel mensen kunnen hun eigen competenties hier niet inschatten. Hoe kan samen evalueren daarbij helpen?',
      'Many people cannot assess their own competencies here. How can evaluating together help?',
    ),
  },
  ip_kenmerk: {
    low: t(
      'Werken we echt samen of vooral naast elkaar? Bespreek welke kenmerken van interprofessioneel werken (gedeelde visie, één zorgplan, gedeelde verantwoordelijkheid) het netwerk wil versterken.',
      'Do we really work together, or mainly side by side? Discuss which characteristics of interprofessional work (shared vision, one care plan, shared responsibility) the network wants to strengthen.',
    ),
    declined: t(
      'Veel mensen weten niet of dit voor het netwerk geldt. Maak zichtbaar hoe er nu wordt samengewerkt, bijvoorbeeld aan de hand van een casus.',
      'Many people do not know whether this applies to the network. Make visible how people work together now, for instance by discussing a case.',
    ),
  },
};

/** For indicators outside the built-in themes (imported instruments). */
export const GENERAL_PROMPTS: ThemePrompts = {
  low: t(
    'Bespreek met alle betrokken partijen wat achter deze lage score zit: is het een probleem van macht, van de relatie of van de taak? Signaleer en pak het vroeg op.',
    'Discuss with all parties involved what lies behind this low score: is it a problem of power, of the relationship or of the task? Signal it and tackle it early.',
  ),
  declined: t(
    'Veel mensen kunnen dit niet beoordelen. Ontbreekt het aan kennis of communicatie? Bespreek hoe informatie hierover alle partners bereikt.',
    'Many people cannot judge this. Is knowledge or communication lacking? Discuss how information on this reaches all partners.',
  ),
};

export function promptFor(subscaleId: string | null, kind: 'lowest' | 'declined'): LocalizedText {
  const prompts = (subscaleId !== null ? THEME_PROMPTS[subscaleId] : undefined) ?? GENERAL_PROMPTS;
  return kind === 'lowest' ? prompts.low : prompts.declined;
}

export interface IndicatorSummary {
  itemId: string;
  label: LocalizedText;
  subscaleId: string | null;
  /** Mean item score, or null when not shown. */
  mean: number | null;
  /** Lowest and highest possible score, to compare items on different scales. */
  range: [number, number] | null;
  /** Scored answers, "weet niet" answers, and the respondents who saw the item. */
  n: number;
  declined: number;
  seen: number;
}

export interface PickedPoint {
  kind: 'lowest' | 'declined';
  itemId: string;
  label: LocalizedText;
  value: number;
  prompt: LocalizedText;
}

/**
 * The `count` lowest-scoring indicators (by position on their own scale, so 3-point and 5-point
 * items compare fairly) and the `count` most declined ones, each with its prompt. Indicators whose
 * numbers are not shown (suppressed) or who were seen by fewer than `minGroupSize` people are left out.
 */
export function pickConversationPoints(indicators: readonly IndicatorSummary[], minGroupSize: number, count = 3): PickedPoint[] {
  const position = (i: IndicatorSummary) => (i.range && i.range[1] > i.range[0] ? (i.mean! - i.range[0]) / (i.range[1] - i.range[0]) : i.mean!);
  const lowest = indicators
    .filter((i) => i.mean !== null && i.range !== null)
    .sort((a, b) => position(a) - position(b) || a.itemId.localeCompare(b.itemId))
    .slice(0, count)
    .map((i) => ({ kind: 'lowest' as const, itemId: i.itemId, label: i.label, value: i.mean!, prompt: promptFor(i.subscaleId, 'lowest') }));
  const declined = indicators
    .filter((i) => i.declined > 0 && i.seen >= minGroupSize)
    .map((i) => ({ i, share: i.declined / i.seen }))
    .sort((a, b) => b.share - a.share || a.i.itemId.localeCompare(b.i.itemId))
    .slice(0, count)
    .map(({ i, share }) => ({ kind: 'declined' as const, itemId: i.itemId, label: i.label, value: share, prompt: promptFor(i.subscaleId, 'declined') }));
  return [...lowest, ...declined];
}
