import type { BilingualText } from '../text';

/**
 * Answer scales a researcher picks from when building a questionnaire in the app (the instrument
 * editor). Each is bilingual; the editor copies one into the definition, with only the Dutch
 * labels when the questionnaire is Dutch only. Zod-free, so the renderer may import it.
 * Codes rise with the answer's "more" (more agreement, more often, more satisfied, yes), so a
 * statement's mean reads the same way on every scale; "weet niet" is 9 and never scored, as in
 * the built-in instruments.
 */

export interface LibraryOption {
  code: number;
  label: BilingualText;
}

export interface LibraryScale {
  /** The answer scale's id in the definition (a variable name). */
  id: string;
  /** What the researcher picks in the list. */
  name: BilingualText;
  options: readonly LibraryOption[];
  notScored: readonly LibraryOption[];
}

const DONT_KNOW: LibraryOption = { code: 9, label: { nl: 'Weet niet / n.v.t.', en: 'Don\u2019t know / not applicable' } };

const coded = (labels: readonly BilingualText[], first = 1): LibraryOption[] => labels.map((label, i) => ({ code: first + i, label }));

export const SCALE_LIBRARY: readonly LibraryScale[] = [
  {
    id: 'eens5',
    name: { nl: 'Eens–oneens, 5 punten, met weet niet', en: 'Agree–disagree, 5 points, with don\u2019t know' },
    options: coded([
      { nl: 'Helemaal oneens', en: 'Strongly disagree' },
      { nl: 'Oneens', en: 'Disagree' },
      { nl: 'Neutraal', en: 'Neutral' },
      { nl: 'Eens', en: 'Agree' },
      { nl: 'Helemaal eens', en: 'Strongly agree' },
    ]),
    notScored: [DONT_KNOW],
  },
  {
    id: 'eens7',
    name: { nl: 'Eens–oneens, 7 punten', en: 'Agree–disagree, 7 points' },
    options: coded([
      { nl: 'Helemaal oneens', en: 'Strongly disagree' },
      { nl: 'Oneens', en: 'Disagree' },
      { nl: 'Enigszins oneens', en: 'Somewhat disagree' },
      { nl: 'Neutraal', en: 'Neither agree nor disagree' },
      { nl: 'Enigszins eens', en: 'Somewhat agree' },
      { nl: 'Eens', en: 'Agree' },
      { nl: 'Helemaal eens', en: 'Strongly agree' },
    ]),
    notScored: [],
  },
  {
    id: 'frequentie5',
    name: { nl: 'Hoe vaak: nooit … altijd', en: 'How often: never … always' },
    options: coded([
      { nl: 'Nooit', en: 'Never' },
      { nl: 'Zelden', en: 'Rarely' },
      { nl: 'Soms', en: 'Sometimes' },
      { nl: 'Vaak', en: 'Often' },
      { nl: 'Altijd', en: 'Always' },
    ]),
    notScored: [],
  },
  {
    id: 'tevreden5',
    name: { nl: 'Tevredenheid, 5 punten', en: 'Satisfaction, 5 points' },
    options: coded([
      { nl: 'Zeer ontevreden', en: 'Very dissatisfied' },
      { nl: 'Ontevreden', en: 'Dissatisfied' },
      { nl: 'Neutraal', en: 'Neutral' },
      { nl: 'Tevreden', en: 'Satisfied' },
      { nl: 'Zeer tevreden', en: 'Very satisfied' },
    ]),
    notScored: [],
  },
  {
    id: 'janee',
    name: { nl: 'Ja / nee', en: 'Yes / no' },
    options: [
      { code: 1, label: { nl: 'Ja', en: 'Yes' } },
      { code: 0, label: { nl: 'Nee', en: 'No' } },
    ],
    notScored: [],
  },
  {
    id: 'jadeelsnee',
    name: { nl: 'Ja / deels / nee, met weet niet', en: 'Yes / partly / no, with don\u2019t know' },
    options: coded([
      { nl: 'Nee', en: 'No' },
      { nl: 'Deels', en: 'Partly' },
      { nl: 'Ja', en: 'Yes' },
    ]),
    notScored: [{ code: 9, label: { nl: 'Weet niet', en: 'Don\u2019t know' } }],
  },
];

export function libraryScale(id: string): LibraryScale | undefined {
  return SCALE_LIBRARY.find((s) => s.id === id);
}
