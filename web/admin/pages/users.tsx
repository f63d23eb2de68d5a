/** Users: search, the list with each account's API reach, and the way to a new one. */
import { useEffect, useState } from 'react';
import type { UserList, UserListItem } from '../../../src/wire/admin.js';
import { api, parseSet } from '../api.js';
import { PageHeading } from '../components/page-heading.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

export function UsersPage() {
  const [search, setSearch] = useState('');
  const [users, setUsers] = useState<readonly UserListItem[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const timer = setTimeout(() => {
      api<UserList>('GET', `/api/v2/admin/users?search=${encodeURIComponent(search)}`)
        .then((r) => setUsers(r.users))
        .catch(setError);
    }, 150);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <>
      <PageHeading title="Users" />
      <div className="toolbar">
        <input type="search" aria-label="Search users" placeholder="Search by id, name or group" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button className="primary" onClick={() => navigate('users/new')}>
          New user
        </button>
      </div>
      <Problem error={error} />
      <div className="table-scroll" role="region" aria-label="Users" tabIndex={0}>
        <table className="grid">
          <thead>
            <tr>
              <th>User</th>
              <th>Name</th>
              <th>Level</th>
              <th>Group</th>
              <th>Active</th>
              <th>Agent API Access</th>
              <th>API Only</th>
              <th>Allowed functions</th>
              <th>List restrict</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={String(u.user)} className={u.active === 'Y' ? '' : 'inactive'}>
                <td>
                  <a href={`/admin/users/${encodeURIComponent(String(u.user))}`} onClick={(e) => (e.preventDefault(), navigate(`users/${encodeURIComponent(String(u.user))}`))}>
                    {u.user}
                  </a>
                </td>
                <td>{u.full_name}</td>
                <td>{u.user_level}</td>
                <td>{u.user_group}</td>
                <td>{u.active}</td>
                <td>{u.vdc_agent_api_access === '1' ? 'yes' : 'no'}</td>
                <td>{u.api_only_user === '1' ? 'yes' : 'no'}</td>
                <td className="functions">{parseSet(u.api_allowed_functions).join(' ') || '(none)'}</td>
                <td>{u.api_list_restrict === '1' ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
