import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Partnernetwerk*: who works with whom between the partner organisations of the network. Three
 * relation items, each asked once for every partner organisation but the respondent's own: how
 * often they work together, how much the respondent trusts that organisation, and how valuable it
 * is to the network's aim. The dimensions follow the PARTNER tool's idea of a network survey (how
 * often, trust, value); the questions and scales are in the Netwerkspiegel team's own words.
 *
 * Trust and value are asked only about organisations the respondent works with (a frequency above
 * "nooit"): see `relationAskedFor` in shared/instruments/relations.ts.
 */

/** "Ken ik niet / weet niet": stored, never counted. */
export const RELATION_UNKNOWN_CODE = 9;

const unknown = { code: RELATION_UNKNOWN_CODE, label: { nl: 'Ken ik niet / weet niet', en: 'Don\u2019t know them / don\u2019t know' } };
const degree = (nl: string, en: string, code: number) => ({ code, label: { nl, en } });

const definition: InstrumentDefinitionInput = {
  id: 'partnernetwerk',
  version: 1,
  name: { nl: 'Partnernetwerk', en: 'Partner network' },
  description: {
    nl: 'Wie werkt met wie? Per partnerorganisatie: hoe vaak u samenwerkt, hoeveel vertrouwen u in die organisatie hebt en hoe waardevol zij is voor het doel van het netwerk. Samen geven de antwoorden een netwerkkaart.',
    en: 'Who works with whom? For each partner organisation: how often you work together, how much you trust that organisation and how valuable it is to the network\u2019s aim. Together the answers give a network map.',
  },
  attribution: {
    nl: 'Gebaseerd op de gedachte van een netwerkanalyse tussen partners, zoals het PARTNER-instrument (Visible Network Labs) die uitwerkt: frequentie van samenwerking, vertrouwen en waarde. Vragen en antwoordschalen in eigen woorden van het Netwerkspiegel-team.',
    en: 'Based on the idea of a network analysis between partners as the PARTNER tool (Visible Network Labs) works it out: frequency of collaboration, trust and value. Questions and scales in the Netwerkspiegel team\u2019s own words.',
  },
  licence: {
    nl: 'Vrij te gebruiken.',
    en: 'Free to use.',
  },
  scales: [
    {
      id: 'frequentie5',
      options: [
        degree('Nooit', 'Never', 1),
        degree('Een paar keer per jaar', 'A few times a year', 2),
        degree('Maandelijks', 'Monthly', 3),
        degree('Wekelijks', 'Weekly', 4),
        degree('(Bijna) dagelijks', '(Almost) daily', 5),
      ],
      notScored: [unknown],
    },
    {
      id: 'mate4',
      options: [degree('Helemaal niet', 'Not at all', 1), degree('Een beetje', 'A little', 2), degree('Redelijk', 'Fairly', 3), degree('Heel erg', 'Very much', 4)],
      notScored: [unknown],
    },
  ],
  items: [
    {
      id: 'pa_frequentie',
      type: 'relation',
      dimension: 'frequency',
      text: {
        nl: 'Hoe vaak werkt u (of uw organisatie) samen met deze organisatie?',
        en: 'How often do you (or your organisation) work with this organisation?',
      },
      label: { nl: 'Samenwerking: hoe vaak', en: 'Collaboration: how often' },
      scale: 'frequentie5',
    },
    {
      id: 'pa_vertrouwen',
      type: 'relation',
      dimension: 'trust',
      text: {
        nl: 'Hoeveel vertrouwen hebt u in deze organisatie: is zij betrouwbaar en komt zij afspraken na?',
        en: 'How much do you trust this organisation: is it reliable and does it keep its promises?',
      },
      label: { nl: 'Vertrouwen', en: 'Trust' },
      scale: 'mate4',
    },
    {
      id: 'pa_waarde',
      type: 'relation',
      dimension: 'value',
      text: {
        nl: 'Hoe waardevol is deze organisatie voor het doel van het netwerk?',
        en: 'How valuable is this organisation to the network\u2019s aim?',
      },
      label: { nl: 'Waarde voor het netwerk', en: 'Value to the network' },
      scale: 'mate4',
    },
  ],
  subscales: [],
  sections: [
    {
      id: 'sec_partners',
      title: { nl: 'Samenwerking met de partners', en: 'Working with the partners' },
      intro: {
        nl: 'Geef per partnerorganisatie antwoord. Uw eigen organisatie staat er niet bij. Vertrouwen en waarde vragen we alleen voor organisaties waarmee u samenwerkt.',
        en: 'Answer for each partner organisation. Your own organisation is not listed. We ask about trust and value only for organisations you work with.',
      },
      items: ['pa_frequentie', 'pa_vertrouwen', 'pa_waarde'],
    },
  ],
};

export const partnernetwerk = instrumentDefinition.parse(definition);
