/** Logging into the console: POST /api/v2/auth/login with screen=admin (VICIdial's admin rules, the lockout). */
import { useState, type FormEvent } from 'react';
import { api } from '../api.js';
import { fieldErrors, Problem } from '../components/problem.js';
import { TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';

export function Login({ onLogin }: { onLogin: () => void }) {
  const [user, setUser] = useState('');
  const [pass, setPass] = useState('');
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', '/api/v2/auth/login', { user, pass, screen: 'admin' });
      onLogin();
    } catch (err) {
      setError(err);
    }
  };
  const errors = fieldErrors(error);
  return (
    <form className="card login" onSubmit={submit} aria-label="Log in">
      <PageHeading title="Log in" status={error ? 'Refused' : undefined} />
      <p>Administrators only: user level 8 or more, active, not API Only.</p>
      <TextField label="User" name="user" value={user} onChange={setUser} errors={errors} autoComplete="username" />
      <TextField label="Password" name="pass" type="password" value={pass} onChange={setPass} errors={errors} autoComplete="current-password" />
      <Problem error={Object.keys(errors).length ? undefined : error} />
      <button className="primary" type="submit">
        Log in
      </button>
    </form>
  );
}
