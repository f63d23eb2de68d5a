/** The permission matrix: every API user's reach in one table, what the account is for, and the advice that fits it. */
import { useEffect, useState } from 'react';
import type { AccountRole, Matrix } from '../../../src/wire/admin.js';
import { api } from '../api.js';
import { PageHeading } from '../components/page-heading.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

const yes = (v: boolean) => <span className={v ? 'yes' : 'no'}>{v ? 'yes' : 'no'}</span>;
const ROLE: Record<AccountRole, string> = {
  integration: 'integration (API Only)',
  administrator: 'console administrator',
  'screen-user': 'can use the agent screen',
};

export function MatrixPage() {
  const [data, setData] = useState<Matrix>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<Matrix>('GET', '/api/v2/admin/matrix').then(setData).catch(setError);
  }, []);
  const warnings = data?.rows.reduce((n, r) => n + r.warnings.filter((w) => w.severity === 'warning').length, 0) ?? 0;
  return (
    <>
      <PageHeading title="Permission matrix" status={error ? 'Error' : data && warnings > 0 ? `${warnings} warnings` : undefined} />
      <Problem error={error} />
      {data ? (
        <>
          <p className="hint">
            API users (Agent API Access or API Only).{' '}
            {data.sharedBox ? 'This box is shared: some user groups are limited to some campaigns.' : 'Every user group allows every campaign.'} Warnings say what
            to change; notes are worth knowing.
          </p>
          <div className="table-scroll" role="region" aria-label="Permission matrix" tabIndex={0}>
            <table className="grid matrix">
              <thead>
                <tr>
                  <th>API user</th>
                  <th>What it is</th>
                  <th>Agent API Access</th>
                  <th>API Only</th>
                  <th>Allowed functions</th>
                  <th>List restrict</th>
                  <th>User group</th>
                  <th>Allowed campaigns</th>
                  <th>Last success</th>
                  <th>Warnings and notes</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.user} data-user={r.user} className={r.active ? '' : 'inactive'}>
                    <td>
                      <a href={`/admin/users/${encodeURIComponent(r.user)}`} onClick={(e) => (e.preventDefault(), navigate(`users/${encodeURIComponent(r.user)}`))}>
                        {r.user}
                      </a>
                      <div className="hint">
                        {r.fullName} · level {r.level}
                        {r.active ? '' : ' · inactive'}
                      </div>
                    </td>
                    <td data-role={r.role}>{ROLE[r.role]}</td>
                    <td>{yes(r.apiAccess)}</td>
                    <td>{yes(r.apiOnly)}</td>
                    <td className="functions">{r.allowedFunctions.join(' ') || '(none)'}</td>
                    <td>{yes(r.listRestrict)}</td>
                    <td>{r.group}</td>
                    <td>{r.allowedCampaigns.join(' ') || '(none)'}</td>
                    <td>{r.lastSuccess ?? 'never'}</td>
                    <td>
                      <ul className="warnings">
                        {r.warnings.map((w) => (
                          <li key={w.code} data-code={w.code} className={w.severity}>
                            <strong>{w.severity === 'warning' ? 'Warning' : 'Note'}:</strong> {w.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
