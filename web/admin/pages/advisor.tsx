/**
 * Least privilege: what an API user used against what it may use, and one
 * step to tighten to what is used — previewed and confirmed before it is
 * applied, and offered only when it would change something.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Advice, TightenResult } from '../../../src/wire/admin.js';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

const names = (list: readonly string[]) => list.join(' ') || '(none)';

/** Why there is nothing to tighten, or undefined when there is. */
function nothingToDo(advice: Advice): string | undefined {
  if (advice.proposed.length === 0) return `${advice.user} made no call in this period: tightening would refuse everything. Turn off its Agent API Access instead.`;
  if (advice.alreadyTight) return `Nothing to tighten: ${advice.user} may call exactly what it used.`;
  return undefined;
}

export function AdvisorPage({ user }: { user: string | undefined }) {
  const [who, setWho] = useState(user ?? '');
  // Empty: the server's default period, the last 30 days by its own clock.
  const [from, setFrom] = useState('');
  const [advice, setAdvice] = useState<Advice>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');
  const confirm = useRef<HTMLDialogElement>(null);

  const load = useCallback(async () => {
    if (!user) return;
    setAdvice(await api<Advice>('GET', `/api/v2/admin/advisor/${encodeURIComponent(user)}${from ? `?from=${from}` : ''}`));
    setError(undefined);
  }, [user, from]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const apply = async () => {
    confirm.current?.close();
    if (!advice) return;
    try {
      const result = await api<TightenResult>('POST', `/api/v2/admin/advisor/${encodeURIComponent(advice.user)}/tighten`, {
        ...(from ? { from } : {}),
        version: advice.version,
      });
      setDone(result.changed ? `${advice.user} may now call only: ${names(result.applied)}.` : `Nothing changed: ${advice.user} already had exactly that.`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const idle = advice ? nothingToDo(advice) : undefined;
  return (
    <>
      <PageHeading title={user ? `Least privilege: ${user}` : 'Least privilege'} status={error ? 'Error' : done ? 'Tightened' : undefined} />
      <form
        className="card columns"
        aria-label="Choose an API user"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`advisor/${encodeURIComponent(who)}`);
        }}
      >
        <TextField label="API user" name="user" value={who} onChange={setWho} errors={{}} />
        <TextField label="Used since" name="from" type="date" value={from} onChange={setFrom} errors={{}} hint="empty: the last 30 days" />
        <div className="toolbar">
          <button className="primary" type="submit">
            Show
          </button>
        </div>
      </form>
      <Problem error={error} onReload={() => load().catch(setError)} />
      <p className="saved" role="status">
        {done}
      </p>
      {advice ? (
        <div className="card advice">
          <p>
            Used from {advice.from.slice(0, 10)} to {advice.to.slice(0, 10)}. Allowed now: <code className="allowed-now">{names(advice.allowed)}</code>
          </p>
          <div className="table-scroll" role="region" aria-label="Functions used" tabIndex={0}>
            <table className="grid">
              <thead>
                <tr>
                  <th>Function</th>
                  <th>Calls</th>
                  <th>Reached the function</th>
                  <th>Succeeded</th>
                  <th>Refused by allowed functions</th>
                </tr>
              </thead>
              <tbody>
                {advice.used.map((u) => (
                  <tr key={u.function}>
                    <td>{u.function}</td>
                    <td>{u.calls}</td>
                    <td>{u.admitted}</td>
                    <td>{u.successes}</td>
                    <td>{u.refused}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>Allowed but not used: {advice.unused.join(' ') || 'nothing'}</p>
          <p>
            Tighten to what is used: <code>{names(advice.proposed)}</code>
          </p>
          {idle ? (
            <p className="hint nothing-to-do">{idle}</p>
          ) : (
            <button className="primary" type="button" onClick={() => confirm.current?.showModal()}>
              Tighten to what is used…
            </button>
          )}
          <dialog ref={confirm} aria-labelledby="tighten-title" aria-describedby="tighten-what">
            <h3 id="tighten-title">Tighten {advice.user}'s API Allowed Functions?</h3>
            <p id="tighten-what">
              From <code>{names(advice.allowed)}</code> to <code>{names(advice.proposed)}</code>.
            </p>
            <p className="preview">
              Calls on record that this would have refused:{' '}
              {advice.wouldRefuse.length ? advice.wouldRefuse.map((w) => `${w.function} (${w.calls})`).join(', ') : 'none'}.
            </p>
            <div className="toolbar">
              <button className="primary" type="button" onClick={apply}>
                Apply
              </button>
              <button type="button" onClick={() => confirm.current?.close()}>
                Cancel
              </button>
            </div>
          </dialog>
        </div>
      ) : null}
    </>
  );
}
