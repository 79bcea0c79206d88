import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Achtergrond*: a few background questions for breaking results down by group. The categories
 * are deliberately coarse, so that in a small network no single person can be picked out by
 * their answers; every question can be declined. Choices are stored and exported, never scored.
 * The partner organisation is not asked here: it is chosen from the network's own list when a
 * response starts.
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

export const achtergrond = instrumentDefinition.parse(definition);
