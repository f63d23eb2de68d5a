/**
 * The wallboard: a page for a TV across the room. It logs in with a user
 * that needs only reporting rights (the credentials stay in this tab's
 * sessionStorage, never in a URL), then shows every agent it may see, the
 * queues and today's figures, all pushed by the event stream.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { BoardAgent, BoardQueue, BoardToday } from '../../src/wire/event-stream';
import { applyEvent, EMPTY_BOARD, type Board, type StreamEvent } from './board-state';
import { useEventStream, type Credentials } from './use-event-stream';

const STORAGE_KEY = 'agentgate.wallboard';

function storedCredentials(): Credentials | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Record<string, unknown> | null;
    if (parsed && typeof parsed.key === 'string') return { key: parsed.key };
    return parsed && typeof parsed.user === 'string' && typeof parsed.pass === 'string' ? { user: parsed.user, pass: parsed.pass } : null;
  } catch {
    return null;
  }
}

export function App() {
  const [credentials, setCredentials] = useState<Credentials | null>(storedCredentials);
  const [refusal, setRefusal] = useState('');
  const [board, setBoard] = useState<Board>(EMPTY_BOARD);
  const onEvent = useCallback((e: StreamEvent) => setBoard((b) => applyEvent(b, e)), []);
  const logOut = useCallback((message = '') => {
    sessionStorage.removeItem(STORAGE_KEY);
    setCredentials(null);
    setBoard(EMPTY_BOARD);
    setRefusal(message);
  }, []);
  const status = useEventStream(credentials, onEvent, logOut);

  if (!credentials)
    return (
      <main className="wall-login">
        <h1>agentgate wallboard</h1>
        <LoginForm
          refusal={refusal}
          onSubmit={(c) => {
            sessionStorage.setItem(STORAGE_KEY, JSON.stringify(c));
            setRefusal('');
            setCredentials(c);
          }}
        />
      </main>
    );
  return (
    <main className="wall">
      <header className="wall-head">
        <h1>agentgate wallboard</h1>
        <p className={`wall-link ${status}`} role="status">
          {status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </p>
        <button type="button" onClick={() => logOut()}>
          Log out
        </button>
      </header>
      <WallBody board={board} />
    </main>
  );
}

function LoginForm({ refusal, onSubmit }: { refusal: string; onSubmit: (c: Credentials) => void }) {
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [key, setKey] = useState('');
  const [missing, setMissing] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (key.trim()) return onSubmit({ key: key.trim() });
    if (user && pass) return onSubmit({ user, pass });
    setMissing('Enter a user and its password, or an API key.');
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="wall-login-heading">
      <h2 id="wall-login-heading">Log in</h2>
      <p>A user with reporting rights (View Reports) is enough: the wallboard only reads.</p>
      {(refusal || missing) && (
        <p className="error" role="alert">
          {missing || refusal}
        </p>
      )}
      <label htmlFor="wall-user">User</label>
      <input id="wall-user" name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
      <label htmlFor="wall-pass">Password</label>
      <input id="wall-pass" name="pass" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} />
      <label htmlFor="wall-key">or an API key</label>
      <input id="wall-key" name="key" type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
      <button type="submit" className="primary">
        Log in
      </button>
    </form>
  );
}

/** Re-render every second: times in status and waits count up between events. */
function useNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now + offsetMs;
}

const duration = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

function WallBody({ board }: { board: Board }) {
  const now = useNow(board.clockOffsetMs);
  const agents = [...board.agents.values()].sort((a, b) => a.user.localeCompare(b.user));
  return (
    <div className="wall-grid">
      <section aria-labelledby="today-heading" className="wall-today">
        <h2 id="today-heading">Today</h2>
        {board.today ? <Today today={board.today} /> : <p>Waiting for the server…</p>}
      </section>
      <section aria-labelledby="queues-heading" className="wall-queues">
        <h2 id="queues-heading">Queues</h2>
        <Queues queues={board.queues} now={now} />
      </section>
      <section aria-labelledby="agents-heading" className="wall-agents">
        <h2 id="agents-heading">Agents ({agents.length})</h2>
        {agents.length === 0 ? (
          <p>No agent is logged in.</p>
        ) : (
          <ul className="agent-cards">
            {agents.map((a) => (
              <AgentCard key={a.user} agent={a} now={now} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Today({ today }: { today: BoardToday }) {
  const dispositions = Object.entries(today.dispositions).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <dl className="figures">
        <div>
          <dt>Calls</dt>
          <dd>{today.calls}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>{today.answered}</dd>
        </div>
        <div>
          <dt>Dropped</dt>
          <dd>{today.dropped}</dd>
        </div>
        <div>
          <dt>Service level ({today.serviceLevelSeconds} s)</dt>
          <dd>{today.serviceLevel === null ? '–' : `${today.serviceLevel}%`}</dd>
        </div>
      </dl>
      <h3>Dispositions</h3>
      {dispositions.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <ul className="dispositions">
          {dispositions.map(([status, n]) => (
            <li key={status}>
              <span>{status}</span> <strong>{n}</strong>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Queues({ queues, now }: { queues: readonly BoardQueue[]; now: number }) {
  if (queues.length === 0) return <p>No queue to show.</p>;
  return (
    <table className="queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col">Waiting</th>
          <th scope="col">Longest wait</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={`${q.kind}:${q.id}`} className={q.waiting > 0 ? 'busy' : undefined}>
            <th scope="row">
              {q.id} <span className="kind">{q.kind === 'INGROUP' ? 'in-group' : 'campaign'}</span>
            </th>
            <td>{q.waiting}</td>
            <td>{q.oldestSince ? duration(now - Date.parse(q.oldestSince)) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AgentCard({ agent, now }: { agent: BoardAgent; now: number }) {
  return (
    <li className={`agent-card status-${agent.status}`} data-user={agent.user}>
      <span className="agent-name">
        {agent.name} <span className="agent-user">{agent.user}</span>
      </span>
      <span className="agent-status">{agent.status}</span>
      <span className="agent-time" aria-label="time in status">
        {duration(now - Date.parse(agent.since))}
      </span>
      <span className="agent-meta">
        {agent.campaign}
        {agent.pauseCode ? ` · ${agent.pauseCode}` : ''} · {agent.callsToday} calls
      </span>
    </li>
  );
}
