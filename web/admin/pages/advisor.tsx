/** Least privilege: what an API user used against what it may use, and one step to tighten to what is used. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.js';
import { TextField } from '../components/fields.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

interface Advice {
  user: string;
  allowsAll: boolean;
  allowed: string[];
  used: { function: string; calls: number; successes: number; refused: number; admitted: number }[];
  unused: string[];
  proposed: string[];
  wouldRefuse: { function: string; calls: number }[];
  version: string;
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export function AdvisorPage({ user }: { user: string | undefined }) {
  const [who, setWho] = useState(user ?? '');
  const [from, setFrom] = useState(daysAgo(30));
  const [advice, setAdvice] = useState<Advice>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState('');

  const load = useCallback(async () => {
    if (!user) return;
    setAdvice(await api<Advice>('GET', `/api/v2/admin/advisor/${encodeURIComponent(user)}?from=${from}`));
    setError(undefined);
  }, [user, from]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const tighten = async () => {
    if (!advice) return;
    try {
      await api('POST', `/api/v2/admin/advisor/${encodeURIComponent(advice.user)}/tighten`, { from, version: advice.version });
      setDone(`${advice.user} may now call only: ${advice.proposed.join(' ')}.`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <>
      <h2>Least privilege</h2>
      <form
        className="card columns"
        aria-label="Choose an API user"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`advisor/${encodeURIComponent(who)}`);
        }}
      >
        <TextField label="API user" name="user" value={who} onChange={setWho} errors={{}} />
        <TextField label="Used since" name="from" type="date" value={from} onChange={setFrom} errors={{}} />
        <div className="toolbar">
          <button className="primary" type="submit">
            Show
          </button>
        </div>
      </form>
      <Problem error={error} onReload={() => load().catch(setError)} />
      {done ? <p className="saved" role="status">{done}</p> : null}
      {advice ? (
        <div className="card advice">
          <p>
            Allowed now: <code>{advice.allowed.join(' ') || '(none)'}</code>
          </p>
          <table className="grid" aria-label="Functions used">
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
          <p>Allowed but not used: {advice.unused.join(' ') || 'nothing'}</p>
          <p>
            Tighten to what is used: <code>{advice.proposed.join(' ') || '(nothing was used)'}</code>
          </p>
          <p>
            Preview — calls on record that this would have refused:{' '}
            {advice.wouldRefuse.length ? advice.wouldRefuse.map((w) => `${w.function} (${w.calls})`).join(', ') : 'none'}
          </p>
          <button className="primary" type="button" disabled={advice.proposed.length === 0} onClick={tighten}>
            Tighten to what is used
          </button>
        </div>
      ) : null}
    </>
  );
}
