/**
 * The agent screen: login, the campaign choice, then the workspace, kept up
 * to date by the server's pushes. A reload asks the server for the session
 * and carries on with it. The status is in the page title and announced to
 * screen readers as it changes; a new call rings (a tone and a desktop
 * notification).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ScreenState, SessionEndCause, StreamMessage } from '../../src/wire/agent-screen';
import { announceCall } from './alerts';
import { api } from './api';
import { CallCard } from './call-card';
import { CallbacksPanel } from './callbacks-panel';
import { DispositionPanel } from './disposition-panel';
import { LeadForm } from './lead-form';
import { CampaignForm, LoginForm } from './login';
import { Notices, useNotices } from './notices';
import { ScriptPanel } from './script-panel';
import { StatusBar } from './status-bar';
import { TransferPanel } from './transfer-panel';
import { useServerClock } from './use-clock';
import { useStream } from './use-stream';

type Stage = { kind: 'loading' } | { kind: 'login'; notice: string } | { kind: 'campaign'; user: string } | { kind: 'screen'; user: string };

const ENDED: Record<SessionEndCause, string> = {
  'screen-logout': 'You logged out.',
  'api-logout': 'You were logged out through the agent API (by a supervisor or an integration).',
  'logout-after-disposition': 'You were logged out after your last call.',
  timeout: 'Your session ended: the screen was away too long.',
  replaced: 'Your session was taken over by another login.',
};
const ENDED_UNSEEN = 'Your session ended while this screen was not connected: log in again.';

export function App() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [state, setState] = useState<ScreenState | null>(null);
  const { notices, add: notify, dismiss, clearErrors, clear } = useNotices();
  const [callbacksKey, setCallbacksKey] = useState(0);
  const [formReloads, setFormReloads] = useState(0);

  /**
   * Whether this session's end has been told. The first reason wins: the server follows a
   * session.ended event with a state that has no session, which alone would mean "ended unseen".
   */
  const endTold = useRef(false);
  const enterScreen = useCallback((user: string) => {
    endTold.current = false;
    setStage({ kind: 'screen', user });
  }, []);

  const resume = useCallback(async () => {
    try {
      const me = await api.me();
      const current = await api.session();
      setState(current);
      if (current.session) enterScreen(me.user);
      else setStage({ kind: 'campaign', user: me.user });
    } catch {
      setStage({ kind: 'login', notice: '' });
    }
  }, [enterScreen]);
  useEffect(() => void resume(), [resume]);

  const ended = useCallback(
    (notice: string) => {
      if (endTold.current) return;
      endTold.current = true;
      clear();
      setStage({ kind: 'login', notice });
      void api.signOut().catch(() => undefined);
    },
    [clear],
  );

  const onMessage = (m: StreamMessage) => {
    // A state without a session: it ended while this screen was not connected (its event came and went unseen).
    if (m.type === 'state') return m.state.session ? setState(m.state) : ended(ENDED_UNSEEN);
    if (m.type === 'error') return notify(m.message, 'error');
    if (m.type !== 'event') return;
    const e = m.event;
    if (e.type === 'session.ended') ended(ENDED[e.cause as SessionEndCause] ?? 'You are logged out.');
    if (e.type === 'notification') notify(e.text);
    if (e.type === 'timer.action') notify(`${e.action}${e.message ? `: ${e.message}` : ''}`);
    if (e.type === 'panel.refresh') {
      if (e.panels.includes('callbacksreload')) setCallbacksKey((k) => k + 1);
      if (e.panels.includes('formreload')) setFormReloads((k) => k + 1);
    }
  };
  const stream = useStream(stage.kind === 'screen', onMessage, () => ended('Your login has ended (a logout elsewhere, a new password or a deactivation): log in again.'));
  const elapsed = useServerClock(state?.now);

  useDocumentTitle(stage, state);

  let content;
  if (stage.kind === 'loading') content = <p>Loading…</p>;
  else if (stage.kind === 'login') content = <LoginForm notice={stage.notice} onLoggedIn={() => void resume()} />;
  else if (stage.kind === 'campaign')
    content = (
      <CampaignForm
        user={stage.user}
        onStarted={(s) => {
          setState(s);
          enterScreen(stage.user);
        }}
        onSignOut={() => void api.signOut().then(() => setStage({ kind: 'login', notice: '' }))}
      />
    );
  else if (!state?.session) content = <p>Loading…</p>;
  else
    content = (
      <Workspace
        state={state}
        elapsed={elapsed}
        run={stream.run}
        notify={notify}
        clearErrors={clearErrors}
        callbacksKey={callbacksKey}
        formReloads={formReloads}
        onDisposition={() => setCallbacksKey((k) => k + 1)}
      />
    );

  const onLogout = async () => {
    try {
      const r = await api.logout();
      if (r.loggedOut) ended(ENDED['screen-logout']);
      else notify('You will be logged out after this call.');
    } catch {
      notify('The logout did not reach the server; try again.', 'error');
    }
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="topbar">
        <h1>agentgate agent screen</h1>
        {stage.kind === 'screen' && state?.session && (
          <StatusBar state={state} connected={stream.connected} elapsed={elapsed} run={stream.run} onError={(t) => notify(t, 'error')} onLogout={() => void onLogout()} />
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {stage.kind === 'screen' && <Notices notices={notices} onDismiss={dismiss} />}
        {content}
      </main>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {stage.kind === 'screen' ? (state?.display?.text ?? '') : ''}
      </p>
    </>
  );
}

function useDocumentTitle(stage: Stage, state: ScreenState | null) {
  const title =
    stage.kind === 'login'
      ? 'Log in'
      : stage.kind === 'campaign'
        ? 'Choose a campaign'
        : stage.kind === 'screen' && state?.display
          ? `${state.display.label} · ${state.user}`
          : 'Loading';
  useEffect(() => {
    document.title = `${title} · agentgate agent`;
  }, [title]);
}

interface WorkspaceProps {
  state: ScreenState;
  elapsed: (since: string | null | undefined) => number;
  run: ReturnType<typeof useStream>['run'];
  notify: (text: string, kind?: 'info' | 'success' | 'error') => void;
  clearErrors: () => void;
  callbacksKey: number;
  formReloads: number;
  onDisposition: () => void;
}

function Workspace({ state, elapsed, run, notify, clearErrors, callbacksKey, formReloads, onDisposition }: WorkspaceProps) {
  const session = state.session!;
  const lead = state.lead;
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [leadErrors, setLeadErrors] = useState<Record<string, string>>({});

  // A new lead, or a supervisor's form reload: the form starts again from the lead as stored.
  useEffect(() => {
    setDraft({});
    setLeadErrors({});
  }, [lead?.leadId, formReloads]);
  // Edits the server now holds are no longer edits.
  useEffect(() => {
    if (lead) setDraft((d) => Object.fromEntries(Object.entries(d).filter(([k, v]) => v !== (lead.fields[k] ?? ''))));
  }, [lead]);

  // A new call (not one the agent dialled) rings; errors about the last call are gone.
  const lastCall = useRef(state.session?.call?.callerId ?? '');
  useEffect(() => {
    const callerId = session.call?.callerId ?? '';
    if (callerId === lastCall.current) return;
    lastCall.current = callerId;
    clearErrors();
    if (callerId && state.call && state.call.kind !== 'MANUAL')
      announceCall(`New call: ${state.call.number}`, `${state.call.queue.inbound ? 'In-group' : 'Campaign'} ${state.call.queue.id}${state.call.queue.name ? ` — ${state.call.queue.name}` : ''}`);
  }, [session.call?.callerId, state.call, clearErrors]);

  const saveLead = async (): Promise<boolean> => {
    if (!lead) return true;
    const changed = Object.fromEntries(Object.entries(draft).filter(([k, v]) => v !== (lead.fields[k] ?? '')));
    if (Object.keys(changed).length === 0) return true;
    const outcome = await run({ type: 'save_lead', fields: changed });
    if (outcome.ok) {
      notify('Lead saved.', 'success');
      return true;
    }
    if (outcome.field?.startsWith('fields.')) setLeadErrors({ [outcome.field.slice('fields.'.length)]: outcome.message });
    else notify(outcome.message, 'error');
    return false;
  };

  const onError = (text: string) => notify(text, 'error');
  const answered = state.call?.stage === 'answered';
  return (
    <div className="workspace">
      <div className="column">
        <CallCard state={state} elapsed={elapsed} run={run} onError={onError} />
        {session.phase === 'disposition' && (
          <DispositionPanel
            state={state}
            run={run}
            saveLead={saveLead}
            onDone={(text) => {
              notify(text, 'success');
              onDisposition();
            }}
          />
        )}
        {answered && <TransferPanel state={state} run={run} onError={onError} onDone={(t) => notify(t, 'success')} />}
      </div>
      <div className="column">
        {lead ? (
          <LeadForm
            lead={lead}
            draft={draft}
            errors={leadErrors}
            onEdit={(name, value) => {
              setDraft((d) => ({ ...d, [name]: value }));
              setLeadErrors(({ [name]: _gone, ...rest }) => rest);
            }}
            onSave={saveLead}
          />
        ) : (
          <section className="card" aria-labelledby="lead-heading">
            <h2 id="lead-heading">Lead</h2>
            <p className="muted">The lead appears here with the next call.</p>
          </section>
        )}
      </div>
      <div className="column">
        {state.script && <ScriptPanel script={state.script} />}
        <CallbacksPanel state={state} run={run} refreshKey={callbacksKey} />
      </div>
    </div>
  );
}
