/**
 * The legacy parser over real answers: lines of agent-api.md, non-agent-api.md
 * and permissions.md, as agentgate's tests pin them, irregular ones included.
 */
import { describe, expect, it } from 'vitest';
import { parseLegacy, parseLegacyLine, type LegacyResultLine } from '../src/legacy.js';

const result = (text: string) => {
  const line = parseLegacyLine(text);
  if (line.kind !== 'result') throw new Error(`not a result line: ${text}`);
  return line;
};
/** The parse loses nothing: the line can be written back from its parts. */
const rebuilt = (l: LegacyResultLine) => `${l.result}: ${l.reason}${l.separator}${l.fields.join('|')}`;

describe('result lines', () => {
  it('reads the normal layout, RESULT: reason - f1|f2|…', () => {
    const line = result('SUCCESS: external_pause function set - PAUSE|1795860000|1000');
    expect(line).toEqual({
      kind: 'result',
      result: 'SUCCESS',
      reason: 'external_pause function set',
      separator: ' - ',
      fields: ['PAUSE', '1795860000', '1000'],
      text: 'SUCCESS: external_pause function set - PAUSE|1795860000|1000',
    });
    expect(result('ERROR: external_pause not valid - PAUS|1000')).toMatchObject({ result: 'ERROR', reason: 'external_pause not valid', fields: ['PAUS', '1000'] });
    expect(result('SUCCESS: calls_in_queue_count - 3')).toMatchObject({ reason: 'calls_in_queue_count', fields: ['3'] });
  });

  it('keeps empty fields where VICIdial writes them (a trailing | is one more, empty field)', () => {
    expect(result('SUCCESS: update_user USER HAS BEEN UPDATED - 6000|1000|').fields).toEqual(['6000', '1000', '']);
    expect(result('ERROR: lead_status_search NO RESULTS FOUND: 6000|5||').fields).toEqual(['6000', '5', '', '']);
  });

  it('takes "<function> error - <detail>" as one reason', () => {
    expect(result('ERROR: call_agent error - no session data - 1000')).toMatchObject({ reason: 'call_agent error - no session data', fields: ['1000'] });
    expect(result('ERROR: webphone_url error - webphone url is empty - 1000')).toMatchObject({ reason: 'webphone_url error - webphone url is empty', fields: ['1000'] });
    expect(result('ERROR: pause_code error - agent is not paused - 1000')).toMatchObject({ reason: 'pause_code error - agent is not paused', fields: ['1000'] });
    // Without a second dash the detail is the field, as written.
    expect(result('ERROR: agent_user is not paused - 1000')).toMatchObject({ reason: 'agent_user is not paused', fields: ['1000'] });
  });

  it("reads the non-agent API's templates T1 (`: |`) and T3 (`: `), T1's first field empty as the JSON face has it", () => {
    expect(result('ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6000|add_lead|')).toMatchObject({
      reason: 'auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION',
      separator: ': ',
      fields: ['', '6000', 'add_lead', ''],
    });
    expect(result('ERROR: agent_status AGENT NOT FOUND: 6000|9999')).toMatchObject({ reason: 'agent_status AGENT NOT FOUND', separator: ': ', fields: ['6000', '9999'] });
    expect(result('ERROR: Invalid Username/Password: |6666||0|0||')).toMatchObject({ reason: 'Invalid Username/Password', fields: ['', '6666', '', '0', '0', '', ''] });
    expect(result('ERROR: Too many login attempts, try again in 15 minutes: |6666|LOCK|')).toMatchObject({
      reason: 'Too many login attempts, try again in 15 minutes',
      fields: ['', '6666', 'LOCK', ''],
    });
  });

  it('prefers the dash when the reason itself has a colon, and never splits inside the fields', () => {
    expect(result('NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - 6000|1002|a@b.c|agentgate does not send passwords by mail')).toMatchObject({
      reason: 'update_user USER PASSWORD RESET FAILED: EMAIL FAILURE',
      fields: ['6000', '1002', 'a@b.c', 'agentgate does not send passwords by mail'],
    });
    expect(result('NOTICE: update_list LIST RESET FAILED, daily reset limit reached: 3 / 2 - 6000|101').reason).toBe(
      'update_list LIST RESET FAILED, daily reset limit reached: 3 / 2',
    );
    // A colon or a dash after the first | belongs to a field.
    expect(result('ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6000|7|V - 1: x|3125550150')).toMatchObject({
      reason: 'lead_search NO MATCHES FOUND IN THE SYSTEM',
      fields: ['', '6000', '7', 'V - 1: x', '3125550150'],
    });
  });

  it('reads a line without fields (no separator)', () => {
    expect(result('ERROR: NO FUNCTION SPECIFIED')).toMatchObject({ reason: 'NO FUNCTION SPECIFIED', separator: '', fields: [] });
    expect(result('ERROR: System API NOT ACTIVE')).toMatchObject({ reason: 'System API NOT ACTIVE', fields: [] });
  });

  it('gives no field when nothing follows the separator', () => {
    expect(result('SUCCESS: refresh_panel request sent - ')).toMatchObject({ reason: 'refresh_panel request sent', separator: ' - ', fields: [] });
  });

  it('loses nothing: every part of every kind of line writes the line back', () => {
    for (const text of [
      'SUCCESS: external_status function set - SALE|1000',
      'ERROR: call_agent error - entry is empty - 1000',
      'ERROR: Invalid Source: |x|',
      'ERROR: agent_status AGENT NOT LOGGED IN: 6000|1001',
      'ERROR: Your IP Address is not allowed: 10.0.0.9: ||IPBLOCK|',
      'NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 0|6000',
      'ERROR: NO FUNCTION SPECIFIED',
      'SUCCESS: refresh_panel request sent - ',
    ])
      expect(rebuilt(result(text))).toBe(text);
  });
});

describe('irregular lines', () => {
  it('reads version lines of both APIs', () => {
    expect(parseLegacyLine('VERSION: 2.14-82|BUILD: 250122-1010|DATE: 2026-11-28 10:00:00|EPOCH: 1795860000')).toEqual({
      kind: 'version',
      version: '2.14-82',
      build: '250122-1010',
      values: { VERSION: '2.14-82', BUILD: '250122-1010', DATE: '2026-11-28 10:00:00', EPOCH: '1795860000' },
      text: 'VERSION: 2.14-82|BUILD: 250122-1010|DATE: 2026-11-28 10:00:00|EPOCH: 1795860000',
    });
    const nonAgent = parseLegacyLine('VERSION: 2.14-202|BUILD: 250720-1841|DATE: 2025-07-21 10:00:00|EPOCH: 1753106400|DST: 1|TZ: -5.00|TZNOW: -4|');
    expect(nonAgent).toMatchObject({ kind: 'version', version: '2.14-202', values: { DST: '1', TZ: '-5.00', TZNOW: '-4' } });
  });

  it("reads the coffee names' teapot", () => {
    expect(parseLegacyLine("Coffee: brew_coffee|Error 418 I'm a teapot")).toMatchObject({ kind: 'teapot', function: 'brew_coffee' });
    expect(parseLegacy("Coffee: coffee|Error 418 I'm a teapot")).toMatchObject({ ok: false, outcome: undefined });
  });

  it('reads report rows as data, on the delimiter the request chose', () => {
    expect(parseLegacyLine('1000|TESTCAMP|8600051|PAUSED|0||0|Agent 1000|AGENTS|1||')).toEqual({
      kind: 'data',
      fields: ['1000', 'TESTCAMP', '8600051', 'PAUSED', '0', '', '0', 'Agent 1000', 'AGENTS', '1', '', ''],
      text: '1000|TESTCAMP|8600051|PAUSED|0||0|Agent 1000|AGENTS|1||',
    });
    expect(parseLegacyLine('TESTIN,1,0,1', { delimiter: ',' })).toMatchObject({ kind: 'data', fields: ['TESTIN', '1', '0', '1'] });
    // A report row is never split on a result word inside a value.
    expect(parseLegacy('1000|call back ERROR: wrong number|x\n').lines).toHaveLength(1);
  });
});

describe('whole answers', () => {
  it('takes the last result line as the outcome (agent-api.md §1)', () => {
    const answer = parseLegacy('NOTICE: defined dial_ingroup not found - NOPE\nERROR: agent_user is not paused - 1000\n');
    expect(answer.lines.map((l) => l.kind === 'result' && l.result)).toEqual(['NOTICE', 'ERROR']);
    expect(answer.outcome).toMatchObject({ result: 'ERROR', reason: 'agent_user is not paused' });
    expect(answer.ok).toBe(false);

    const added = parseLegacy(
      'SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125557011|101|13|-6|6000\nNOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125557011|13|-6|0|6000\n',
    );
    expect(added.outcome).toMatchObject({ result: 'NOTICE', reason: 'add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME' });
    expect(added.ok).toBe(true);
  });

  it('reads both Invalid Source lines', () => {
    const answer = parseLegacy('ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n');
    expect(answer.lines).toMatchObject([
      { reason: 'Invalid Source', separator: ' - ', fields: ['x'] },
      { reason: 'Invalid Source', separator: ': ', fields: ['', 'x', ''] },
    ]);
  });

  it("splits send_notification's lines that arrive without a newline, and no line's own fields", () => {
    const dated = parseLegacy('NOTICE: Invalid notification date 2026-13-45 99:00:00, changing to nowSUCCESS: notification queued - 1000|USER|7\n');
    expect(dated.lines).toMatchObject([
      { result: 'NOTICE', reason: 'Invalid notification date 2026-13-45 99:00:00, changing to now', fields: [] },
      { result: 'SUCCESS', reason: 'notification queued', fields: ['1000', 'USER', '7'] },
    ]);
    const guessed = parseLegacy('Invalid recipient_type (BOGUS), NOTICE: found 1000 as USER<BR>SUCCESS: notification queued - 1000|USER|8\n');
    expect(guessed.lines.map((l) => l.kind)).toEqual(['data', 'result', 'result']);
    expect(guessed.outcome).toMatchObject({ result: 'SUCCESS', fields: ['1000', 'USER', '8'] });

    const copied = parseLegacy('NOTICE: update_list ADD CUSTOM FIELD COMMAND SENT - 6000|101|lbl|TEXT|SUCCESS: Field added|\n');
    expect(copied.lines).toHaveLength(1);
    expect(copied.outcome?.fields).toEqual(['6000', '101', 'lbl', 'TEXT', 'SUCCESS: Field added', '']);
  });

  it('skips blank lines, takes CRLF, and counts a report without an outcome line as done', () => {
    expect(parseLegacy('ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |6000|1000|UPDATE|8\n\n').lines).toHaveLength(1);
    const report = parseLegacy('TESTIN|1|0|1|1|0|0|0|0\r\nTESTCAMP|0|0|0|0|0|0|0|0\r\n');
    expect(report.lines).toMatchObject([{ kind: 'data', text: 'TESTIN|1|0|1|1|0|0|0|0' }, { kind: 'data' }]);
    expect(report).toMatchObject({ outcome: undefined, ok: true });
    expect(parseLegacy('')).toMatchObject({ lines: [], outcome: undefined, ok: false });
  });

  it('reads the close-window link after an answer as data, and keeps the outcome', () => {
    const answer = parseLegacy(
      `SUCCESS: external_hangup function set - 1|1000\n\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`,
    );
    expect(answer.lines.map((l) => l.kind)).toEqual(['result', 'data']);
    expect(answer.outcome?.reason).toBe('external_hangup function set');
  });
});
