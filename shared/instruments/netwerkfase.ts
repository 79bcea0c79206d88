import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Netwerkfase*: in which development phase the respondent thinks the network is, after the four
 * phases of Een Sterk Wijknetwerk (verkennen, vormgeven, verdiepen, verankeren). A single choice
 * that is stored and exported, never scored; comparing the answers shows whether partners see the
 * network in the same phase. Help texts in the team's own words.
 */

const DONT_KNOW = 9;

const definition: InstrumentDefinitionInput = {
  id: 'netwerkfase',
  version: 1,
  name: { nl: 'Netwerkfase', en: 'Network phase' },
  description: {
    nl: 'Eén vraag: in welke ontwikkelfase bevindt het netwerk zich volgens de respondent (verkennen, vormgeven, verdiepen of verankeren)?',
    en: 'One question: in which development phase is the network, according to the respondent (explore, shape, deepen or anchor)?',
  },
  attribution: {
    nl: 'Gebaseerd op de vier fasen van een wijknetwerk uit het project Een Sterk Wijknetwerk: burgers, professionals en onderwijs SAMEN! (HAN en Radboudumc). Toelichting in eigen woorden van het Netwerkspiegel-team.',
    en: 'Based on the four phases of a neighbourhood network from the project Een Sterk Wijknetwerk: burgers, professionals en onderwijs SAMEN! (HAN and Radboudumc). Explanations in the Netwerkspiegel team\u2019s own words.',
  },
  licence: {
    nl: 'Vrij te gebruiken met bronvermelding van het fasenmodel.',
    en: 'Free to use, citing the phase model.',
  },
  scales: [
    {
      id: 'fase4',
      options: [
        { code: 1, label: { nl: 'Verkennen', en: 'Explore' } },
        { code: 2, label: { nl: 'Vormgeven', en: 'Shape' } },
        { code: 3, label: { nl: 'Verdiepen', en: 'Deepen' } },
        { code: 4, label: { nl: 'Verankeren', en: 'Anchor' } },
      ],
      notScored: [{ code: DONT_KNOW, label: { nl: 'Weet ik niet', en: 'I don\u2019t know' } }],
    },
  ],
  items: [
    {
      id: 'nf_fase',
      type: 'choice',
      text: { nl: 'In welke fase bevindt het netwerk zich volgens u?', en: 'In which phase is the network, in your view?' },
      label: { nl: 'Fase van het netwerk', en: 'Phase of the network' },
      scale: 'fase4',
      optionHelp: {
        '1': {
          nl: 'Partners zoeken uit met wie ze willen samenwerken, hoe ze beginnen en op welk thema of doel.',
          en: 'Partners find out with whom they want to work, how to start and on which theme or goal.',
        },
        '2': {
          nl: 'Het netwerk kiest een focus, brengt de wijk of doelgroep in beeld en spreekt af hoe de samenwerking wordt uitgevoerd.',
          en: 'The network chooses a focus, maps the neighbourhood or target group and agrees how the collaboration will be carried out.',
        },
        '3': {
          nl: 'Het netwerk komt tot concrete doelen en acties, houdt de partners betrokken en werkt aan de competenties die nodig zijn.',
          en: 'The network arrives at concrete goals and actions, keeps the partners involved and works on the competencies needed.',
        },
        '4': {
          nl: 'Het netwerk zorgt dat de goede samenwerking blijft, maakt zich toekomstbestendig en legt vast wat werkt.',
          en: 'The network makes sure good collaboration lasts, makes itself future-proof and secures what works.',
        },
        '9': {
          nl: 'Kies dit als u het niet kunt inschatten.',
          en: 'Choose this if you cannot judge it.',
        },
      },
    },
  ],
  subscales: [],
  sections: [
    {
      id: 'sec_fase',
      title: { nl: 'Fase van het netwerk', en: 'Phase of the network' },
      intro: {
        nl: 'Netwerken doorlopen vaak vier fasen. Kies de fase die het best past bij waar het netwerk nu staat.',
        en: 'Networks often go through four phases. Choose the phase that best fits where the network is now.',
      },
      items: ['nf_fase'],
    },
  ],
};

export const netwerkfase = instrumentDefinition.parse(definition);
