import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../store/repositories/audit-search.js';
import { auditCsvLine, scrubStoredUrl, shownAuditRow } from './audit-csv.js';

const row: AuditRow = {
  apiId: 7,
  date: '2026-11-28 10:00:00',
  script: 'agent',
  user: '6666',
  agentUser: '1000',
  function: 'external_pause',
  value: '=HYPERLINK("x")',
  result: 'ERROR',
  reason: 'Invalid Username/Password',
  source: 'crm',
  data: '6666|hunter2|1|0|BAD|0|api|SELECT …|',
  runTime: '0.01',
  remoteIp: '10.0.0.9',
  url: 'http://x/agc/api.php?user=6666&pass=hunter2&agent_pass=a&phone_pass%5B%5D=b&function=external_pause',
};

describe('audit rows shown and exported', () => {
  it("hides a password VICIdial's own api.php stored in data or in the URL", () => {
    const shown = shownAuditRow(row);
    expect(shown.data).toBe('6666|(hidden)|');
    expect(shown.url).toBe('http://x/agc/api.php?user=6666&pass=***&agent_pass=***&phone_pass%5B%5D=***&function=external_pause');
    expect(shownAuditRow({ ...row, data: '6666|BAD|' }).data).toBe('6666|BAD|');
    expect(scrubStoredUrl('http://x/a?user=1&pass=***')).toBe('http://x/a?user=1&pass=***');
  });

  it('neutralises formulas and quotes cells', () => {
    const line = auditCsvLine(row);
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).not.toContain('hunter2');
    expect(line.endsWith('\r\n')).toBe(true);
  });
});
