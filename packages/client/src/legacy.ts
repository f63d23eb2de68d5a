/**
 * VICIdial's answer lines as typed values, so an integration that parses
 * /agc/api.php or /vicidial/non_agent_api.php today can move to agentgate's
 * JSON face one call at a time.
 *
 * VICIdial writes `RESULT: reason<sep>f1|f2|…` with the separator ` - `
 * or `: ` (non-agent-api.md §2.5, templates T1–T4), or none at all
 * (`ERROR: NO FUNCTION SPECIFIED`). The fields are split on `|` as
 * agentgate's JSON face splits them, so `fields` means the same on both
 * faces (T1's `: |user|…` gives a first, empty field). Reports print bare data rows,
 * `version` prints `VERSION: …|BUILD: …|…`, the coffee names a teapot line,
 * and a few lines arrive glued to the next one without a newline.
 */

export type LegacyResult = 'SUCCESS' | 'ERROR' | 'NOTICE';

/** How the fields were set off from the reason: ` - `, `: `, or not at all. */
export type LegacySeparator = ' - ' | ': ' | '';

/** A `SUCCESS:`, `ERROR:` or `NOTICE:` line. */
export interface LegacyResultLine {
  readonly kind: 'result';
  readonly result: LegacyResult;
  /** The reason text, e.g. `external_pause function set`, `agent_status AGENT NOT FOUND`. */
  readonly reason: string;
  readonly separator: LegacySeparator;
  /** The `|`-separated values after the separator, as written (empty strings kept; none when nothing follows). */
  readonly fields: readonly string[];
  /** The line as received, without its newline. */
  readonly text: string;
}

/** `VERSION: 2.14-82|BUILD: 250122-1010|DATE: …|EPOCH: …` (both APIs' `version`). */
export interface LegacyVersionLine {
  readonly kind: 'version';
  readonly version: string;
  readonly build: string;
  /** Every `NAME: value` pair of the line (VERSION, BUILD, DATE, EPOCH, and the non-agent API's DST, TZ, TZNOW). */
  readonly values: Readonly<Record<string, string>>;
  readonly text: string;
}

/** `Coffee: brew_coffee|Error 418 I'm a teapot`: the coffee names, answered with HTTP 418. */
export interface LegacyTeapotLine {
  readonly kind: 'teapot';
  readonly function: string;
  readonly text: string;
}

/** Anything else: a report row (`1000|TESTCAMP|…`), a header row, a bare URL, HTML. */
export interface LegacyDataLine {
  readonly kind: 'data';
  /** The values, split on the report's delimiter (`|` unless told). */
  readonly fields: readonly string[];
  readonly text: string;
}

export type LegacyLine = LegacyResultLine | LegacyVersionLine | LegacyTeapotLine | LegacyDataLine;

export interface LegacyAnswer {
  /** Every non-empty line, in order. */
  readonly lines: readonly LegacyLine[];
  /**
   * The last SUCCESS/ERROR/NOTICE line — the one agent-api.md §1 tells clients to read, and the
   * one agentgate's JSON face reports — or undefined when there is none (reports, version).
   */
  readonly outcome: LegacyResultLine | undefined;
  /** False when the outcome is an ERROR or a teapot; true for SUCCESS, NOTICE, or data without an outcome line. */
  readonly ok: boolean;
}

export interface LegacyParseOptions {
  /** The report delimiter the request chose with `stage` (csv → `,`, tab → `\t`); default `|`. */
  readonly delimiter?: string;
}

const RESULT_START = /^(SUCCESS|ERROR|NOTICE): /;
const VERSION_START = /^VERSION: /;
const TEAPOT = /^Coffee: ([^|]*)\|Error 418 I'm a teapot$/;
/**
 * A result word that begins a line glued to the one before it: send_notification prints
 * `NOTICE: Invalid notification date …, changing to now` and `Invalid recipient_type (…), `
 * without a newline. Not after a `|`: update_list reports a command's own `SUCCESS: Field added`
 * among its fields. Only result lines and that fragment are split, never a report's data row.
 */
const GLUED_RESULT = /(?<=[^|])(?=(?:SUCCESS|ERROR|NOTICE): )/g;
const MAY_BE_GLUED = /^(?:SUCCESS: |ERROR: |NOTICE: |Invalid recipient_type )/;

/** Parse one line (without its newline). */
export function parseLegacyLine(line: string, options: LegacyParseOptions = {}): LegacyLine {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const start = RESULT_START.exec(text);
  if (start) return resultLine(start[1] as LegacyResult, text.slice(start[0].length), text);
  if (VERSION_START.test(text)) return versionLine(text);
  const teapot = TEAPOT.exec(text);
  if (teapot) return { kind: 'teapot', function: teapot[1]!, text };
  return { kind: 'data', fields: text.split(options.delimiter ?? '|'), text };
}

/** Parse a whole answer body. */
export function parseLegacy(body: string, options: LegacyParseOptions = {}): LegacyAnswer {
  const lines = body
    .split('\n')
    .flatMap((line) => (MAY_BE_GLUED.test(line) ? line.split(GLUED_RESULT) : [line]))
    .filter((line) => line !== '' && line !== '\r')
    .map((line) => parseLegacyLine(line, options));
  const results = lines.filter((line): line is LegacyResultLine => line.kind === 'result');
  const outcome = results[results.length - 1];
  const ok = outcome ? outcome.result !== 'ERROR' : lines.length > 0 && lines.every((line) => line.kind !== 'teapot');
  return { lines, outcome, ok };
}

/** Split `reason<sep>fields` where VICIdial's templates put the separator; a reason never holds a `|`. */
function resultLine(result: LegacyResult, rest: string, text: string): LegacyResultLine {
  const firstPipe = rest.indexOf('|');
  const beforePipe = (at: number) => at >= 0 && (firstPipe < 0 || at < firstPipe);

  let dash = rest.indexOf(' - ');
  if (beforePipe(dash)) {
    // `call_agent error - no session data - 1000`: the reason `<function> error - <detail>` holds a dash itself.
    const further = rest.indexOf(' - ', dash + 3);
    if (/ error$/.test(rest.slice(0, dash)) && beforePipe(further)) dash = further;
    return split(result, rest, text, dash, ' - ');
  }
  const colon = rest.indexOf(': ');
  if (beforePipe(colon)) return split(result, rest, text, colon, ': ');
  return { kind: 'result', result, reason: rest, separator: '', fields: [], text };
}

function split(result: LegacyResult, rest: string, text: string, at: number, separator: LegacySeparator): LegacyResultLine {
  const tail = rest.slice(at + separator.length);
  return { kind: 'result', result, reason: rest.slice(0, at), separator, fields: tail === '' ? [] : tail.split('|'), text };
}

function versionLine(text: string): LegacyVersionLine {
  const values: Record<string, string> = {};
  for (const pair of text.split('|')) {
    const colon = pair.indexOf(': ');
    if (colon > 0) values[pair.slice(0, colon)] = pair.slice(colon + 2);
  }
  return { kind: 'version', version: values.VERSION ?? '', build: values.BUILD ?? '', values, text };
}
