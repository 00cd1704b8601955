import type { ErrorContext } from '../shared/errors.js';

/**
 * Where a set of rows came from, so that every error can say so: a card on a server, or a file
 * (a replay, a manual import). `lines` maps a 0-based row to its line in the file, when known.
 */
export interface SourceRef {
  card?: number;
  server?: string;
  file?: string;
  lines?: readonly number[];
}

/** "card 1514 on http://metabase:3000", "card 1514 (file run-1.json)", "file rows.csv". */
export function describeSource(ref: SourceRef): string {
  const parts: string[] = [];
  if (ref.card !== undefined) parts.push(`card ${ref.card}`);
  if (ref.server) parts.push(`on ${ref.server}`);
  if (ref.file) parts.push(ref.card !== undefined ? `(file ${ref.file})` : `file ${ref.file}`);
  return parts.length ? parts.join(' ') : 'the rows';
}

/** The same, to start a sentence. */
export function describeSourceCapitalised(ref: SourceRef): string {
  return capitalise(describeSource(ref));
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sourceContext(ref: SourceRef): ErrorContext {
  return {
    ...(ref.card !== undefined ? { card: ref.card } : {}),
    ...(ref.server ? { server: ref.server } : {}),
    ...(ref.file ? { file: ref.file } : {}),
  };
}

/** "row 3" or, for a file, "row 3 (line 4)"; rows are counted from 1 as a person reads them. */
export function describeRow(ref: SourceRef, index: number): string {
  const line = ref.lines?.[index];
  return line !== undefined ? `row ${index + 1} (line ${line})` : `row ${index + 1}`;
}
