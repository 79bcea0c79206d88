import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Achtergrond*: a few background questions for breaking results down by group. The categories
 * are deliberately coarse, so that in a small network no single person can be picked out by
 * their answers; every question can be declined. Choices are stored and exported, never scored.
 * The partner organisation is not asked here: it is chosen from the network's own list when a
 * response starts.
 */

/**
 * Version 1 stays exactly as it was first shipped: waves that used it keep it (a version in use is
 * frozen), and laptops compare stored definitions when study files are merged. Version 2 adds the
 * governance body question; new waves get it.
 */

/** Declining to answer: stored and listed as a missing code in the codebook. */
const DECLINED = 9;
const NOT_APPLICABLE = 8;

const declined = { code: DECLINED, label: { nl: 'Zeg ik liever niet', en: 'I\u2019d rather not say' } };

const definition: InstrumentDefinitionInput = {
  id: 'achtergrond',
  version: 1,
  name: { nl: 'Achtergrond', en: 'Background' },
  description: {
    nl: 'Drie vragen over de respondent (rol, discipline, hoe lang betrokken) in grove categorieën, om resultaten per groep te kunnen bekijken zonder dat iemand herkenbaar wordt.',
    en: 'Three questions about the respondent (role, discipline, how long involved) in coarse categories, so results can be viewed by group without anyone becoming identifiable.',
  },
  attribution: {
    nl: 'Categorieën samengesteld door het Netwerkspiegel-team op basis van de betrokkenen in zorg- en welzijnsnetwerken (professionals, leidinggevenden en bestuurders, beleidsmedewerkers, vrijwilligers, bewoners en mantelzorgers).',
    en: 'Categories compiled by the Netwerkspiegel team from the people involved in care and welfare networks (professionals, managers and directors, policy staff, volunteers, residents and informal carers).',
  },
  licence: {
    nl: 'Vrij te gebruiken.',
    en: 'Free to use.',
  },
  scales: [
    {
      id: 'rolgroep',
      options: [
        { code: 1, label: { nl: 'Professional (zorg of welzijn)', en: 'Professional (care or welfare)' } },
        { code: 2, label: { nl: 'Leidinggevende of bestuurder', en: 'Manager or director' } },
        { code: 3, label: { nl: 'Beleidsmedewerker (gemeente, zorgverzekeraar of organisatie)', en: 'Policy officer (municipality, insurer or organisation)' } },
        { code: 4, label: { nl: 'Vrijwilliger', en: 'Volunteer' } },
        { code: 5, label: { nl: 'Bewoner of mantelzorger', en: 'Resident or informal carer' } },
        { code: 6, label: { nl: 'Anders', en: 'Other' } },
      ],
      notScored: [declined],
    },
    {
      id: 'discipline',
      options: [
        { code: 1, label: { nl: 'Medisch (bijvoorbeeld huisarts, specialist ouderengeneeskunde)', en: 'Medical (for example GP, elderly-care physician)' } },
        {
          code: 2,
          label: {
            nl: 'Verpleging en verzorging (bijvoorbeeld wijkverpleegkundige, praktijkondersteuner, casemanager)',
            en: 'Nursing and care (for example district nurse, practice nurse, case manager)',
          },
        },
        { code: 3, label: { nl: 'Therapie (bijvoorbeeld fysio-, ergo- of logotherapie)', en: 'Therapy (for example physio-, occupational or speech therapy)' } },
        {
          code: 4,
          label: {
            nl: 'Sociaal werk en welzijn (bijvoorbeeld welzijnswerk, sociaal team, Wmo-consulent)',
            en: 'Social work and welfare (for example welfare work, social team, Wmo consultant)',
          },
        },
        { code: 5, label: { nl: 'Andere discipline', en: 'Other discipline' } },
      ],
      notScored: [
        { code: NOT_APPLICABLE, label: { nl: 'Niet van toepassing', en: 'Not applicable' } },
        declined,
      ],
    },
    {
      id: 'jaren',
      options: [
        { code: 1, label: { nl: 'Korter dan 1 jaar', en: 'Less than 1 year' } },
        { code: 2, label: { nl: '1 tot 3 jaar', en: '1 to 3 years' } },
        { code: 3, label: { nl: '3 tot 5 jaar', en: '3 to 5 years' } },
        { code: 4, label: { nl: '5 jaar of langer', en: '5 years or more' } },
      ],
      notScored: [declined],
    },
  ],
  items: [
    {
      id: 'ag_rol',
      type: 'choice',
      text: { nl: 'In welke rol bent u vooral bij het netwerk betrokken?', en: 'In which role are you mainly involved in the network?' },
      label: { nl: 'Rol', en: 'Role' },
      scale: 'rolgroep',
    },
    {
      id: 'ag_discipline',
      type: 'choice',
      text: {
        nl: 'Als u als professional werkt: tot welke groep disciplines behoort u?',
        en: 'If you work as a professional: which group of disciplines do you belong to?',
      },
      label: { nl: 'Discipline', en: 'Discipline' },
      scale: 'discipline',
      optionHelp: {
        [String(NOT_APPLICABLE)]: {
          nl: 'Bijvoorbeeld als u vrijwilliger, bewoner of mantelzorger bent.',
          en: 'For example if you are a volunteer, resident or informal carer.',
        },
      },
    },
    {
      id: 'ag_jaren',
      type: 'choice',
      text: { nl: 'Hoe lang bent u al bij het netwerk betrokken?', en: 'How long have you been involved in the network?' },
      label: { nl: 'Jaren betrokken', en: 'Years involved' },
      scale: 'jaren',
    },
  ],
  subscales: [],
  sections: [
    {
      id: 'sec_achtergrond',
      title: { nl: 'Over uzelf', en: 'About yourself' },
      intro: {
        nl: 'De keuzes zijn bewust grof, zodat niemand aan de antwoorden te herkennen is. Elke vraag mag u overslaan.',
        en: 'The choices are deliberately coarse, so that no one can be recognised from the answers. You may skip any question.',
      },
      items: ['ag_rol', 'ag_discipline', 'ag_jaren'],
    },
  ],
};

/** The first version: role, discipline, years involved. Only for waves that already use it. */
export const achtergrondVersion1 = instrumentDefinition.parse(definition);

/**
 * The governance bodies of a network (DOMAIN.md, *Network structure*). The app has no
 * multiple-choice questions, so this is a single choice: the body where the respondent is most
 * active (docs/decisions/2026-12-01-breakdowns.md).
 */
const governanceBodies = {
  id: 'overleg',
  options: [
    { code: 1, label: { nl: 'Stuurgroep / algemeen bestuur', en: 'Steering group / general board' } },
    { code: 2, label: { nl: 'Dagelijks bestuur', en: 'Executive board' } },
    { code: 3, label: { nl: 'Werkgroep / themagroep', en: 'Working group / theme group' } },
    { code: 4, label: { nl: 'Netwerkgroep', en: 'Network group' } },
    { code: 5, label: { nl: 'Klankbordgroep', en: 'Sounding board group' } },
    { code: 6, label: { nl: 'Geen van deze', en: 'None of these' } },
  ],
  notScored: [declined],
};

const governanceQuestion = {
  id: 'ag_overleg',
  type: 'choice' as const,
  text: {
    nl: 'In welk overleg van het netwerk bent u (vooral) actief? Bent u in meer dan één overleg actief, kies dan het overleg waarin u het meest actief bent.',
    en: 'In which body of the network are you (mainly) active? If you are active in more than one, choose the one in which you are most active.',
  },
  label: { nl: 'Overleg', en: 'Network body' },
  scale: 'overleg',
};

/** The current version: version 1 and the governance body question, asked last so earlier columns keep their place. */
export const achtergrond = instrumentDefinition.parse({
  ...definition,
  version: 2,
  description: {
    nl: 'Vier vragen over de respondent (rol, discipline, hoe lang betrokken, in welk overleg van het netwerk actief) in grove categorieën, om resultaten per groep te kunnen bekijken zonder dat iemand herkenbaar wordt.',
    en: 'Four questions about the respondent (role, discipline, how long involved, which body of the network they are active in) in coarse categories, so results can be viewed by group without anyone becoming identifiable.',
  },
  scales: [...definition.scales, governanceBodies],
  items: [...definition.items, governanceQuestion],
  sections: definition.sections.map((s) => ({ ...s, items: [...s.items, governanceQuestion.id] })),
} satisfies InstrumentDefinitionInput);
