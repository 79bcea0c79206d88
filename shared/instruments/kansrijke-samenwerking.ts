import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Kansrijke samenwerking*: the five conditions and twenty indicators of Kaats & Opheij (2014),
 * as statements written by the Netwerkspiegel team from the indicator definitions. The model is
 * attributed; no book text is reproduced.
 */

type Indicator = { label: [string, string]; text: [string, string] };
type Condition = { code: string; label: [string, string]; intro: [string, string]; indicators: Indicator[] };

const conditions: Condition[] = [
  {
    code: 'amb',
    label: ['Gedeelde ambitie', 'Shared ambition'],
    intro: ['Over wat de partners samen willen bereiken.', 'About what the partners want to achieve together.'],
    indicators: [
      { label: ['Mate van gedeeldheid', 'Degree of sharing'], text: ['De partners in ons netwerk streven dezelfde ambitie na.', 'The partners in our network pursue the same ambition.'] },
      { label: ['Aantrekkingskracht', 'Appeal'], text: ['De gezamenlijke ambitie is voor de partners waardevol genoeg om zich ervoor in te zetten.', 'The joint ambition is valuable enough for the partners to commit to it.'] },
      { label: ['Samenwerkingsstrategie', 'Collaboration strategy'], text: ['De gezamenlijke ambitie helpt de partners ook bij hun eigen doelen.', 'The joint ambition also helps the partners reach their own goals.'] },
      { label: ['Persoonlijke betekenis', 'Personal meaning'], text: ['De ambitie betekent persoonlijk iets voor de mensen die het netwerk trekken.', 'The ambition means something personally to the people who lead the network.'] },
    ],
  },
  {
    code: 'bel',
    label: ['Recht doen aan belangen', 'Doing justice to interests'],
    intro: ['Over de belangen van de partners en wat de samenwerking hen oplevert.', 'About the partners\u2019 interests and what the collaboration brings them.'],
    indicators: [
      { label: ['Oprechte interesse', 'Genuine interest'], text: ['Partners tonen oprechte belangstelling voor elkaars belangen.', 'Partners show genuine interest in each other\u2019s interests.'] },
      { label: ['Waardecreatie', 'Value creation'], text: ['De samenwerking levert elke partner iets van waarde op.', 'The collaboration creates something of value for every partner.'] },
      { label: ['Onderhandelingsruimte en -bereidheid', 'Room and willingness to negotiate'], text: ['Partners zijn bereid met elkaar te onderhandelen en water bij de wijn te doen.', 'Partners are willing to negotiate with each other and to compromise.'] },
      { label: ['Kwaliteit van de dialoog', 'Quality of dialogue'], text: ['Partners praten open en eerlijk met elkaar over hun belangen.', 'Partners talk openly and honestly with each other about their interests.'] },
    ],
  },
  {
    code: 'per',
    label: ['Goed persoonlijk samenwerken', 'Good personal collaboration'],
    intro: ['Over de mensen die samenwerken en de relaties tussen hen.', 'About the people who collaborate and the relationships between them.'],
    indicators: [
      { label: ['Vermogen tot verbinden', 'Ability to connect'], text: ['De betrokkenen kunnen goed contact leggen met mensen uit andere organisaties.', 'The people involved are good at connecting with people from other organisations.'] },
      { label: ['Kwaliteit groepsprocessen', 'Quality of group processes'], text: ['De manier waarop we als groep met elkaar omgaan, versterkt de samenwerking.', 'The way we interact as a group strengthens the collaboration.'] },
      { label: ['Vertrouwen', 'Trust'], text: ['Partners vertrouwen elkaar en werken actief aan dat vertrouwen.', 'Partners trust each other and actively build that trust.'] },
      { label: ['Verbindend leiderschap', 'Connective leadership'], text: ['Er is leiderschap in het netwerk dat door de partners wordt gegund en dat zichtbaar wordt getoond.', 'There is leadership in the network that the partners accept and that is visibly shown.'] },
    ],
  },
  {
    code: 'org',
    label: ['Professioneel organiseren', 'Professional organisation'],
    intro: ['Over de structuur, de afspraken en de resultaten van het netwerk.', 'About the structure, the agreements and the results of the network.'],
    indicators: [
      { label: ['Effectiviteit', 'Effectiveness'], text: ['De structuur en de aansturing van het netwerk passen bij de doelen van de partners.', 'The structure and governance of the network fit the partners\u2019 goals.'] },
      { label: ['Draagvlak', 'Support'], text: ['Partners doen actief mee en hebben daarvoor de steun van hun eigen organisatie of achterban.', 'Partners take an active part and have the backing of their own organisation or constituency.'] },
      { label: ['Daadkracht', 'Decisiveness'], text: ['Het netwerk bereikt de resultaten die we ons hebben voorgenomen.', 'The network achieves the results we set out to achieve.'] },
      { label: ['Hygi\u00ebne in afspraken', 'Discipline in agreements'], text: ['Afspraken in het netwerk zijn duidelijk en worden nagekomen.', 'Agreements in the network are clear and are kept.'] },
    ],
  },
  {
    code: 'pro',
    label: ['Betekenisgevend proces', 'Meaningful process'],
    intro: ['Over hoe het samenwerkingsproces verloopt en wordt geregisseerd.', 'About how the collaboration process runs and is directed.'],
    indicators: [
      { label: ['Fasering en timing', 'Phasing and timing'], text: ['De stappen in de samenwerking zijn goed doordacht en op het juiste moment gezet.', 'The steps in the collaboration are well thought out and taken at the right moment.'] },
      { label: ['Balans tussen inhoud en proces', 'Balance between content and process'], text: ['Er is een goed evenwicht tussen aandacht voor de inhoud en aandacht voor het samenwerkingsproces.', 'There is a good balance between attention for content and attention for the collaboration process.'] },
      { label: ['Rolverdeling en procesregie', 'Roles and process direction'], text: ['Het is duidelijk wie welke rol heeft en wie het proces regisseert.', 'It is clear who has which role and who directs the process.'] },
      { label: ['Proceskwaliteit en proceseffectiviteit', 'Process quality and effectiveness'], text: ['We letten op de kwaliteit van het samenwerkingsproces, zodat onze ambities ook echt worden waargemaakt.', 'We pay attention to the quality of the collaboration process, so that our ambitions are actually realised.'] },
    ],
  },
];

const lt = ([nl, en]: [string, string]) => ({ nl, en });
const itemId = (code: string, i: number) => `ks_${code}_${String(i + 1).padStart(2, '0')}`;

const agreementLabels: [string, string][] = [
  ['Helemaal oneens', 'Strongly disagree'],
  ['Oneens', 'Disagree'],
  ['Neutraal', 'Neutral'],
  ['Eens', 'Agree'],
  ['Helemaal eens', 'Strongly agree'],
];

/** Code for "weet niet / n.v.t.": stored, shown in the codebook, never scored. */
export const DONT_KNOW_CODE = 9;

const definition: InstrumentDefinitionInput = {
  id: 'kansrijke-samenwerking',
  version: 1,
  name: { nl: 'Kansrijke samenwerking', en: 'Promising collaboration' },
  description: {
    nl: 'Twintig uitspraken over de vijf condities voor kansrijke samenwerking in netwerken, plus een rapportcijfer en twee open vragen.',
    en: 'Twenty statements on the five conditions for promising collaboration in networks, plus an overall grade and two open questions.',
  },
  attribution: {
    nl: 'Gebaseerd op het model van vijf condities en twintig indicatoren van E. Kaats en W. Opheij (2014), Creating conditions for promising collaboration. Uitspraken in eigen woorden geformuleerd door het Netwerkspiegel-team.',
    en: 'Based on the model of five conditions and twenty indicators by E. Kaats and W. Opheij (2014), Creating conditions for promising collaboration. Statements written in its own words by the Netwerkspiegel team.',
  },
  licence: {
    nl: 'De uitspraken mogen vrij worden gebruikt met bronvermelding van het model.',
    en: 'The statements may be used freely, citing the model.',
  },
  scales: [
    {
      id: 'eens5',
      options: agreementLabels.map((label, i) => ({ code: i + 1, label: lt(label) })),
      notScored: [{ code: DONT_KNOW_CODE, label: { nl: 'Weet niet / n.v.t.', en: 'Don\u2019t know / not applicable' } }],
    },
  ],
  items: [
    ...conditions.flatMap((c) =>
      c.indicators.map((ind, i) => ({
        id: itemId(c.code, i),
        type: 'scale' as const,
        text: lt(ind.text),
        label: lt(ind.label),
        scale: 'eens5',
      })),
    ),
    {
      id: 'ks_cijfer',
      type: 'number',
      text: { nl: 'Welk rapportcijfer (1 tot en met 10) geeft u de samenwerking in het netwerk?', en: 'What grade (1 to 10) would you give the collaboration in the network?' },
      label: { nl: 'Rapportcijfer', en: 'Overall grade' },
      min: 1,
      max: 10,
    },
    {
      id: 'ks_open_goed',
      type: 'open',
      text: { nl: 'Wat gaat er goed in de samenwerking?', en: 'What goes well in the collaboration?' },
      label: { nl: 'Wat gaat goed', en: 'What goes well' },
      maxLength: 2000,
    },
    {
      id: 'ks_open_beter',
      type: 'open',
      text: { nl: 'Wat kan er beter in de samenwerking?', en: 'What could be better in the collaboration?' },
      label: { nl: 'Wat kan beter', en: 'What could be better' },
      maxLength: 2000,
    },
  ],
  subscales: conditions.map((c) => ({
    id: `ks_${c.code}`,
    label: lt(c.label),
    items: c.indicators.map((_, i) => itemId(c.code, i)),
    minAnsweredShare: 0.75,
  })),
  sections: [
    ...conditions.map((c) => ({
      id: `sec_${c.code}`,
      title: lt(c.label),
      intro: lt(c.intro),
      items: c.indicators.map((_, i) => itemId(c.code, i)),
    })),
    {
      id: 'sec_algemeen',
      title: { nl: 'Tot slot', en: 'Finally' },
      items: ['ks_cijfer', 'ks_open_goed', 'ks_open_beter'],
    },
  ],
};

export const kansrijkeSamenwerking = instrumentDefinition.parse(definition);
