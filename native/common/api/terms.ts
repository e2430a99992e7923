// The API's term dictionary: the council's 表記 and よみ, kept in the data folder, imported from and
// exported to the TSV/CSV files Excel reads.
import type { FileRef } from './files';

/** 種別 the app suggests (native/dictionary/termEntry.ts TERM_KINDS); a term may have any other, kept as written. */
export const TERM_KIND_NAMES = ['議員名', '役職', '地名', '施設名', '条例名', '行政用語', 'その他'] as const;
export type TermKindName = string;

/** One entry of the council's term dictionary (the shape of native/dictionary TermEntry). */
export interface Term {
  /** 表記: how the minutes write it */
  surface: string;
  /** よみ in hiragana (katakana is converted when saved) */
  reading: string;
  kind: TermKindName;
  /** what whisper wrote instead */
  misrecognitions: string[];
  enabled: boolean;
  note: string;
}

export interface TermRow extends Term {
  id: number;
}

/** merge: add new terms and update those with the same 表記+よみ; replace: the file becomes the whole dictionary */
export type TermImportMode = 'merge' | 'replace';
export type TermFileFormat = 'tsv' | 'csv';
export type TermFileEncoding = 'utf8' | 'utf8bom' | 'shift_jis';

export interface TermImportResult {
  added: number;
  updated: number;
  /** 種別 the app does not know, kept as written; they count as その他 when terms are chosen for the prompt */
  unknownKinds?: string[];
}

export interface TermsApi {
  listTerms(): Promise<TermRow[]>;
  /** reads a TSV/CSV term file (UTF-8 or Shift_JIS); any bad line refuses the whole file, naming every bad line */
  importTerms(file: FileRef, mode: TermImportMode): Promise<TermImportResult>;
  /** the dictionary as a file (base64) for a download: the page never names a place to write */
  exportTermsBase64(format: TermFileFormat, encoding: TermFileEncoding): Promise<string>;
  /** adds a term (no id) or changes one (id) */
  saveTerm(term: Term & { id?: number }): Promise<TermRow>;
  deleteTerm(termId: number): Promise<void>;
}

export const TERMS_METHODS = [
  'listTerms',
  'importTerms',
  'exportTermsBase64',
  'saveTerm',
  'deleteTerm',
] as const satisfies readonly (keyof TermsApi)[];
