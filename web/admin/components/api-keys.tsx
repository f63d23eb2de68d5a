/**
 * A user's API keys on its page: the keys (never a secret), a form to make
 * one — whose secret is shown once, with a copy button — and revoking.
 * The server decides everything (src/admin/api-keys.ts); this only shows it.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiKeyCreated, ApiKeyList, ApiKeyView } from '../../../src/wire/admin.js';
import { api } from '../api.js';
import { TextField } from './fields.js';
import { fieldErrors, Problem } from './problem.js';

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const shown = (items: readonly string[], all: string) => (items.length > 0 ? items.join(', ') : all);

export function ApiKeys({ user }: { user: string }) {
  const url = `/api/v2/admin/users/${encodeURIComponent(user)}/keys`;
  const [keys, setKeys] = useState<readonly ApiKeyView[]>([]);
  const [error, setError] = useState<unknown>();
  const [name, setName] = useState('');
  const [functions, setFunctions] = useState('');
  const [campaigns, setCampaigns] = useState('');
  const [rate, setRate] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<ApiKeyCreated | undefined>();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');

  const load = useCallback(async () => setKeys((await api<ApiKeyList>('GET', url)).keys), [url]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setCopied('no');
    try {
      const made = await api<ApiKeyCreated>('POST', url, {
        name,
        functions: list(functions),
        campaigns: list(campaigns),
        ratePerSecond: rate ? Number(rate) : null,
        expiresAt: expires || null,
      });
      setCreated(made);
      setName('');
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const revoke = async (key: ApiKeyView) => {
    setError(undefined);
    try {
      await api('DELETE', `${url}/${encodeURIComponent(key.name)}`);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const errors = fieldErrors(error);
  return (
    <section className="card api-keys" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">API keys</h2>
      <p className="hint">A key acts as {user} and never beyond; it can be narrowed to some functions and campaigns, a rate and a date. Integrations send it as Authorization: Bearer.</p>
      {keys.length === 0 ? (
        <p>{user} has no keys.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Functions</th>
              <th scope="col">Campaigns</th>
              <th scope="col">Rate</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.name}>
                <td>{k.name}</td>
                <td>
                  <code>agk_{k.prefix}_…</code>
                </td>
                <td>{shown(k.functions, 'all of the user’s')}</td>
                <td>{shown(k.campaigns, 'all of the group’s')}</td>
                <td>{k.ratePerSecond ?? '—'}</td>
                <td>{k.expiresAt?.slice(0, 10) ?? 'never'}</td>
                <td>{k.lastUsedAt?.replace('T', ' ').slice(0, 16) ?? 'never'}</td>
                <td>{k.state}</td>
                <td>
                  {k.state === 'active' ? (
                    <button type="button" className="danger" onClick={() => void revoke(k)} aria-label={`Revoke key ${k.name}`}>
                      Revoke
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {created ? (
        <div className="new-key" role="status">
          <label htmlFor="new-api-key">
            Key {created.key.name}: copy it now, it is not shown again
          </label>
          <input id="new-api-key" readOnly value={created.secret} onFocus={(e) => e.target.select()} />
          <button
            type="button"
            onClick={() => {
              const copy = navigator.clipboard ? navigator.clipboard.writeText(created.secret) : Promise.reject(new Error('no clipboard'));
              copy.then(() => setCopied('yes')).catch(() => setCopied('failed'));
            }}
          >
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
          {copied === 'failed' ? <span className="hint">The browser did not allow copying: select the key and copy it.</span> : null}
        </div>
      ) : null}

      <form onSubmit={create} aria-label="New API key" noValidate>
        <div className="columns">
          <TextField label="Key name" name="name" value={name} onChange={setName} errors={errors} hint="e.g. crm; unique for this user" maxLength={40} />
          <TextField label="Functions (comma list)" name="functions" value={functions} onChange={setFunctions} errors={errors} hint="empty: all of the user’s" />
          <TextField label="Campaigns (comma list)" name="campaigns" value={campaigns} onChange={setCampaigns} errors={errors} hint="empty: all of the user group’s" />
          <TextField label="Requests per second" name="ratePerSecond" value={rate} onChange={setRate} errors={errors} hint="empty: no limit of its own" />
          <TextField label="Expires on" name="expiresAt" type="date" value={expires} onChange={setExpires} errors={errors} hint="empty: never" />
        </div>
        <Problem error={error} />
        <div className="toolbar">
          <button className="primary" type="submit">
            Create key
          </button>
        </div>
      </form>
    </section>
  );
}
