/** The API audit log: filters, pages newest first, CSV export, and "Explain" on every refused request. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

interface Row {
  apiId: number;
  date: string;
  script: string;
  user: string;
  agentUser: string;
  function: string;
  value: string;
  result: string;
  reason: string;
  source: string;
  data: string;
  remoteIp: string;
}

const FILTERS: [string, string][] = [
  ['apiUser', 'API user'],
  ['agentUser', 'Agent user'],
  ['function', 'Function'],
  ['source', 'Source'],
  ['remoteIp', 'Remote IP'],
];

export function AuditPage() {
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [applied, setApplied] = useState<Record<string, string>>({});
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const [data, setData] = useState<{ rows: Row[]; next: number | null }>({ rows: [], next: null });
  const [error, setError] = useState<unknown>();
  const query = (before?: number) => {
    const q = new URLSearchParams(Object.entries(applied).filter(([, v]) => v));
    if (before) q.set('before', String(before));
    return q.toString();
  };
  const before = pages[pages.length - 1];
  const load = useCallback(() => {
    api<{ rows: Row[]; next: number | null }>('GET', `/api/v2/admin/audit?${query(before)}&limit=50`)
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch(setError);
  }, [applied, before]);
  useEffect(load, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setPages([undefined]);
    setApplied({ ...filter });
  };
  const set = (name: string, value: string) => setFilter((f) => ({ ...f, [name]: value }));

  return (
    <>
      <h2>Audit log</h2>
      <form className="card filters" onSubmit={submit} aria-label="Filters">
        {FILTERS.map(([name, label]) => (
          <label key={name} className="field">
            <span className="label">{label}</span>
            <input name={name} value={filter[name] ?? ''} onChange={(e) => set(name, e.target.value)} />
          </label>
        ))}
        <label className="field">
          <span className="label">Result</span>
          <select name="result" value={filter.result ?? ''} onChange={(e) => set('result', e.target.value)}>
            {['', 'SUCCESS', 'ERROR', 'NOTICE'].map((r) => (
              <option key={r} value={r}>
                {r || 'any'}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="label">From</span>
          <input type="datetime-local" name="from" value={filter.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </label>
        <label className="field">
          <span className="label">To</span>
          <input type="datetime-local" name="to" value={filter.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </label>
        <div className="toolbar">
          <button className="primary" type="submit">
            Filter
          </button>
          <a className="button" href={`/api/v2/admin/audit.csv?${query()}`} download>
            Export CSV
          </a>
        </div>
      </form>
      <Problem error={error} />
      <table className="grid" aria-label="Audit log">
        <thead>
          <tr>
            <th>Id</th>
            <th>Date</th>
            <th>API user</th>
            <th>Agent</th>
            <th>Function</th>
            <th>Value</th>
            <th>Result</th>
            <th>Reason</th>
            <th>Source</th>
            <th>Remote IP</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.apiId} data-api-id={r.apiId} className={r.result === 'ERROR' ? 'refused' : ''}>
              <td>{r.apiId}</td>
              <td>{r.date}</td>
              <td>{r.user}</td>
              <td>{r.agentUser}</td>
              <td>{r.function}</td>
              <td>{r.value}</td>
              <td>{r.result}</td>
              <td>{r.reason}</td>
              <td>{r.source}</td>
              <td>{r.remoteIp}</td>
              <td>
                {r.result === 'ERROR' && r.script === 'agent' ? (
                  <button type="button" onClick={() => navigate(`explain?apiId=${r.apiId}`)}>
                    Explain
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar">
        <button type="button" disabled={pages.length < 2} onClick={() => setPages((p) => p.slice(0, -1))}>
          Newer
        </button>
        <button type="button" disabled={data.next === null} onClick={() => setPages((p) => [...p, data.next ?? undefined])}>
          Older
        </button>
      </div>
    </>
  );
}
