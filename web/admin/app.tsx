/** The console's shell: who is logged in, the sections, and the page of the current route. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Meta } from './api.js';
import { navigate, useRoute } from './router.js';
import { Login } from './pages/login.js';
import { UsersPage } from './pages/users.js';
import { UserEditor } from './pages/user-editor.js';
import { GroupsPage } from './pages/groups.js';
import { CampaignsPage } from './pages/campaigns.js';
import { StatusesPage } from './pages/statuses.js';
import { SettingsPage } from './pages/settings.js';
import { MatrixPage } from './pages/matrix.js';
import { AuditPage } from './pages/audit.js';
import { ExplainPage } from './pages/explain.js';
import { AdvisorPage } from './pages/advisor.js';
import { ChangesPage } from './pages/changes.js';

const SECTIONS: [string, string][] = [
  ['users', 'Users'],
  ['groups', 'User groups'],
  ['campaigns', 'Campaigns and lists'],
  ['statuses', 'Statuses and pause codes'],
  ['settings', 'System settings'],
  ['matrix', 'Permission matrix'],
  ['audit', 'Audit log'],
  ['explain', 'Explain'],
  ['advisor', 'Least privilege'],
  ['changes', 'Change log'],
];

export function App() {
  const route = useRoute();
  const [meta, setMeta] = useState<Meta | null | undefined>(undefined);
  const load = useCallback(() => {
    api<Meta>('GET', '/api/v2/admin/meta')
      .then(setMeta)
      .catch((err) => setMeta(err instanceof ApiError && err.status === 401 ? null : undefined));
  }, []);
  useEffect(load, [load]);

  const logout = async () => {
    await api('POST', '/api/v2/auth/logout?screen=admin');
    setMeta(null);
  };

  return (
    <main className="admin">
      <header>
        <h1>agentgate admin console</h1>
        {meta ? (
          <span className="who">
            {meta.me.user} (level {meta.me.level}) <button onClick={logout}>Log out</button>
          </span>
        ) : null}
      </header>
      {meta === null ? <Login onLogin={load} /> : null}
      {meta ? (
        <div className="layout">
          <nav aria-label="Sections">
            {SECTIONS.map(([page, label]) => (
              <a
                key={page}
                href={`/admin/${page}`}
                className={route.page === page ? 'current' : ''}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(page);
                }}
              >
                {label}
              </a>
            ))}
          </nav>
          <section className="page">
            <Page page={route.page} id={route.id} query={route.query} meta={meta} />
          </section>
        </div>
      ) : null}
    </main>
  );
}

function Page({ page, id, query, meta }: { page: string; id: string | undefined; query: URLSearchParams; meta: Meta }) {
  switch (page) {
    case 'users':
      return id ? <UserEditor key={id} user={id} meta={meta} /> : <UsersPage />;
    case 'groups':
      return <GroupsPage />;
    case 'campaigns':
      return <CampaignsPage meta={meta} />;
    case 'statuses':
      return <StatusesPage meta={meta} />;
    case 'settings':
      return <SettingsPage meta={meta} />;
    case 'matrix':
      return <MatrixPage />;
    case 'audit':
      return <AuditPage />;
    case 'explain':
      return <ExplainPage key={query.toString()} query={query} meta={meta} />;
    case 'advisor':
      return <AdvisorPage key={id ?? ''} user={id} />;
    case 'changes':
      return <ChangesPage />;
    default:
      return <p>No such page.</p>;
  }
}
