import type { LocalizedText } from './text';

/**
 * *Open antwoorden*: what respondents wrote at the open questions of one wave, for researchers
 * (never in kiosk mode). Only submitted questionnaires count, as in the results. See
 * docs/decisions/2026-12-01-open-answers.md for what is shown beside an answer and why.
 */

/**
 * The organisation beside an answer: named only when the organisation has at least the minimum
 * group size of submitted questionnaires in the wave, and naming it would not single out a smaller
 * group by elimination. `none`: the respondent gave no organisation.
 */
export type OpenAnswerOrganisation = { shown: true; name: string } | { shown: false; reason: 'hidden' | 'none' };

export interface OpenAnswer {
  /** The respondent's text as stored: shown as text, never as markup. */
  text: string;
  organisation: OpenAnswerOrganisation;
  /** The respondent code; null unless the researcher asked for codes (`withCodes`). */
  respondentCode: string | null;
}

/** One open question of one of the wave's instruments, with its answers in alphabetical order. */
export interface OpenQuestion {
  instrumentId: string;
  instrumentVersion: number;
  instrumentName: LocalizedText;
  itemId: string;
  question: LocalizedText;
  label: LocalizedText;
  /** How many answers (non-empty texts) there are: `answers.length`. */
  count: number;
  answers: OpenAnswer[];
}

export interface WaveOpenAnswers {
  waveId: string;
  waveLabel: string;
  networkId: string;
  networkName: string;
  minGroupSize: number;
  /** Submitted questionnaires in the wave: the answers come from these only. */
  submitted: number;
  withCodes: boolean;
  /** The open questions of the wave's instruments, instrument by instrument in the definition's order. */
  questions: OpenQuestion[];
}
