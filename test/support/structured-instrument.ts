/**
 * A Dutch-only instrument with required items, conditional display and multiple choice, as a
 * researcher would build it: a role question (required) whose "anders" opens a text question, a
 * select-all-that-apply question on the ways people keep in touch, whose "beveiligde app" opens a
 * statement about that app, and two required statements. The app statement is in the subscale, so
 * scoring must leave it out when it is hidden.
 */
export function structuredInstrument(id = 'clientoverleg') {
  const nl = (text: string) => ({ nl: text });
  return {
    id,
    version: 1,
    languages: ['nl'],
    name: nl('Samenwerking rond de cliënt'),
    description: nl('Korte vragenlijst over contact en afstemming rond één cliënt.'),
    attribution: nl('Eigen vragenlijst van het netwerk'),
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
      { id: 'rol', options: [{ code: 1, label: nl('Zorgverlener') }, { code: 2, label: nl('Mantelzorger') }, { code: 3, label: nl('Anders') }] },
      {
        id: 'kanaal',
        options: [
          { code: 1, label: nl('Telefoon') },
          { code: 2, label: nl('E-mail') },
          { code: 3, label: nl('Overleg') },
          { code: 4, label: nl('Beveiligde app') },
        ],
        notScored: [{ code: 9, label: nl('Geen van deze') }],
      },
    ],
    items: [
      { id: 'co_rol', type: 'choice', text: nl('Wat is uw rol rond deze cliënt?'), label: nl('Rol'), scale: 'rol', required: true },
      { id: 'co_rol_anders', type: 'open', text: nl('Welke rol heeft u dan?'), label: nl('Andere rol'), maxLength: 200, showWhen: { item: 'co_rol', anyOf: [3] } },
      { id: 'co_kanalen', type: 'multiple', text: nl('Hoe houdt u contact met de anderen? Kruis alles aan wat van toepassing is.'), label: nl('Contactvormen'), scale: 'kanaal', required: true },
      {
        id: 'co_app',
        type: 'scale',
        text: nl('De beveiligde app helpt ons om snel af te stemmen.'),
        label: nl('App helpt afstemmen'),
        scale: 'eens5',
        required: true,
        showWhen: { item: 'co_kanalen', anyOf: [4] },
      },
      { id: 'co_01', type: 'scale', text: nl('Ik weet wie wat doet rond deze cliënt.'), label: nl('Weten wie wat doet'), scale: 'eens5', required: true },
      { id: 'co_02', type: 'scale', text: nl('We stemmen onze zorg goed af.'), label: nl('Zorg afstemmen'), scale: 'eens5', required: true },
    ],
    subscales: [{ id: 'co_afstemming', label: nl('Afstemming'), items: ['co_app', 'co_01', 'co_02'], minAnsweredShare: 0.5 }],
    sections: [
      { id: 'wie', title: nl('Over u'), items: ['co_rol', 'co_rol_anders'] },
      { id: 'contact', title: nl('Contact en afstemming'), intro: nl('Denk aan de afgelopen drie maanden.'), items: ['co_kanalen', 'co_app', 'co_01', 'co_02'] },
    ],
  };
}
