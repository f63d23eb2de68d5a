/**
 * The API audit log: filters, pages newest first, CSV export, and "Explain"
 * on every refused request. The filters and the page live in the URL
 * (?apiUser=…&result=ERROR&before=…), so Back from an explanation, a reload
 * or a shared link shows the same rows.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AuditPage as AuditRows } from '../../../src/wire/admin.js';
import { api } from '../api.js';
import { PageHeading } from '../components/page-heading.js';
import { Problem } from '../components/problem.js';
import { navigate } from '../router.js';

const FILTERS: [string, string][] = [
  ['apiUser', 'API user'],
  ['agentUser', 'Agent user'],
  ['function', 'Function'],
  ['source', 'Source'],
  ['remoteIp', 'Remote IP'],
];
const FILTER_NAMES = [...FILTERS.map(([name]) => name), 'result', 'from', 'to'];

/** The filters named in the URL. */
const filtersOf = (query: URLSearchParams) => Object.fromEntries(FILTER_NAMES.map((n) => [n, query.get(n) ?? '']).filter(([, v]) => v));

/** A URL query of these filters and page cursors (each `before` is one page older; the last is the page shown). */
function queryOf(filters: Record<string, string>, cursors: readonly string[] = []): string {
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  for (const cursor of cursors) q.append('before', cursor);
  return q.toString();
}

export function AuditPage({ query }: { query: URLSearchParams }) {
  const applied = filtersOf(query);
  const cursors = query.getAll('before').filter((c) => /^\d+$/.test(c));
  const [filter, setFilter] = useState<Record<string, string>>(applied);
  const [data, setData] = useState<AuditRows>();
  const [error, setError] = useState<unknown>();

  const shown = queryOf(applied);
  const before = cursors[cursors.length - 1];
  useEffect(() => {
    api<AuditRows>('GET', `/api/v2/admin/audit?${shown}${before ? `&before=${before}` : ''}&limit=50`)
      .then((d) => {
        setData(d);
        setError(undefined);
      })
      .catch(setError);
  }, [shown, before]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`audit?${queryOf(filter)}`);
  };
  const set = (name: string, value: string) => setFilter((f) => ({ ...f, [name]: value }));
  const input = (name: string, label: string, type = 'text', className = 'field') => (
    <div key={name} className={className}>
      <label className="label" htmlFor={`audit-${name}`}>
        {label}
      </label>
      <input id={`audit-${name}`} type={type} name={name} value={filter[name] ?? ''} onChange={(e) => set(name, e.target.value)} />
    </div>
  );

  const rows = data?.rows ?? [];
  return (
    <>
      <PageHeading title="Audit log" status={error ? 'Error' : undefined} />
      <form className="card filters" onSubmit={submit} aria-label="Filters">
        {FILTERS.map(([name, label]) => input(name, label))}
        <div className="field">
          <label className="label" htmlFor="audit-result">
            Result
          </label>
          <select id="audit-result" name="result" value={filter.result ?? ''} onChange={(e) => set('result', e.target.value)}>
            {['', 'SUCCESS', 'ERROR', 'NOTICE'].map((r) => (
              <option key={r} value={r}>
                {r || 'any'}
              </option>
            ))}
          </select>
        </div>
        {input('from', 'From', 'datetime-local', 'field wide')}
        {input('to', 'To', 'datetime-local', 'field wide')}
        <div className="toolbar">
          <button className="primary" type="submit">
            Filter
          </button>
          <a className="button" href={`/api/v2/admin/audit.csv?${shown}`} download>
            Export CSV
          </a>
        </div>
      </form>
      <Problem error={error} />
      <p className="sr-only" role="status">
        {data ? `${rows.length} requests shown` : ''}
      </p>
      <div className="table-scroll" role="region" aria-label="Audit log" tabIndex={0}>
        <table className="grid">
          <thead>
            <tr>
              <th>
                <span className="sr-only">Actions</span>
              </th>
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
            </tr>
          </thead>
          <tbody>
            {data && rows.length === 0 ? (
              <tr>
                <td colSpan={11}>No request matches these filters.</td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.apiId} data-api-id={r.apiId} className={r.result === 'ERROR' ? 'refused' : ''}>
                <td className="actions">
                  {r.result === 'ERROR' && r.script === 'agent' ? (
                    <button type="button" aria-label={`Explain request ${r.apiId}`} onClick={() => navigate(`explain?apiId=${r.apiId}`)}>
                      Explain
                    </button>
                  ) : null}
                </td>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" disabled={cursors.length === 0} onClick={() => navigate(`audit?${queryOf(applied, cursors.slice(0, -1))}`)}>
          Newer
        </button>
        <button type="button" disabled={!data || data.next === null} onClick={() => navigate(`audit?${queryOf(applied, [...cursors, String(data?.next)])}`)}>
          Older
        </button>
      </div>
    </>
  );
}
