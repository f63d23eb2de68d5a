/** The permission matrix: every API user's reach in one table, with what is risky about it. */
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

interface Row {
  user: string;
  fullName: string;
  active: boolean;
  level: number;
  group: string;
  apiAccess: boolean;
  apiOnly: boolean;
  allowedFunctions: string[];
  listRestrict: boolean;
  allowedCampaigns: string[];
  lastSuccess?: string;
  warnings: { code: string; message: string }[];
}

const yes = (v: boolean) => <span className={v ? 'yes' : 'no'}>{v ? 'yes' : 'no'}</span>;

export function MatrixPage() {
  const [data, setData] = useState<{ sharedBox: boolean; rows: Row[] }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<{ sharedBox: boolean; rows: Row[] }>('GET', '/api/v2/admin/matrix').then(setData).catch(setError);
  }, []);
  if (!data) return <Problem error={error} />;
  return (
    <>
      <h2>Permission matrix</h2>
      <p className="hint">
        API users (Agent API Access or API Only). {data.sharedBox ? 'This box is shared: some user groups are limited to some campaigns.' : 'Every user group allows every campaign.'}
      </p>
      <table className="grid matrix" aria-label="Permission matrix">
        <thead>
          <tr>
            <th>API user</th>
            <th>Agent API Access</th>
            <th>API Only</th>
            <th>Allowed functions</th>
            <th>List restrict</th>
            <th>User group</th>
            <th>Allowed campaigns</th>
            <th>Last success</th>
            <th>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.user} data-user={r.user} className={r.active ? '' : 'inactive'}>
              <td>
                <a href={`/admin/users/${r.user}`} onClick={(e) => (e.preventDefault(), navigate(`users/${encodeURIComponent(r.user)}`))}>
                  {r.user}
                </a>
                <div className="hint">
                  {r.fullName} · level {r.level}
                  {r.active ? '' : ' · inactive'}
                </div>
              </td>
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
                    <li key={w.code} data-code={w.code}>
                      {w.message}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
