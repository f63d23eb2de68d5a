/**
 * The console's shell: a skip link, who is logged in, the sections (a menu
 * on a narrow screen), and the page of the current route. Moving to another
 * page moves the focus to its heading and says so to a screen reader.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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

const focusContent = () => {
  const content = document.getElementById('content');
  (content?.querySelector<HTMLElement>('h2') ?? content)?.focus();
};

export function App() {
  const route = useRoute();
  const [meta, setMeta] = useState<Meta | null | undefined>(undefined);
  const [menuOpen, setMenuOpen] = useState(false);
  const [announced, setAnnounced] = useState('');
  const load = useCallback(() => {
    api<Meta>('GET', '/api/v2/admin/meta')
      .then(setMeta)
      .catch((err) => setMeta(err instanceof ApiError && err.status === 401 ? null : undefined));
  }, []);
  useEffect(load, [load]);

  // After a move to another page (not on the first load): focus its heading, announce it.
  const where = `${route.page}/${route.id ?? ''}`;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setMenuOpen(false);
    const label = SECTIONS.find(([page]) => page === route.page)?.[1] ?? route.page;
    setAnnounced(`${label} page`);
    // The page renders its heading first; focus it once it is there.
    requestAnimationFrame(focusContent);
  }, [where]);

  const logout = async () => {
    await api('POST', '/api/v2/auth/logout?screen=admin');
    setMeta(null);
  };

  return (
    <div className="admin">
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => {
          e.preventDefault();
          focusContent();
        }}
      >
        Skip to content
      </a>
      <header className="top">
        <h1>agentgate admin console</h1>
        {meta ? (
          <>
            <span className="who">
              {meta.me.user} (level {meta.me.level}) <button onClick={logout}>Log out</button>
            </span>
            {/* Right before the sections it opens, so the next Tab reaches them. */}
            <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="sections" onClick={() => setMenuOpen((open) => !open)}>
              Menu
            </button>
          </>
        ) : null}
      </header>
      {meta === null ? (
        <main id="content" tabIndex={-1}>
          <Login onLogin={load} />
        </main>
      ) : null}
      {meta ? (
        <div className="layout">
          <nav id="sections" aria-label="Sections" className={menuOpen ? 'open' : ''}>
            {SECTIONS.map(([page, label]) => (
              <a
                key={page}
                href={`/admin/${page}`}
                {...(route.page === page ? { 'aria-current': 'page' as const, className: 'current' } : {})}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(page);
                }}
              >
                {label}
              </a>
            ))}
          </nav>
          <main id="content" className="page" tabIndex={-1}>
            <Page page={route.page} id={route.id} query={route.query} meta={meta} />
          </main>
        </div>
      ) : null}
      <div className="sr-only" role="status" aria-live="polite">
        {announced}
      </div>
    </div>
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
      return <AuditPage key={query.toString()} query={query} />;
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
