/** The admin change log: who changed what, with before and after values. */
import { useEffect, useState } from 'react';
import { api } from '../api.js';
import { Problem } from '../components/problem.js';

interface Change {
  id: number;
  date: string;
  user: string;
  ip: string;
  section: string;
  type: string;
  recordId: string;
  description: string;
}

export function ChangesPage() {
  const [changes, setChanges] = useState<Change[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    api<{ changes: Change[] }>('GET', '/api/v2/admin/changes').then((r) => setChanges(r.changes)).catch(setError);
  }, []);
  return (
    <>
      <h2>Change log</h2>
      <Problem error={error} />
      <table className="grid" aria-label="Change log">
        <thead>
          <tr>
            <th>Date</th>
            <th>By</th>
            <th>Section</th>
            <th>Change</th>
            <th>Record</th>
            <th>Before → after</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>{c.date}</td>
              <td>
                {c.user} <span className="hint">{c.ip}</span>
              </td>
              <td>{c.section}</td>
              <td>{c.type}</td>
              <td>{c.recordId}</td>
              <td className="functions">{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
