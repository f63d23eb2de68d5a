/**
 * The agent screen: login, the campaign choice, then the live screen, kept
 * up to date by the server's pushes. A reload asks the server for the session
 * and carries on with it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from './api';
import { CampaignForm, LoginForm } from './login';
import { ActionsPanel, DispositionPanel, LeadPanel, RefreshPanels } from './panels';
import type { Notice, ScreenState } from './types';
import { useStream, type StreamMessage } from './use-stream';

type Stage = { kind: 'loading' } | { kind: 'login'; notice: string } | { kind: 'campaign'; user: string } | { kind: 'screen'; user: string };

const ENDED: Record<string, string> = {
  'api-logout': 'You were logged out by the API.',
  'logout-after-disposition': 'You were logged out after your last call.',
  timeout: 'Your session ended: the screen was away too long.',
  replaced: 'Your session was taken over by another login.',
};

let noticeId = 0;

export function App() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [state, setState] = useState<ScreenState | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [refreshed, setRefreshed] = useState<Record<string, string>>({});
  const notify = (text: string, kind: Notice['kind'] = 'info') => setNotices((n) => [...n.slice(-4), { id: ++noticeId, text, kind }]);

  const resume = useCallback(async () => {
    try {
      const me = await api.me();
      const current = await api.session();
      setState(current);
      setStage(current.session ? { kind: 'screen', user: me.user } : { kind: 'campaign', user: me.user });
    } catch {
      setStage({ kind: 'login', notice: '' });
    }
  }, []);
  useEffect(() => void resume(), [resume]);

  const onMessage = (m: StreamMessage) => {
    if (m.type === 'state') {
      setState(m.state);
      if (!m.state.session) setStage((s) => (s.kind === 'screen' ? { kind: 'login', notice: s.kind === 'screen' ? 'You are logged out.' : '' } : s));
      return;
    }
    if (m.type === 'error') return notify(m.message, 'error');
    if (m.type !== 'event') return;
    const e = m.event;
    if (e.type === 'session.ended') {
      setStage({ kind: 'login', notice: ENDED[e.cause ?? ''] ?? 'You are logged out.' });
      void api.signOut().catch(() => {});
    }
    if (e.type === 'notification') notify(e.text ?? '');
    if (e.type === 'timer.action') notify(`Timer action ${e.action}: ${e.message ?? ''}`);
    if (e.type === 'panel.refresh') {
      const at = new Date().toLocaleTimeString();
      setRefreshed((r) => ({ ...r, ...Object.fromEntries((e.panels ?? []).map((p) => [p, at])) }));
    }
  };
  const stream = useStream(stage.kind === 'screen', onMessage);

  if (stage.kind === 'loading') return <p>Loading…</p>;
  if (stage.kind === 'login') return <LoginForm notice={stage.notice} onLoggedIn={() => void resume()} />;
  if (stage.kind === 'campaign')
    return (
      <CampaignForm
        user={stage.user}
        onStarted={(s) => {
          setState(s);
          setStage({ kind: 'screen', user: stage.user });
        }}
        onSignOut={() => void api.signOut().then(() => setStage({ kind: 'login', notice: '' }))}
      />
    );
  if (!state?.session) return <p>Loading…</p>;
  const s = state.session;
  return (
    <div className="screen">
      <StatusBar state={state} connected={stream.connected} send={stream.send} onLogout={() => void api.logout().then((r) => r.pending && notify('You will be logged out after this call.'))} />
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <p key={n.id} className={n.kind === 'error' ? 'error' : 'notice'} role={n.kind === 'error' ? 'alert' : 'status'}>
            {n.text}
          </p>
        ))}
      </div>
      <div className="grid">
        <LeadPanel state={state} refreshed={refreshed} />
        <div>
          {s.phase === 'disposition' && <DispositionPanel state={state} send={stream.send} />}
          <ActionsPanel state={state} send={stream.send} />
          <RefreshPanels refreshed={refreshed} />
        </div>
      </div>
    </div>
  );
}

function StatusBar({ state, connected, send, onLogout }: { state: ScreenState; connected: boolean; send: (m: Record<string, unknown>) => void; onLogout: () => void }) {
  const s = state.session!;
  // Time in status counts on the server's clock: the offset is taken when the state arrives.
  const offset = useMemo(() => Date.parse(state.now) - Date.now(), [state.now]);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.floor((now + offset - new Date(s.since).getTime()) / 1000));
  const time = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <header className="card status">
      <div>
        <strong>{s.user}</strong> · {s.campaignId}
        {s.ingroups.length > 0 && ` · ${s.ingroups.join(' ')}`}
      </div>
      <div className={`badge ${s.status.toLowerCase()}`} data-testid="status">
        {s.status}
      </div>
      <div data-testid="time-in-status">{time}</div>
      {s.pending && (
        <div className="badge pending" data-testid="pending">
          {s.pending} pending
        </div>
      )}
      {s.pauseCode && <div>code {s.pauseCode}</div>}
      <div className="row">
        {s.phase === 'paused' && (
          <button className="primary" onClick={() => send({ type: 'resume' })}>
            Resume
          </button>
        )}
        {(s.phase === 'ready' || s.phase === 'on-call' || s.phase === 'disposition') && !s.pending && <button onClick={() => send({ type: 'pause' })}>Pause</button>}
        {s.status === 'PAUSED' && (state.campaign?.pauseCodes.length ?? 0) > 0 && (
          <select aria-label="Pause code" value={s.pauseCode} onChange={(e) => send({ type: 'pause_code', code: e.target.value })}>
            <option value="">Pause code…</option>
            {state.campaign!.pauseCodes.map((p) => (
              <option key={p.code} value={p.code}>
                {p.code} — {p.name}
              </option>
            ))}
          </select>
        )}
        <button onClick={onLogout}>Log out</button>
      </div>
      <div className={connected ? 'live' : 'offline'}>{connected ? 'live' : 'reconnecting…'}</div>
    </header>
  );
}
