/**
 * An imported instrument on a 7-point agreement scale beside a 5-point frequency scale, for the
 * results on an instrument's own answer scale: three subscales on 1–7 (Veiligheid, Doelgerichtheid,
 * Steun; "Steun" has one reverse-keyed item) and one on 1–5 (Overleg). Codes 1–7 and 1–5, with 99 =
 * "weet niet" (stored, never scored) on both.
 */
const lt = (nl: string, en = nl) => ({ nl, en });

export const SEVEN_POINT_ID = 'teamklimaat';

export const AGREE7 = ['Helemaal oneens', 'Oneens', 'Enigszins oneens', 'Neutraal', 'Enigszins eens', 'Eens', 'Helemaal eens'];
const AGREE7_EN = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neutral', 'Somewhat agree', 'Agree', 'Strongly agree'];
export const OFTEN5 = ['Nooit', 'Zelden', 'Soms', 'Vaak', 'Altijd'];
const OFTEN5_EN = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'];

/** Subscale id → its items; items on the 1–7 scale unless named in `FIVE_POINT_ITEMS`. */
export const SEVEN_POINT_SCALES: Record<string, { label: string; items: string[] }> = {
  tk_vei: { label: 'Veiligheid', items: ['tk_vei_01', 'tk_vei_02', 'tk_vei_03'] },
  tk_doe: { label: 'Doelgerichtheid', items: ['tk_doe_01', 'tk_doe_02', 'tk_doe_03'] },
  tk_ste: { label: 'Steun', items: ['tk_ste_01', 'tk_ste_02', 'tk_ste_03'] },
  tk_ove: { label: 'Overleg', items: ['tk_ove_01', 'tk_ove_02'] },
};
export const FIVE_POINT_ITEMS = ['tk_ove_01', 'tk_ove_02'];
/** "Er wordt in ons team over elkaar geroddeld": agreeing is worse. */
export const REVERSED_ITEM = 'tk_ste_03';
export const DONT_KNOW = 99;

export function sevenPointInstrument(version = 1) {
  const ids = Object.values(SEVEN_POINT_SCALES).flatMap((s) => s.items);
  return {
    id: SEVEN_POINT_ID,
    version,
    name: lt('Teamklimaat', 'Team climate'),
    description: lt('Een ingelezen vragenlijst op een schaal van 1 tot 7.', 'An imported questionnaire on a scale of 1 to 7.'),
    attribution: lt('Testinstrument'),
    licence: lt('Vrij te gebruiken.', 'Free to use.'),
    scales: [
      { id: 'eens7', options: AGREE7.map((nl, i) => ({ code: i + 1, label: lt(nl, AGREE7_EN[i]) })), notScored: [{ code: DONT_KNOW, label: lt('Weet niet', 'Don’t know') }] },
      { id: 'vaak5', options: OFTEN5.map((nl, i) => ({ code: i + 1, label: lt(nl, OFTEN5_EN[i]) })), notScored: [{ code: DONT_KNOW, label: lt('Weet niet', 'Don’t know') }] },
    ],
    items: ids.map((id) => ({
      id,
      type: 'scale' as const,
      text: lt(id === REVERSED_ITEM ? 'Er wordt in ons team over elkaar geroddeld.' : `Uitspraak ${id}`),
      label: lt(id === REVERSED_ITEM ? 'Roddelen' : `Vraag ${id.slice(3)}`),
      scale: FIVE_POINT_ITEMS.includes(id) ? 'vaak5' : 'eens7',
      reverse: id === REVERSED_ITEM,
    })),
    subscales: Object.entries(SEVEN_POINT_SCALES).map(([id, s]) => ({ id, label: lt(s.label), items: s.items, minAnsweredShare: 0.6 })),
    sections: [{ id: 'sec_alles', title: lt('Teamklimaat'), items: ids }],
  };
}
