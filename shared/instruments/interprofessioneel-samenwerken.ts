import { instrumentDefinition, type InstrumentDefinitionInput } from './schema';

/**
 * *Interprofessioneel samenwerken*: statements on the success factors for interprofessional
 * collaboration by level (Rijsdijk e.a. 2015) and on the individual competencies recommended in
 * the project Een Sterk Wijknetwerk, plus a yes / partly / no checklist of the characteristics that
 * set interprofessional work apart from multidisciplinary work (Tsakitzidis & Van Royen 2012).
 * All statements are written by the Netwerkspiegel team from the summaries in DOMAIN.md; no
 * published questionnaire is reproduced.
 */

type Pair = [string, string];
interface Statement {
  label: Pair;
  text: Pair;
  /** Agreement means a worse situation: scored mirrored on the scale. */
  reverse?: boolean;
}
interface Level {
  code: string;
  label: Pair;
  intro: Pair;
  statements: Statement[];
}

const levels: Level[] = [
  {
    code: 'ind',
    label: ['Individueel en interpersoonlijk', 'Individual and interpersonal'],
    intro: [
      'Over hoe mensen uit verschillende disciplines met elkaar omgaan.',
      'About how people from different disciplines work with each other.',
    ],
    statements: [
      {
        label: ['Begrip van elkaars rol', 'Understanding each other\u2019s role'],
        text: [
          'Betrokkenen uit verschillende disciplines weten wat elkaars rol, taken en deskundigheid zijn.',
          'People from different disciplines know each other\u2019s role, tasks and expertise.',
        ],
      },
      {
        label: ['Waardering van elkaars rol', 'Valuing each other\u2019s role'],
        text: [
          'Betrokkenen waarderen wat andere disciplines bijdragen aan de zorg en ondersteuning.',
          'People value what other disciplines contribute to care and support.',
        ],
      },
      {
        label: ['Effectief communiceren', 'Communicating effectively'],
        text: [
          'Informatie tussen disciplines wordt op tijd en duidelijk uitgewisseld.',
          'Information between disciplines is exchanged on time and clearly.',
        ],
      },
      {
        label: ['Duurzame werkrelaties', 'Lasting working relationships'],
        text: [
          'Collega\u2019s uit verschillende disciplines investeren in werkrelaties die lang meegaan.',
          'Colleagues from different disciplines invest in working relationships that last.',
        ],
      },
      {
        label: ['Leren en reflecteren', 'Learning and reflecting'],
        text: [
          'We leren van elkaar en staan samen stil bij wat goed en wat minder goed gaat.',
          'We learn from each other and reflect together on what goes well and what does not.',
        ],
      },
      {
        label: ['Ruimte om te groeien', 'Room to grow'],
        text: [
          'De werkomgeving geeft ruimte om vaardigheden in samenwerken verder te ontwikkelen.',
          'The working environment leaves room to develop collaboration skills further.',
        ],
      },
    ],
  },
  {
    code: 'tpr',
    label: ['Teamproces', 'Team process'],
    intro: [
      'Over hoe het team of netwerk samen werkt: doelen, overleg, afspraken en omgang met elkaar.',
      'About how the team or network works together: goals, meetings, agreements and how people treat each other.',
    ],
    statements: [
      {
        label: ['Doelen en visie', 'Goals and vision'],
        text: [
          'We werken vanuit duidelijke doelen en een visie die de disciplines met elkaar delen.',
          'We work from clear goals and a vision the disciplines share.',
        ],
      },
      {
        label: ['Nut van overleg', 'Value of meetings'],
        text: [
          'Overleg tussen disciplines kost vooral tijd en levert weinig op.',
          'Meetings between disciplines mostly take time and yield little.',
        ],
        reverse: true,
      },
      {
        label: ['Kritisch evalueren', 'Critical review'],
        text: [
          'We kijken geregeld kritisch naar hoe we samenwerken en passen onze werkwijze zo nodig aan.',
          'We regularly take a critical look at how we work together and adjust our way of working where needed.',
        ],
      },
      {
        label: ['Vertrouwen en respect', 'Trust and respect'],
        text: [
          'We gaan met vertrouwen en respect met elkaar om; geven en nemen is in evenwicht.',
          'We treat each other with trust and respect; give and take are in balance.',
        ],
      },
      {
        label: ['Afstemming en afspraken', 'Coordination and agreements'],
        text: [
          'Er zijn heldere werkafspraken en procedures die de afstemming tussen disciplines ondersteunen.',
          'There are clear working agreements and procedures that support coordination between disciplines.',
        ],
      },
      {
        label: ['Omgaan met conflicten', 'Handling conflict'],
        text: [
          'Meningsverschillen tussen disciplines worden open besproken en samen opgelost.',
          'Disagreements between disciplines are discussed openly and resolved together.',
        ],
      },
    ],
  },
  {
    code: 'tst',
    label: ['Teamstructuur', 'Team structure'],
    intro: [
      'Over hoe het team of netwerk is samengesteld en ingericht.',
      'About how the team or network is composed and organised.',
    ],
    statements: [
      {
        label: ['Omvang', 'Size'],
        text: [
          'Het team of netwerk heeft een omvang waarmee goed samen te werken is.',
          'The team or network has a size that makes working together workable.',
        ],
      },
      {
        label: ['Samenstelling', 'Composition'],
        text: [
          'De disciplines die onze cliënten nodig hebben, zijn in het team of netwerk vertegenwoordigd.',
          'The disciplines our clients need are represented in the team or network.',
        ],
      },
      {
        label: ['Elkaar treffen', 'Meeting each other'],
        text: [
          'We werken zo dicht bij elkaar (op één plek of in dezelfde wijk) dat we elkaar makkelijk treffen.',
          'We work close enough to each other (in one place or in the same neighbourhood) to meet easily.',
        ],
      },
      {
        label: ['Middelen om te communiceren', 'Means of communication'],
        text: [
          'Er zijn goede middelen en vaste momenten om met elkaar te communiceren.',
          'There are good means and fixed moments to communicate with each other.',
        ],
      },
      {
        label: ['Duidelijk leiderschap', 'Clear leadership'],
        text: [
          'Het is duidelijk wie het team of netwerk leidt, en die leiding wordt goed ingevuld.',
          'It is clear who leads the team or network, and that leadership is carried out well.',
        ],
      },
    ],
  },
  {
    code: 'org',
    label: ['Organisatie', 'Organisation'],
    intro: [
      'Over de organisaties waar de betrokkenen werken en wat zij regelen.',
      'About the organisations the people involved work for and what they arrange.',
    ],
    statements: [
      {
        label: ['Steun van de organisaties', 'Support from the organisations'],
        text: [
          'De organisaties waar de betrokkenen werken, steunen de samenwerking actief.',
          'The organisations the people involved work for actively support the collaboration.',
        ],
      },
      {
        label: ['Verantwoording en monitoring', 'Accountability and monitoring'],
        text: [
          'Er is afgesproken hoe de organisaties de samenwerking volgen en er verantwoording over afleggen.',
          'It has been agreed how the organisations monitor the collaboration and account for it.',
        ],
      },
      {
        label: ['Administratie en geldstromen', 'Administration and money flows'],
        text: [
          'Administratie, budgetten en geldstromen van de organisaties zijn op elkaar afgestemd.',
          'The organisations\u2019 administration, budgets and money flows are aligned.',
        ],
      },
      {
        label: ['Informatiesystemen', 'Information systems'],
        text: [
          'De informatiesystemen van de organisaties maken het mogelijk om gegevens veilig en vlot met elkaar te delen.',
          'The organisations\u2019 information systems make it possible to share data with each other safely and smoothly.',
        ],
      },
      {
        label: ['Arbeidsvoorwaarden', 'Working conditions'],
        text: [
          'Verschillen in arbeidsvoorwaarden tussen de organisaties staan de samenwerking niet in de weg.',
          'Differences in working conditions between the organisations do not stand in the way of the collaboration.',
        ],
      },
      {
        label: ['Gemeenschappelijke cultuur', 'Common culture'],
        text: [
          'De organisaties vertrouwen elkaar en delen doelen en een gemeenschappelijke samenwerkingscultuur.',
          'The organisations trust each other and share goals and a common culture of collaboration.',
        ],
      },
    ],
  },
  {
    code: 'com',
    label: ['Eigen competenties', 'Own competencies'],
    intro: [
      'Over uzelf: hoe u interprofessioneel samenwerkt.',
      'About yourself: how you work together across professions.',
    ],
    statements: [
      {
        label: ['Leerhouding', 'Learning attitude'],
        text: [
          'Ik sta open om te leren van collega\u2019s uit andere disciplines.',
          'I am open to learning from colleagues from other disciplines.',
        ],
      },
      {
        label: ['Waarde van interprofessioneel werken', 'Value of interprofessional work'],
        text: [
          'Ik zie wat samenwerken met andere disciplines oplevert voor cliënten.',
          'I see what working with other disciplines brings for clients.',
        ],
      },
      {
        label: ['Communicatievaardigheden', 'Communication skills'],
        text: [
          'Ik kan mijn kennis en standpunt helder uitleggen aan collega\u2019s met een andere achtergrond.',
          'I can clearly explain my knowledge and point of view to colleagues with a different background.',
        ],
      },
      {
        label: ['Samenwerken met andere disciplines', 'Working with other disciplines'],
        text: [
          'Ik werk goed samen met andere disciplines in een team of netwerk.',
          'I work well with other disciplines in a team or network.',
        ],
      },
      {
        label: ['Kritische reflectie', 'Critical reflection'],
        text: [
          'Ik sta kritisch stil bij mijn eigen bijdrage aan de gezamenlijke zorg en ondersteuning.',
          'I critically reflect on my own contribution to the joint care and support.',
        ],
      },
      {
        label: ['Samen evalueren', 'Evaluating together'],
        text: [
          'Ik evalueer de zorg en ondersteuning samen met collega\u2019s uit andere disciplines.',
          'I evaluate care and support together with colleagues from other disciplines.',
        ],
      },
    ],
  },
];

/** The ten aspects on which an interprofessional team says "yes" (Tsakitzidis & Van Royen 2012). */
const characteristics: Statement[] = [
  {
    label: ['Regelmatig overleg', 'Regular meetings'],
    text: ['Het team komt regelmatig bij elkaar voor overleg.', 'The team meets regularly.'],
  },
  {
    label: ['Gedeelde visie', 'Shared vision'],
    text: ['De teamleden hebben een gedeelde visie op de zorg en ondersteuning.', 'Team members share a vision of care and support.'],
  },
  {
    label: ['Gelijkwaardige disciplines', 'Equal disciplines'],
    text: ['Alle disciplines in het team zijn gelijkwaardig.', 'All disciplines in the team are equal.'],
  },
  {
    label: ['Eén gezamenlijk zorgplan', 'One shared care plan'],
    text: ['Per cliënt is er één gezamenlijk zorg- en ondersteuningsplan.', 'There is one shared care and support plan per client.'],
  },
  {
    label: ['Afspraken over taakverdeling', 'Agreements on tasks'],
    text: ['Er zijn afspraken over wie welke taken uitvoert.', 'There are agreements on who carries out which tasks.'],
  },
  {
    label: ['Kennis van elkaars vakgebied', 'Knowledge of each other\u2019s field'],
    text: ['Teamleden kennen het vakgebied van de andere disciplines.', 'Team members know the field of the other disciplines.'],
  },
  {
    label: ['Holistische aanpak', 'Holistic approach'],
    text: [
      'Het team kijkt naar de cliënt als geheel, niet alleen naar afzonderlijke problemen.',
      'The team looks at the client as a whole, not only at separate problems.',
    ],
  },
  {
    label: ['Cliëntgericht als team', 'Client-centred as a team'],
    text: [
      'Het team als geheel stemt de zorg en ondersteuning af op de wensen en doelen van de cliënt.',
      'The team as a whole tailors care and support to the client\u2019s wishes and goals.',
    ],
  },
  {
    label: ['Eén aanspreekpunt', 'One contact person'],
    text: ['De cliënt heeft één vast aanspreekpunt in het team.', 'The client has one fixed contact person in the team.'],
  },
  {
    label: ['Gedeelde verantwoordelijkheid', 'Shared responsibility'],
    text: [
      'Het team is samen verantwoordelijk voor de uitvoering van het zorgplan.',
      'The team is jointly responsible for carrying out the care plan.',
    ],
  },
];

const lt = ([nl, en]: Pair) => ({ nl, en });
const levelItemId = (code: string, i: number) => `ip_${code}_${String(i + 1).padStart(2, '0')}`;
const characteristicId = (i: number) => `ip_ken_${String(i + 1).padStart(2, '0')}`;

/** Code for "weet niet / n.v.t." on both scales: stored, never scored. */
const DONT_KNOW = 9;

const definition: InstrumentDefinitionInput = {
  id: 'interprofessioneel-samenwerken',
  version: 1,
  name: { nl: 'Interprofessioneel samenwerken', en: 'Interprofessional collaboration' },
  description: {
    nl: 'Uitspraken over succesfactoren voor interprofessioneel samenwerken op vier niveaus (individueel en interpersoonlijk, teamproces, teamstructuur, organisatie) en over eigen competenties, plus een checklist van tien kenmerken van interprofessioneel werken.',
    en: 'Statements on success factors for interprofessional collaboration at four levels (individual and interpersonal, team process, team structure, organisation) and on one\u2019s own competencies, plus a checklist of ten characteristics of interprofessional work.',
  },
  attribution: {
    nl: 'Gebaseerd op de succesfactoren per niveau uit de literatuurstudie van Rijsdijk e.a. (2015), de kenmerken van interprofessioneel versus multidisciplinair werken van Tsakitzidis en Van Royen (2012) en de competenties die het project Een Sterk Wijknetwerk (HAN en Radboudumc) aanbeveelt. Uitspraken in eigen woorden geformuleerd door het Netwerkspiegel-team; dit is niet de vragenlijst Interprofessioneel samenwerken van de HAN.',
    en: 'Based on the success factors by level from the literature review by Rijsdijk et al. (2015), the characteristics of interprofessional versus multidisciplinary work by Tsakitzidis and Van Royen (2012), and the competencies recommended by the project Een Sterk Wijknetwerk (HAN and Radboudumc). Statements written in its own words by the Netwerkspiegel team; this is not the HAN questionnaire Interprofessioneel samenwerken.',
  },
  licence: {
    nl: 'De uitspraken mogen vrij worden gebruikt met bronvermelding van de modellen. Het is geen gevalideerd instrument; gebruik voor vergelijking met andere studies een gevalideerde vragenlijst (importeren).',
    en: 'The statements may be used freely, citing the models. It is not a validated instrument; to compare with other studies, import a validated questionnaire.',
  },
  scales: [
    {
      id: 'eens5',
      options: [
        { code: 1, label: { nl: 'Helemaal oneens', en: 'Strongly disagree' } },
        { code: 2, label: { nl: 'Oneens', en: 'Disagree' } },
        { code: 3, label: { nl: 'Neutraal', en: 'Neutral' } },
        { code: 4, label: { nl: 'Eens', en: 'Agree' } },
        { code: 5, label: { nl: 'Helemaal eens', en: 'Strongly agree' } },
      ],
      notScored: [{ code: DONT_KNOW, label: { nl: 'Weet niet / n.v.t.', en: 'Don\u2019t know / not applicable' } }],
    },
    {
      // Shown from low to high, in the same direction as the agreement scale above.
      id: 'ja_deels_nee',
      options: [
        { code: 1, label: { nl: 'Nee', en: 'No' } },
        { code: 2, label: { nl: 'Deels', en: 'Partly' } },
        { code: 3, label: { nl: 'Ja', en: 'Yes' } },
      ],
      notScored: [{ code: DONT_KNOW, label: { nl: 'Weet niet', en: 'Don\u2019t know' } }],
    },
  ],
  items: [
    ...levels.flatMap((level) =>
      level.statements.map((s, i) => ({
        id: levelItemId(level.code, i),
        type: 'scale' as const,
        text: lt(s.text),
        label: lt(s.label),
        scale: 'eens5',
        reverse: s.reverse ?? false,
      })),
    ),
    ...characteristics.map((s, i) => ({
      id: characteristicId(i),
      type: 'scale' as const,
      text: lt(s.text),
      label: lt(s.label),
      scale: 'ja_deels_nee',
      reverse: false,
    })),
  ],
  subscales: [
    ...levels.map((level) => ({
      id: `ip_${level.code}`,
      label: lt(level.label),
      items: level.statements.map((_, i) => levelItemId(level.code, i)),
      minAnsweredShare: 0.75,
    })),
    {
      id: 'ip_kenmerk',
      label: { nl: 'Kenmerken van interprofessioneel werken', en: 'Characteristics of interprofessional work' },
      items: characteristics.map((_, i) => characteristicId(i)),
      minAnsweredShare: 0.75,
    },
  ],
  sections: [
    ...levels.map((level) => ({
      id: `sec_${level.code}`,
      title: lt(level.label),
      intro: lt(level.intro),
      items: level.statements.map((_, i) => levelItemId(level.code, i)),
    })),
    {
      id: 'sec_kenmerk',
      title: { nl: 'Kenmerken van interprofessioneel werken', en: 'Characteristics of interprofessional work' },
      intro: {
        nl: 'Geef bij elk kenmerk aan of het voor uw team of netwerk geldt: ja, deels of nee. Hoe vaker ‘ja’, hoe meer er interprofessioneel in plaats van naast elkaar (multidisciplinair) wordt gewerkt.',
        en: 'For each characteristic, indicate whether it applies to your team or network: yes, partly or no. The more often ‘yes’, the more the work is interprofessional rather than side by side (multidisciplinary).',
      },
      items: characteristics.map((_, i) => characteristicId(i)),
    },
  ],
};

export const interprofessioneelSamenwerken = instrumentDefinition.parse(definition);
