/**
 * The top bar: who and where, the status as the agent reads it and for how
 * long, what waits for the end of the call (and who asked for it), and the
 * controls that act on the session: resume or pause, the pause code, log out.
 */
import type { ScreenState } from '../../src/wire/agent-screen';
import { arm } from './alerts';
import { duration } from './format';
import { pendingText } from './pending';
import type { Run } from './use-stream';

const TONE: Record<string, string> = { READY: 'ready', INCOMING: 'incall', DIALING: 'dialing', INCALL: 'incall', 'WRAP-UP': 'wrapup', PAUSED: 'paused', PREVIEW: 'paused' };

export function StatusBar(props: {
  state: ScreenState;
  connected: boolean;
  elapsed: (since: string) => number;
  run: Run;
  onError: (message: string) => void;
  onLogout: () => void;
}) {
  const { state, connected, elapsed, run, onError, onLogout } = props;
  const s = state.session!;
  const display = state.display!;
  const act = async (command: Parameters<Run>[0]) => {
    const outcome = await run(command);
    if (!outcome.ok) onError(outcome.message);
  };
  const pauseCodes = state.campaign?.pauseCodes ?? [];
  return (
    <div className="status-bar" aria-label="Session">
      <p className="who">
        <strong>{s.user}</strong> · {state.campaign?.name ? `${s.campaignId} — ${state.campaign.name}` : s.campaignId}
        {s.ingroups.length > 0 && <span className="muted"> · in-groups {s.ingroups.join(', ')}</span>}
      </p>
      <p className="state">
        <span className={`badge ${TONE[display.label] ?? ''}`} data-testid="status">
          {display.label}
        </span>
        <span className="muted" aria-label="Time in status" data-testid="time-in-status">
          {duration(elapsed(s.since))}
        </span>
        {s.pauseCode && <span data-testid="pause-code">code {s.pauseCode}</span>}
      </p>
      {state.pending && (
        <p className="badge pending" data-testid="pending">
          {pendingText(state.pending)}
        </p>
      )}
      <div className="row controls">
        {s.phase === 'paused' && state.availableStatus !== 'PAUSED' && (
          <button
            className="primary"
            onClick={() => {
              arm();
              void act({ type: 'resume' });
            }}
          >
            Resume
          </button>
        )}
        {s.phase === 'ready' && <button onClick={() => void act({ type: 'pause' })}>Pause</button>}
        {s.status === 'PAUSED' && s.phase === 'paused' && pauseCodes.length > 0 && (
          <label className="inline">
            Pause code
            <select value={s.pauseCode} onChange={(e) => e.target.value && void act({ type: 'pause_code', code: e.target.value })}>
              <option value="">None</option>
              {pauseCodes.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} — {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button onClick={onLogout}>Log out</button>
      </div>
      <p className={connected ? 'live' : 'offline'} role="status">
        {connected ? 'Live' : 'Reconnecting…'}
      </p>
    </div>
  );
}
