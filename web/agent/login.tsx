/** Logging in: user and password, then the campaign and the in-groups to take. */
import { useEffect, useState, type FormEvent } from 'react';
import type { CampaignChoices, ScreenState } from '../../src/wire/agent-screen';
import { arm } from './alerts';
import { api, ApiError } from './api';
import { Field } from './field';

export function LoginForm({ onLoggedIn, notice }: { onLoggedIn: () => void; notice: string }) {
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  // Why the last session ended: said once, gone at the next attempt.
  const [shownNotice, setShownNotice] = useState(notice);
  useEffect(() => setShownNotice(notice), [notice]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShownNotice('');
    setError('');
    setFields({});
    arm();
    try {
      await api.login(user, pass);
      onLoggedIn();
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) return setFields(err.fields);
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  };
  return (
    <form className="card login" onSubmit={submit} noValidate aria-labelledby="login-heading">
      <h2 id="login-heading">Log in</h2>
      {shownNotice && (
        <p className="notice info" role="status">
          {shownNotice}
        </p>
      )}
      <Field id="login-user" label="User" error={fields.user}>
        {(control) => (
          <input
            {...control}
            name="user"
            autoComplete="username"
            value={user}
            onChange={(e) => {
              setUser(e.target.value);
              setFields(({ user: _, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <Field id="login-pass" label="Password" error={fields.pass}>
        {(control) => (
          <input
            {...control}
            name="pass"
            type="password"
            autoComplete="current-password"
            value={pass}
            onChange={(e) => {
              setPass(e.target.value);
              setFields(({ pass: _, ...rest }) => rest);
            }}
          />
        )}
      </Field>
      <button className="primary" type="submit">
        Log in
      </button>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

type CampaignList = CampaignChoices['campaigns'];

export function CampaignForm({ user, onStarted, onSignOut }: { user: string; onStarted: (s: ScreenState) => void; onSignOut: () => void }) {
  const [campaigns, setCampaigns] = useState<CampaignList>([]);
  const [campaign, setCampaign] = useState('');
  const [ingroups, setIngroups] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    api.campaigns().then(
      (r) => {
        setCampaigns(r.campaigns);
        // The first campaign offered is one the agent may use: start there.
        setCampaign(r.campaigns[0]?.id ?? '');
        setLoaded(true);
      },
      () => setError('The campaigns could not be read.'),
    );
  }, []);
  const chosen = campaigns.find((c) => c.id === campaign);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    arm();
    try {
      onStarted(await api.start(campaign, chosen?.allowInbound ? ingroups : []));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  };
  return (
    <form className="card login" onSubmit={submit} aria-labelledby="campaign-heading">
      <h2 id="campaign-heading">Choose a campaign</h2>
      <p>
        Logged in as <strong>{user}</strong>. Choose the campaign to work, and the in-groups to take inbound calls from, then press Start.
      </p>
      {loaded && campaigns.length === 0 ? (
        <p className="notice error">No campaign is open to you. Ask your administrator.</p>
      ) : (
        <Field id="campaign" label="Campaign">
          {(control) => (
            <select {...control} name="campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id} — {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {chosen?.allowInbound && chosen.ingroups.length > 0 && (
        <fieldset>
          <legend>In-groups (inbound calls)</legend>
          {chosen.ingroups.map((g) => (
            <label key={g.id} className="check">
              <input
                type="checkbox"
                checked={ingroups.includes(g.id)}
                onChange={(e) => setIngroups(e.target.checked ? [...ingroups, g.id] : ingroups.filter((x) => x !== g.id))}
              />
              {g.id} — {g.name}
            </label>
          ))}
        </fieldset>
      )}
      <div className="row">
        <button className="primary" type="submit" disabled={!campaign}>
          Start
        </button>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
