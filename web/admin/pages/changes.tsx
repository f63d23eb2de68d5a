/** The admin change log: who changed what — an added record as a summary, a change as its fields before and after. */
import { useEffect, useState } from 'react';
import type { AdminChange, ChangeList, Value } from '../../../src/wire/admin.js';
import { api } from '../api.js';
import { PageHeading } from '../components/page-heading.js';
import { Problem } from '../components/problem.js';

const shown = (v: Value) => (v === null || v === '' ? '(empty)' : String(v));

function What({ c }: { c: AdminChange }) {
  if (c.type === 'ADD' || c.fields.length === 0) {
    return (
      <>
        <span>{c.description}</span>
        {c.fields.length > 0 ? (
          <details>
            <summary>All {c.fields.length} fields of the new record</summary>
            <ul className="mono">
              {c.fields.map((f) => (
                <li key={f.field}>
                  {f.field}: {shown(f.after)}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </>
    );
  }
  return (
    <ul className="changed-fields">
      {c.fields.map((f) => (
        <li key={f.field}>
          <span className="mono">{f.field}</span>: {shown(f.before)} → {shown(f.after)}
        </li>
      ))}
      {c.description.endsWith('password changed') ? <li>password changed</li> : null}
    </ul>
  );
}

export function ChangesPage() {
  const [changes, setChanges] = useState<readonly AdminChange[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<ChangeList>('GET', '/api/v2/admin/changes')
      .then((r) => {
        setChanges(r.changes);
        setLoaded(true);
      })
      .catch(setError);
  }, []);
  return (
    <>
      <PageHeading title="Change log" status={error ? 'Error' : undefined} />
      <Problem error={error} />
      <div className="table-scroll" role="region" aria-label="Change log" tabIndex={0}>
        <table className="grid">
          <thead>
            <tr>
              <th>Date</th>
              <th>By</th>
              <th>Section</th>
              <th>Change</th>
              <th>Record</th>
              <th>What changed</th>
            </tr>
          </thead>
          <tbody>
            {loaded && changes.length === 0 ? (
              <tr>
                <td colSpan={6}>No change has been made in the console yet.</td>
              </tr>
            ) : null}
            {changes.map((c) => (
              <tr key={c.id} data-change={c.type} data-record={c.recordId}>
                <td>{c.date}</td>
                <td>
                  {c.user} <span className="hint">{c.ip}</span>
                </td>
                <td>{c.section}</td>
                <td>{c.type}</td>
                <td>{c.recordId}</td>
                <td>
                  <What c={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
