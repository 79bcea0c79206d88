import { useState } from 'react';

/**
 * The state of the birth-month question that follows a SELF_CODE_TAKEN answer: whether it is
 * asked, the month chosen ('' or '1'…'12') and whether "send" was pressed without one. Shared by
 * the kiosk, the researcher's start form and each row of paper entry.
 */
export function useBirthMonthQuestion() {
  const [asked, setAsked] = useState(false);
  const [month, setMonth] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    asked,
    /** True after "send" without a month while one is asked; the field shows its error. */
    missing,
    /** The main process needs the month (SELF_CODE_TAKEN). */
    ask: () => setAsked(true),
    /** The code changed or the person went back: the question no longer applies. */
    withdraw: () => {
      setAsked(false);
      setMonth('');
      setMissing(false);
    },
    /** Before sending: false, and the field says so, when the month is asked and not chosen. */
    ready: () => {
      const notChosen = asked && month === '';
      setMissing(notChosen);
      return !notChosen;
    },
    /** What to send: the month when it is asked and chosen, else nothing. */
    birthMonth: asked && month !== '' ? Number(month) : undefined,
    /** For BirthMonthField. */
    value: month,
    onChange: (value: string) => {
      setMonth(value);
      setMissing(false);
    },
  };
}

export type BirthMonthQuestion = ReturnType<typeof useBirthMonthQuestion>;
