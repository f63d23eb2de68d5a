/**
 * The CSV side of a load: parse, map, and check each record's values, in
 * chunks of `chunkSize` candidate leads with the rejected lines between them.
 * It runs on the loader's own thread: parsing in a worker thread was measured
 * slower on a 2-core machine (the copy between threads and the contention
 * with SQLite and the WAL checkpointer cost more than the overlap gained).
 */
import fs from 'node:fs';
import { Parser, type Options } from 'csv-parse';
import { mapColumns, MappingError, recordToLead, type CsvLead, type LoadableField } from './csv-leads.js';
import { describeProblem, leadValueProblem } from './lead-values.js';

export interface PendingLead {
  readonly line: number;
  readonly lead: CsvLead;
  /** The fields as read, written back as CSV when the lead is rejected later (DNC, duplicate). */
  readonly record: readonly string[];
}

export interface Reject {
  readonly line: number;
  readonly reason: string;
  readonly raw: string;
}

export interface Chunk {
  readonly leads: PendingLead[];
  readonly rejects: Reject[];
  /** The last line the chunk covers, and the bytes read up to it. */
  readonly lastLine: number;
  readonly bytes: number;
}

export interface ChunkOptions {
  readonly file: string;
  readonly map: Readonly<Record<string, string>> | undefined;
  readonly phoneCode: string;
  /** Lines up to here were committed by an earlier run: skipped, not checked again. */
  readonly skipThrough: number;
  readonly chunkSize: number;
}

/** A refusal of the whole file (no usable header, no phone column, empty). */
export class FileError extends Error {}

const csvField = (text: string) => `"${text.replaceAll('"', '""')}"`;
export const toCsv = (record: readonly string[]) => record.map((f) => (/[",\r\n]/.test(f) ? csvField(f) : f)).join(',');

/** A record with where it lies in the file: its first and last line, and the bytes read up to its end. */
interface PlacedRecord {
  readonly record: string[];
  readonly line: number;
  readonly end: number;
  readonly bytes: number;
}

/**
 * csv-parse's parser, each record pushed with its place in the file. csv-parse
 * would hand its on_record callback the same counts, but it builds a new
 * context object for every record to do it: a million-lead load ran 10-12%
 * faster without them. Its running counts (`info`) hold the same values at
 * the moment a record is pushed.
 */
class PlacingParser extends Parser {
  /** The last line of the last record pushed. */
  parsedTo = 0;

  override push(record: string[] | null): boolean {
    if (record === null) return super.push(null);
    const { lines, bytes } = this.info;
    // A quoted field may span lines: the record starts as many lines before its end as its fields hold newlines.
    let inside = 0;
    for (const field of record) if (field.includes('\n')) inside += field.split('\n').length - 1;
    this.parsedTo = lines;
    return super.push({ record, line: lines - inside, end: lines, bytes } satisfies PlacedRecord);
  }
}

export async function* csvChunks(options: ChunkOptions): AsyncGenerator<Chunk> {
  // Line numbers are computed while parsing (push and on_skip run in file order), not while
  // consuming: the stream parses ahead of the loop.
  const skipped: Reject[] = [];
  const csvOptions: Options = {
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const first = csv.parsedTo + 1;
      const last = Math.max((err as { lines?: number } | undefined)?.lines ?? first, first);
      const reason =
        err?.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted field is never closed (broken CSV quoting)' : `unreadable CSV: ${err?.message ?? 'unknown error'}`;
      skipped.push({ line: first, reason: last > first ? `${reason}; lines ${first}-${last} not loaded` : reason, raw: '' });
      csv.parsedTo = last;
    },
  };
  const csv = new PlacingParser(csvOptions);
  const parser = fs.createReadStream(options.file).pipe(csv);
  let headerCount = 0;
  let mapping: Map<LoadableField, number> | undefined;
  let leads: PendingLead[] = [];
  let rejects: Reject[] = [];
  let lastLine = options.skipThrough;
  let bytes: number;
  /** Skipped records before `line` join the current chunk (not those an earlier run committed). */
  const takeSkipped = (line: number) => {
    while (skipped.length > 0 && skipped[0]!.line < line) {
      const r = skipped.shift()!;
      if (r.line > options.skipThrough) rejects.push(r);
    }
  };
  try {
    for await (const parsed of parser as AsyncIterable<PlacedRecord>) {
      const { record, line } = parsed;
      takeSkipped(line);
      if (!mapping) {
        try {
          mapping = mapColumns(record, options.map);
        } catch (err) {
          if (err instanceof MappingError) throw new FileError(err.message);
          throw err;
        }
        headerCount = record.length;
        continue;
      }
      if (line <= options.skipThrough) continue;
      lastLine = parsed.end;
      bytes = parsed.bytes;
      const lead = recordToLead(record, headerCount, mapping, options.phoneCode);
      const bad = 'problem' in lead ? undefined : leadValueProblem(lead.fields);
      if ('problem' in lead) rejects.push({ line, reason: lead.problem, raw: toCsv(record) });
      else if (bad) rejects.push({ line, reason: describeProblem(bad), raw: toCsv(record) });
      else leads.push({ line, lead, record });
      if (leads.length >= options.chunkSize) {
        yield { leads, rejects, lastLine, bytes };
        leads = [];
        rejects = [];
      }
    }
    if (!mapping) throw new FileError(`${options.file} is empty: it needs a header line and at least one lead`);
    takeSkipped(Number.POSITIVE_INFINITY);
    lastLine = Math.max(lastLine, csv.parsedTo);
    const size = fs.statSync(options.file).size;
    if (leads.length > 0 || rejects.length > 0 || lastLine > options.skipThrough) yield { leads, rejects, lastLine, bytes: size };
  } finally {
    parser.destroy();
  }
}
