/**
 * The agent's own callbacks (VICIdial's callbacks table: USERONLY, not yet
 * called), soonest first, with how many there are. One can be called from a
 * pause; it is then done.
 */
import { useEffect, useState } from 'react';
import type { CallbackList, ScreenState } from '../../src/wire/agent-screen';
import { api } from './api';
import { FieldError } from './field';
import { shortDateTime } from './format';
import type { Run } from './use-stream';

interface Props {
  state: ScreenState;
  run: Run;
  /** Changes whenever the list may have changed (a disposition, a callbacksreload). */
  refreshKey: number;
}

export function CallbacksPanel({ state, run, refreshKey }: Props) {
  const [list, setList] = useState<CallbackList | null>(null);
  const [error, setError] = useState<{ id: number; text: string } | null>(null);
  const [loadError, setLoadError] = useState('');
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api.callbacks().then(
      (l) => {
        setList(l);
        setLoadError('');
      },
      () => setLoadError('Your callbacks could not be read.'),
    );
  }, [refreshKey, reload]);
  const canCall = state.manualDial && state.session?.phase === 'paused';
  const call = async (id: number) => {
    setError(null);
    const outcome = await run({ type: 'dial', callbackId: id });
    if (!outcome.ok) return setError({ id, text: outcome.message });
    setReload((n) => n + 1);
  };
  const count = list?.count ?? 0;
  return (
    <section className="card" aria-labelledby="callbacks-heading">
      <h2 id="callbacks-heading">
        My callbacks <span className="count" data-testid="callback-count">{count}</span>
      </h2>
      {loadError && <p className="error">{loadError}</p>}
      {list && count === 0 && <p className="muted">No callbacks booked for you.</p>}
      {list && count > 0 && (
        <ul className="callbacks">
          {list.callbacks.map((c) => (
            <li key={c.id} className={c.due ? 'due' : ''}>
              <p>
                <strong>{shortDateTime(c.at)}</strong>
                {c.due && <span className="badge due">due</span>} {c.name || `Lead ${c.leadId}`} · {c.phone}
              </p>
              {c.comments && <p className="muted">{c.comments}</p>}
              <button disabled={!canCall} aria-describedby={error?.id === c.id ? `callback-${c.id}-error` : undefined} onClick={() => void call(c.id)}>
                Call {c.name || c.phone}
              </button>
              {error?.id === c.id && <FieldError id={`callback-${c.id}-error`} text={error.text} />}
            </li>
          ))}
        </ul>
      )}
      {list && count > list.callbacks.length && <p className="muted">The {list.callbacks.length} soonest are shown.</p>}
      <div className="row">
        {!canCall && count > 0 && <span className="muted">Pause to call one.</span>}
        <button type="button" className="link" onClick={() => setReload((n) => n + 1)}>
          Refresh
        </button>
      </div>
    </section>
  );
}
