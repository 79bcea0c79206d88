/**
 * *Toelichting*: what is in the file, for the person who opens it months later. The study's
 * networks with their waves, dates and response counts, the app version and export time, the
 * suppression threshold, the instruments' attribution and licence, and how to read the sheets.
 */
import type { WaveKind } from '../domain';
import type { InstrumentDefinition } from '../instruments/schema';
import { allAvailableIn } from '../instruments/languages';
import { inLocale, type Locale } from '../text';
import { EXPORT_METHODS, type ValueMode } from './dataset';
import { localDate, type Cell, type Table } from './table';
import { EXPORT_TERMS } from './terms';

export interface NotesInput {
  language: Locale;
  appVersion: string;
  exportedAt: Date;
  values: ValueMode;
  includeOpenAnswers: boolean;
  networks: {
    name: string;
    minGroupSize: number;
    waves: { label: string; kind: WaveKind; plannedDate: string | null; started: number; complete: number }[];
  }[];
  instruments: InstrumentDefinition[];
  /** Sheets in the file, by key, in order (the notes sheet itself excluded). */
  sheets: ('long' | 'wide' | 'scores' | 'codebook' | 'descriptives' | 'comparison' | 'reliability' | 'linking')[];
  /** Statistics that could not be computed, as sentences. */
  problems: string[];
}

export function notesTable(input: NotesInput): Table {
  const t = EXPORT_TERMS[input.language];
  const n = t.notes;
  const rows: Cell[][] = [];
  const add = (topic: string, value: Cell, explanation = '') => rows.push([topic, value, explanation]);

  add(n.title, n.titleValue);
  add(n.exportedAt, input.exportedAt);
  add(n.appVersion, input.appVersion);
  add(n.values, input.values === 'codes' ? n.valuesCodes : n.valuesLabels);
  add(n.openAnswers, input.includeOpenAnswers ? n.openIncluded : n.openExcluded);
  add(n.privacy, n.privacyText);
  add(n.networks, input.networks.length);
  for (const network of input.networks) {
    add(n.network(network.name), '');
    add(n.minGroupSize, network.minGroupSize, n.minGroupSizeExplanation);
    for (const wave of network.waves) {
      add(n.wave(wave.label), n.waveValue(t.waveKinds[wave.kind], wave.started, wave.complete));
      if (wave.plannedDate) add(n.waveDate, localDate(wave.plannedDate) ?? wave.plannedDate);
    }
  }
  for (const def of input.instruments) {
    add(n.instrument(inLocale(def.name, input.language), String(def.version)), inLocale(def.description, input.language));
    add(n.attribution, inLocale(def.attribution, input.language));
    add(n.licence, inLocale(def.licence, input.language));
    if (!allAvailableIn([def], input.language)) add(n.dutchOnly, n.dutchOnlyText);
  }
  const items = input.instruments.flatMap((def) => def.items);
  if (items.some((item) => item.showWhen)) add(t.structure.notesHidden, t.structure.notesHiddenText);
  if (items.some((item) => item.type === 'multiple')) add(t.structure.notesMultiple, t.structure.notesMultipleText);
  for (const key of input.sheets) add(`${n.sheet}: ${t.sheets[key]}`, n.sheetTexts[key]);
  for (const { key } of EXPORT_METHODS) add(t.methods[key].topic, t.methods[key].text);
  if (input.sheets.includes('comparison')) add(n.exploratory, n.exploratoryText);
  const f = t.fixed;
  add(n.times, n.timesText(`${f.started.name}, ${f.completed.name}`, `${f.startedExact.name}, ${f.completedExact.name}`));
  add(n.formulas, n.formulasText);
  add(n.longTexts, n.longTextsText(t.cellShortened('N')));
  add(n.layout, n.layoutText);
  for (const problem of input.problems) add('!', problem);

  return {
    name: t.sheets.notes,
    columns: [
      { name: n.headers.topic, kind: 'text', width: 34 },
      { name: n.headers.value, kind: 'mixed', width: 90 },
      { name: n.headers.explanation, kind: 'text', width: 60 },
    ],
    rows,
  };
}
