/**
 * An instrument in Dutch only, as a researcher's import file holds it: `languages: ["nl"]` and no
 * English anywhere. Five-point agreement scale with "weet niet", three statements in a subscale,
 * a choice with option help, an open question, and a section with an introduction.
 */
export function dutchOnlyInstrument(id = 'buurtteam') {
  const nl = (text: string) => ({ nl: text });
  return {
    id,
    version: 1,
    languages: ['nl'],
    name: nl('Samenwerking in het buurtteam'),
    description: nl('Drie stellingen over de samenwerking in het buurtteam.'),
    attribution: nl('Eigen vragenlijst van het buurtteam'),
    licence: nl('Vrij te gebruiken binnen het netwerk'),
    scales: [
      {
        id: 'eens5',
        options: [
          { code: 1, label: nl('Helemaal oneens') },
          { code: 2, label: nl('Oneens') },
          { code: 3, label: nl('Neutraal') },
          { code: 4, label: nl('Eens') },
          { code: 5, label: nl('Helemaal eens') },
        ],
        notScored: [{ code: 9, label: nl('Weet niet') }],
      },
      { id: 'rol', options: [{ code: 1, label: nl('Zorgverlener') }, { code: 2, label: nl('Coördinator') }] },
    ],
    items: [
      { id: 'bt_01', type: 'scale', text: nl('We kennen elkaars werk.'), label: nl('Elkaars werk kennen'), scale: 'eens5' },
      { id: 'bt_02', type: 'scale', text: nl('We spreken elkaar elke week.'), label: nl('Wekelijks contact'), scale: 'eens5' },
      { id: 'bt_03', type: 'scale', text: nl('We lossen problemen samen op.'), label: nl('Samen oplossen'), scale: 'eens5' },
      { id: 'bt_rol', type: 'choice', text: nl('Wat is uw rol?'), label: nl('Rol'), scale: 'rol', optionHelp: { '2': nl('U regelt het overleg.') } },
      { id: 'bt_open', type: 'open', text: nl('Wat kan beter?'), label: nl('Wat kan beter'), maxLength: 500 },
    ],
    subscales: [{ id: 'bt_samen', label: nl('Samenwerking'), items: ['bt_01', 'bt_02', 'bt_03'] }],
    sections: [{ id: 'samen', title: nl('Samenwerken'), intro: nl('Geef aan hoe u de samenwerking ervaart.'), items: ['bt_01', 'bt_02', 'bt_03', 'bt_rol', 'bt_open'] }],
  };
}

/** The same instrument in Dutch and English, declaring no languages (bilingual, as the built-ins). */
export function bilingualInstrument(id = 'buurtteam-tweetalig') {
  const def = dutchOnlyInstrument(id) as Record<string, unknown>;
  delete def.languages;
  const both = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(both);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, both(v)] as const);
    const object = Object.fromEntries(entries) as Record<string, unknown>;
    return Object.keys(object).length === 1 && typeof object.nl === 'string' ? { nl: object.nl, en: `EN: ${object.nl}` } : object;
  };
  return both(def) as ReturnType<typeof dutchOnlyInstrument>;
}
