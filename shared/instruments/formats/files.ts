import type { Locale, LocalizedText } from '../../text';

/**
 * The files an instrument can be imported from and exported to: Netwerkspiegel's own JSON, an
 * XLSForm-like spreadsheet (.xlsx) and a REDCap data dictionary (.csv). Zod-free, for the screen.
 */
export const INSTRUMENT_FILE_FORMATS = ['json', 'xlsx', 'redcap'] as const;
export type InstrumentFileFormat = (typeof INSTRUMENT_FILE_FORMATS)[number];

/** The extension each format's file gets. */
export const INSTRUMENT_FILE_EXTENSIONS: Record<InstrumentFileFormat, string> = { json: 'json', xlsx: 'xlsx', redcap: 'csv' };

/**
 * A read and checked instrument file, held by the main process until the researcher confirms it
 * (`importInstrumentFile` with its `previewId`) or picks another: what it holds, how its rows were
 * taken over and what was left out, and whether this id and version is already stored.
 */
export interface InstrumentFilePreview {
  previewId: string;
  fileName: string;
  format: InstrumentFileFormat;
  instrumentId: string;
  version: number;
  name: LocalizedText;
  languages: readonly Locale[];
  items: number;
  sections: number;
  subscales: number;
  mapped: string[];
  leftOut: string[];
  /** `same`: stored already with this content (importing changes nothing); `different`: this version exists with other content. */
  existing: 'none' | 'same' | 'different';
}
