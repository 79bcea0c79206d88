import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *MDO-evaluatie*: a short evaluation of one multidisciplinary meeting (*multidisciplinair
 * overleg*, MDO) around a client, asked of everyone at the table (professionals, the client, a
 * family member or informal carer) just before and just after the meeting. Written by the
 * Netwerkspiegel team for this purpose; no published questionnaire is copied.
 *
 * One instrument serves both moments. Its first question says which moment it is (`mdo_moment`):
 * a response begun in an occasion's before or after wave gets that answer filled in already
 * (electron/services/administration/occasions.ts), so the respondent only sees it. Items that make
 * sense only afterwards (the rating and the open question) hang on it with `showWhen`, so every
 * path that shows a questionnaire (kiosk, form, phone, paper) shows the right items without knowing
 * about occasions. The analysis takes the moment from the wave, never from this answer.
 *
 * The five core statements (`mdo_kern`) are worded for everyone and asked at both moments, so a
 * person's before and after can be paired per statement. Two statements say the same thing in the
 * words of each group: one for professionals, one for the client and family (`showWhen` on the
 * role); they are paired too, but are not in the subscale, since nobody answers both.
 */

const DONT_KNOW = 9;
const PROFESSIONAL = 1;
const CLIENT_OR_FAMILY = [2, 3, 4];
const AFTER = 2;

const definition: InstrumentDefinitionInput = {
  id: 'mdo-evaluatie',
  version: 1,
  name: { nl: 'MDO-evaluatie', en: 'MDO evaluation' },
  description: {
    nl: 'Korte evaluatie van een multidisciplinair overleg (MDO), vóór en na het overleg, door professionals en door de cliënt of naaste: vijf kernstellingen die vóór en na worden gepaard, twee stellingen in de woorden van elke groep, en na afloop een rapportcijfer en een open vraag.',
    en: 'A short evaluation of a multidisciplinary meeting (MDO), before and after the meeting, by professionals and by the client or family: five core statements paired before and after, two statements in the words of each group, and afterwards a rating and an open question.',
  },
  attribution: {
    nl: 'Geschreven door het Netwerkspiegel-team voor de evaluatie van MDO\u2019s zoals in het project Een Sterk Wijknetwerk (HAN en Radboudumc); geen bestaande vragenlijst overgenomen.',
    en: 'Written by the Netwerkspiegel team for evaluating MDOs as in the project Een Sterk Wijknetwerk (HAN and Radboudumc); no existing questionnaire copied.',
  },
  licence: {
    nl: 'Vrij te gebruiken.',
    en: 'Free to use.',
  },
  scales: [
    {
      id: 'mdo_moment',
      options: [
        { code: 1, label: { nl: 'Vóór het overleg', en: 'Before the meeting' } },
        { code: AFTER, label: { nl: 'Na het overleg', en: 'After the meeting' } },
      ],
    },
    {
      id: 'mdo_rol',
      options: [
        { code: PROFESSIONAL, label: { nl: 'Professional', en: 'Professional' } },
        { code: 2, label: { nl: 'Cliënt', en: 'Client' } },
        { code: 3, label: { nl: 'Naaste (familielid of vriend)', en: 'Family member or friend' } },
        { code: 4, label: { nl: 'Mantelzorger', en: 'Informal carer' } },
      ],
    },
    {
      id: 'mdo_eens5',
      options: [
        { code: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
        { code: 2, label: { nl: 'Oneens', en: 'Disagree' } },
        { code: 3, label: { nl: 'Niet eens, niet oneens', en: 'Neither agree nor disagree' } },
        { code: 4, label: { nl: 'Eens', en: 'Agree' } },
        { code: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
      ],
      notScored: [{ code: DONT_KNOW, label: { nl: 'Weet ik niet', en: 'I don\u2019t know' } }],
    },
  ],
  items: [
    {
      id: 'mdo_moment',
      type: 'choice',
      required: true,
      text: { nl: 'Vult u dit in vóór of na het overleg?', en: 'Are you filling this in before or after the meeting?' },
      label: { nl: 'Moment', en: 'Moment' },
      scale: 'mdo_moment',
    },
    {
      id: 'mdo_rol',
      type: 'choice',
      required: true,
      text: { nl: 'Hoe bent u bij dit overleg betrokken?', en: 'How are you involved in this meeting?' },
      label: { nl: 'Rol', en: 'Role' },
      scale: 'mdo_rol',
    },
    {
      id: 'mdo_doel',
      type: 'scale',
      text: { nl: 'Het is mij duidelijk waarvoor dit overleg bedoeld is.', en: 'It is clear to me what this meeting is for.' },
      label: { nl: 'Doel duidelijk', en: 'Purpose clear' },
      scale: 'mdo_eens5',
    },
    {
      id: 'mdo_wiewat',
      type: 'scale',
      text: { nl: 'Ik weet wie wat doet in de zorg en ondersteuning die hier besproken wordt.', en: 'I know who does what in the care and support discussed here.' },
      label: { nl: 'Weten wie wat doet', en: 'Knowing who does what' },
      scale: 'mdo_eens5',
    },
    {
      id: 'mdo_inbreng',
      type: 'scale',
      text: { nl: 'Wat ik inbreng, telt mee.', en: 'What I contribute counts.' },
      label: { nl: 'Inbreng telt', en: 'Contribution counts' },
      scale: 'mdo_eens5',
    },
    {
      id: 'mdo_afspraken',
      type: 'scale',
      text: { nl: 'Er zijn duidelijke afspraken over wie wat gaat doen.', en: 'There are clear agreements about who will do what.' },
      label: { nl: 'Duidelijke afspraken', en: 'Clear agreements' },
      scale: 'mdo_eens5',
    },
    {
      id: 'mdo_samen',
      type: 'scale',
      text: { nl: 'We werken als één team rond deze zorgvraag.', en: 'We work as one team around this care need.' },
      label: { nl: 'Eén team', en: 'One team' },
      scale: 'mdo_eens5',
    },
    {
      id: 'mdo_wensen_prof',
      type: 'scale',
      text: { nl: 'Ik weet wat de cliënt en zijn naasten zelf belangrijk vinden.', en: 'I know what the client and those close to them find important.' },
      label: { nl: 'Wensen cliënt bekend (professional)', en: 'Client\u2019s wishes known (professional)' },
      scale: 'mdo_eens5',
      showWhen: { item: 'mdo_rol', anyOf: [PROFESSIONAL] },
    },
    {
      id: 'mdo_wensen_naaste',
      type: 'scale',
      text: { nl: 'De professionals weten wat ik (of mijn naaste) belangrijk vind.', en: 'The professionals know what I (or the person I care for) find important.' },
      label: { nl: 'Wensen bekend (cliënt of naaste)', en: 'Wishes known (client or family)' },
      scale: 'mdo_eens5',
      showWhen: { item: 'mdo_rol', anyOf: CLIENT_OR_FAMILY },
    },
    {
      id: 'mdo_cijfer',
      type: 'number',
      text: { nl: 'Welk rapportcijfer geeft u dit overleg (1 = heel slecht, 10 = uitstekend)?', en: 'What mark out of 10 do you give this meeting (1 = very poor, 10 = excellent)?' },
      label: { nl: 'Rapportcijfer overleg', en: 'Mark for the meeting' },
      min: 1,
      max: 10,
      showWhen: { item: 'mdo_moment', anyOf: [AFTER] },
    },
    {
      id: 'mdo_beter',
      type: 'open',
      text: { nl: 'Wat kan er bij een volgend overleg beter?', en: 'What could be better at a next meeting?' },
      label: { nl: 'Wat kan beter', en: 'What could be better' },
      maxLength: 2000,
      showWhen: { item: 'mdo_moment', anyOf: [AFTER] },
    },
  ],
  subscales: [
    {
      id: 'mdo_kern',
      label: { nl: 'Kern van het overleg', en: 'Core of the meeting' },
      items: ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen'],
      minAnsweredShare: 0.6,
    },
  ],
  sections: [
    {
      id: 'mdo_wie',
      title: { nl: 'Over dit overleg', en: 'About this meeting' },
      intro: {
        nl: 'Deze vragen gaan over het multidisciplinair overleg (MDO) van vandaag. U vult ze vóór en na het overleg in.',
        en: 'These questions are about today\u2019s multidisciplinary meeting (MDO). You fill them in before and after the meeting.',
      },
      items: ['mdo_moment', 'mdo_rol'],
    },
    {
      id: 'mdo_overleg',
      title: { nl: 'Het overleg', en: 'The meeting' },
      intro: {
        nl: 'Geef aan in hoeverre u het eens bent. Vóór het overleg: zoals u het nu ziet. Na het overleg: zoals het nu is, na afloop.',
        en: 'Say how far you agree. Before the meeting: as you see it now. After the meeting: as it is now, afterwards.',
      },
      items: ['mdo_doel', 'mdo_wiewat', 'mdo_inbreng', 'mdo_afspraken', 'mdo_samen', 'mdo_wensen_prof', 'mdo_wensen_naaste', 'mdo_cijfer', 'mdo_beter'],
    },
  ],
};

export const mdoEvaluatie = instrumentDefinition.parse(definition);

/** The moment codes of `mdo_moment`, as a wave's occasion moment fills it in. */
export const MDO_MOMENT_CODES = { before: 1, after: AFTER } as const;

/** The role groups of `mdo_rol` the results are split by. */
export const MDO_ROLE_GROUPS = { professional: [PROFESSIONAL], clientOrFamily: CLIENT_OR_FAMILY } as const;
