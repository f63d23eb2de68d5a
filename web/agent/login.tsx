/** Logging in: user and password, then the campaign and the in-groups to take. */
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from './api';
import type { ScreenState } from './types';

export function LoginForm({ onLoggedIn, notice }: { onLoggedIn: () => void; notice: string }) {
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      await api.login(user, pass);
      onLoggedIn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  };
  return (
    <form className="card login" onSubmit={submit}>
      {notice && <p className="notice">{notice}</p>}
      <label>
        User <input name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
      </label>
      <label>
        Password <input name="pass" type="password" autoComplete="current-password" value={pass} onChange={(e) => setPass(e.target.value)} />
      </label>
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

type CampaignList = Awaited<ReturnType<typeof api.campaigns>>['campaigns'];

export function CampaignForm({ user, onStarted, onSignOut }: { user: string; onStarted: (s: ScreenState) => void; onSignOut: () => void }) {
  const [campaigns, setCampaigns] = useState<CampaignList>([]);
  const [campaign, setCampaign] = useState('');
  const [ingroups, setIngroups] = useState<string[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    api.campaigns().then((r) => {
      setCampaigns(r.campaigns);
      setCampaign(r.campaigns[0]?.id ?? '');
    }, () => setError('The campaigns could not be read.'));
  }, []);
  const chosen = campaigns.find((c) => c.id === campaign);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      onStarted(await api.start(campaign, chosen?.allowInbound ? ingroups : []));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The server could not be reached.');
    }
  };
  return (
    <form className="card login" onSubmit={submit}>
      <p>
        Logged in as <strong>{user}</strong>. Choose a campaign.
      </p>
      <label>
        Campaign
        <select name="campaign" value={campaign} onChange={(e) => setCampaign(e.target.value)}>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.id} — {c.name}
            </option>
          ))}
        </select>
      </label>
      {chosen?.allowInbound && chosen.ingroups.length > 0 && (
        <fieldset>
          <legend>In-groups</legend>
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
        <button className="primary" type="submit">
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
