import type { ReportBlock, ReportDocument, ReportPresentation, ReportSlide, ReportTable } from '../../shared/report';
import { chartPng, withTextChunk } from './report-files';

/**
 * Report models as the report screen builds them, of a chosen size, with real PNG charts: for the
 * read-back and LibreOffice tests and the benchmark (bench/report-files.ts). Dutch with diacritics,
 * a long open answer, wide tables.
 */

export const CONDITIONS = ['Gedeelde visie', 'Vertrouwen', 'Coördinatie van zorg', 'Rolverdeling', 'Communicatie', 'Leren en verbeteren', 'Cliëntgerichtheid', 'Financiële afspraken'];

export const LONG_OPEN_ANSWER =
  'Wat ik het belangrijkste vind: we weten elkaar beter te vinden dan een jaar geleden, maar de overdracht van de huisarts naar de thuiszorg loopt nog vaak mis. ' +
  'Cliënten en mantelzorgers moeten hun verhaal drie keer vertellen; dat is zonde van ieders tijd en het voelt voor hen alsof niemand het geheel overziet. ' +
  'In het overleg in Zuid-Oost werkt het goed omdat de casemanager dementie erbij zit en de regie neemt. Daar zou ik graag meer van zien, ook in de andere regio’s. ' +
  'Verder mis ik een vaste plek waar we afspraken vastleggen: nu staat het in notulen die na een week niemand meer terugvindt. ' +
  'Het café voor naasten is een succes — dat mogen we vieren! Tot slot: geef de nieuwe collega’s een inwerkprogramma, zodat zij niet zelf het hele netwerk hoeven te ontdekken. ' +
  'Naïef misschien, maar ik geloof dat één gezamenlijke scholing per jaar (met de specialist ouderengeneeskunde, de wijkverpleging én de gemeente) al veel oplost.';

/** A table of `columns` × `rows`: a condition per row, then per wave n, mean and sd, the change, the grade. Last column: distinct grades "6,00" … */
export function conditionTable(rows: number, waves: string[] = ['T0', 'T1', 'T2'], caption = 'Tabel 1. Gemiddelde score per conditie en meting'): ReportTable {
  const columns: ReportTable['columns'] = [{ label: 'Conditie', align: 'left' }];
  for (const w of waves) columns.push({ label: `n ${w}`, align: 'right' }, { label: `Gem. ${w}`, align: 'right' }, { label: `sd ${w}`, align: 'right' });
  columns.push({ label: 'Verschil', align: 'right' }, { label: 'Rapportcijfer', align: 'right' });
  const comma = (x: number, digits: number) => x.toFixed(digits).replace('.', ',');
  return {
    type: 'table',
    caption,
    columns,
    rows: Array.from({ length: rows }, (_, r) => {
      const row = [`${CONDITIONS[r % CONDITIONS.length]}${r >= CONDITIONS.length ? ` (${Math.floor(r / CONDITIONS.length) + 1})` : ''}`];
      waves.forEach((_, w) => row.push(String(40 + ((r * 7 + w * 3) % 23)), comma(3 + ((r + w) % 17) / 10, 2), comma(0.6 + ((r * 3 + w) % 9) / 20, 2)));
      row.push(`${r % 2 === 0 ? '+' : '−'}${comma(((r * 13) % 40) / 100, 2)}`, comma(6 + r / 10, 2));
      return row;
    }),
    note: 'Een streepje (–) betekent: minder dan 5 antwoorden, niet getoond. Verschil: laatste meting min eerste.',
  };
}

export interface ReportModelSize {
  instruments: number;
  waves: number;
  /** Charts per instrument and wave. */
  chartsPerPart: number;
  /** Tables per instrument and wave, and their rows. */
  tablesPerPart: number;
  tableRows: number;
  chartWidth: number;
  chartHeight: number;
  /** Noise in the charts, so PNGs are as large as drawn ones (0 for tests). */
  texture?: number;
}

/**
 * The pictures a model refers to: six drawings, each picture made its own file by a text chunk
 * naming it (as every real chart differs; a writer may store identical pictures once).
 */
export function chartImages(ids: string[], size: Pick<ReportModelSize, 'chartWidth' | 'chartHeight' | 'texture'>): Map<string, Buffer> {
  const variants = Array.from({ length: 6 }, (_, i) => chartPng(size.chartWidth, size.chartHeight, { bars: 4 + i, seed: i + 1, texture: size.texture }));
  return new Map(ids.map((id, i) => [id, withTextChunk(variants[i % variants.length]!, `Title\0${id}`)]));
}

/** A network report as a Word model: title page, summary, per instrument and wave the charts and tables, open answers, methods. */
export function networkDocument(size: ReportModelSize, organisation?: string): { document: ReportDocument; imageIds: string[] } {
  const blocks: ReportBlock[] = [];
  const imageIds: string[] = [];
  const waves = Array.from({ length: size.waves }, (_, w) => `T${w}`);
  blocks.push(
    { type: 'heading', level: 1, text: 'Samenvatting' },
    { type: 'paragraph', style: 'lead', runs: [{ text: 'Het netwerk Dementie Oost werkt op de meeste condities beter samen dan bij de eerste meting. ' }, { text: 'Vertrouwen', bold: true }, { text: ' en coördinatie van zorg stegen het meest.' }] },
    { type: 'bullets', items: [[{ text: 'Gedeelde visie: 3,8 (was 3,4).' }], [{ text: 'Rolverdeling blijft achter: ' }, { text: '3,1', bold: true }, { text: '.' }], [{ text: 'Respons: 62 van 95 uitgenodigde professionals (65 %).' }]] },
  );
  for (let i = 0; i < size.instruments; i++) {
    blocks.push({ type: 'pageBreak' }, { type: 'heading', level: 1, text: `Vragenlijst ${i + 1}: Samenwerking in het netwerk${organisation ? ` — ${organisation}` : ''}` });
    for (const wave of waves) {
      blocks.push({ type: 'heading', level: 2, text: `Meting ${wave} (maart 2026)` });
      for (let c = 0; c < size.chartsPerPart; c++) {
        const imageId = `v${i}-${wave}-c${c}`;
        imageIds.push(imageId);
        const condition = CONDITIONS[c % CONDITIONS.length]!;
        blocks.push(
          { type: 'heading', level: 3, text: `Conditie: ${condition}` },
          { type: 'chart', imageId, caption: `Figuur ${imageIds.length}. ${condition}, verdeling van de antwoorden per meting`, alt: `Staafdiagram: ${condition}, gemiddelde per meting, van 3,1 tot 3,9`, widthCm: 16 },
          { type: 'paragraph', runs: [{ text: `Gespreksvraag: wat maakt dat ${condition.toLowerCase()} in uw organisatie anders wordt ervaren dan in het netwerk?` }] },
        );
      }
      for (let t = 0; t < size.tablesPerPart; t++) blocks.push(conditionTable(size.tableRows, waves.slice(0, Math.min(3, size.waves)), `Tabel ${i + 1}.${t + 1}. Gemiddelde score per conditie (${wave})`));
    }
  }
  blocks.push(
    { type: 'heading', level: 1, text: 'Open antwoorden' },
    { type: 'paragraph', style: 'note', runs: [{ text: 'Letterlijk overgenomen, alfabetisch; organisaties alleen bij groepen van ten minste 5 personen.' }] },
    { type: 'quote', text: LONG_OPEN_ANSWER },
    { type: 'quote', text: 'Korte lijnen met de huisartsen.\nMeer tijd voor casuïstiekbespreking.' },
    { type: 'heading', level: 1, text: 'Verantwoording' },
    { type: 'paragraph', runs: [{ text: `Gevraagd: alle professionals van de ${organisation ? 'organisatie' : '14 partnerorganisaties'}. n per meting: ${waves.map((w, k) => `${w} = ${60 + k * 4}`).join(', ')}. Koppeling via zelfgemaakte codes; een groep kleiner dan 5 wordt niet getoond.` }] },
  );
  return {
    imageIds,
    document: {
      language: 'nl',
      title: organisation ? `Rapport voor de raad van bestuur van ${organisation}` : 'Netwerkrapport Dementie Oost',
      subtitle: 'Samenwerking in het netwerk, metingen 2024–2026',
      titleLines: ['Netwerk: Dementie Oost (14 partnerorganisaties)', `Metingen: ${waves.join(', ')}`, `Vragenlijsten: ${size.instruments}`, 'Gemaakt op 1 december 2026 met Netwerkspiegel'],
      footer: `Netwerkspiegel · Dementie Oost${organisation ? ` · ${organisation}` : ''} · 1 december 2026`,
      blocks,
    },
  };
}

/** The feedback meeting's presentation: title, summary, a section per instrument, a chart slide per condition, tables, discussion slides. */
export function networkPresentation(size: ReportModelSize): { presentation: ReportPresentation; imageIds: string[] } {
  const slides: ReportSlide[] = [
    { layout: 'title', title: 'Terugkoppeling Netwerkspiegel', subtitle: 'Dementie Oost · 1 december 2026' },
    { layout: 'bullets', title: 'Samenvatting', bullets: ['Vertrouwen en coördinatie van zorg stegen het meest.', 'Rolverdeling blijft achter (3,1).', 'Respons 65 %: 62 van 95 professionals.'], notes: 'Gemiddelden T0 → T2: visie 3,4 → 3,8; vertrouwen 3,2 → 3,9.' },
  ];
  const imageIds: string[] = [];
  for (let i = 0; i < size.instruments; i++) {
    slides.push({ layout: 'section', title: `Vragenlijst ${i + 1}`, subtitle: 'Samenwerking in het netwerk' });
    for (let c = 0; c < size.chartsPerPart; c++) {
      const imageId = `p${i}-c${c}`;
      imageIds.push(imageId);
      const condition = CONDITIONS[c % CONDITIONS.length]!;
      slides.push({
        layout: 'chart',
        title: `${condition}: van 3,4 naar 3,8`,
        imageId,
        alt: `Staafdiagram van ${condition} per meting`,
        bullets: ['De grootste stijging sinds T0.', 'Huisartsen scoren lager dan de thuiszorg.', 'Het verschil tussen organisaties werd kleiner.'],
        notes: `${condition}: T0 3,4 (n = 58), T1 3,6 (n = 61), T2 3,8 (n = 62).`,
      });
    }
    for (let t = 0; t < size.tablesPerPart; t++) slides.push({ layout: 'table', title: 'Scores per conditie', table: withoutType(conditionTable(size.tableRows)), notes: 'Alle condities met hun n per meting.' });
    slides.push({
      layout: 'discussion',
      title: 'Hoe krijgen we de rolverdeling helder?',
      bullets: ['Rolverdeling scoort het laagst (3,1).', 'Vooral nieuwe partners weten niet wie wat doet.'],
      notes: 'Laat de zaal eerst in tweetallen praten.',
    });
  }
  return { imageIds, presentation: { language: 'nl', title: 'Terugkoppeling Netwerkspiegel', subtitle: 'Dementie Oost', footer: 'Netwerkspiegel · Dementie Oost · 1 december 2026', slides } };
}

/** A table block as a slide's table (which has no `type`). */
function withoutType({ type: _type, ...table }: ReportTable): Omit<ReportTable, 'type'> {
  return table;
}
