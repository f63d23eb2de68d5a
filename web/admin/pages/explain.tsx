/**
 * Explain: for an API user, an agent, a function and optional value or lead,
 * every gate of the real pipeline in order — pass, fail or not reached —
 * with the setting that decided and the change that would allow it.
 * Opened from a refused row of the audit log, it explains that request.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, type Meta } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { fieldErrors, Problem } from '../components/problem.js';

interface Gate {
  gate: string;
  label: string;
  status: 'pass' | 'fail' | 'not-reached';
  detail: string;
  setting?: string;
  fix?: string;
}

export interface Explanation {
  user: string;
  agentUser: string;
  function: string;
  params: Record<string, string>;
  filledIn: string[];
  allowed: boolean;
  answer: string;
  gates: Gate[];
  decidedBy?: Gate;
}

const MARK = { pass: '✓', fail: '✗', 'not-reached': '–' } as const;

export function ExplanationView({ e }: { e: Explanation }) {
  return (
    <div className="card explanation" data-allowed={e.allowed}>
      <p className={e.allowed ? 'verdict ok' : 'verdict bad'}>
        {e.allowed ? 'Allowed' : 'Refused'}: {e.user} → {e.function} on {e.agentUser || '(no agent)'}
      </p>
      {e.filledIn.length > 0 ? <p className="hint">Example values filled in: {e.filledIn.map((n) => `${n}=${e.params[n]}`).join(' ')}</p> : null}
      <ol className="gates">
        {e.gates.map((g) => (
          <li key={g.gate} className={`gate ${g.status}`} data-gate={g.gate} data-status={g.status}>
            <span className="mark">{MARK[g.status]}</span>
            <strong>{g.label}</strong> <span className="detail">{g.detail}</span>
            {g.status === 'fail' && g.setting ? <div className="setting">Decided by: {g.setting}</div> : null}
            {g.status === 'fail' && g.fix ? <div className="fix">To allow it: {g.fix}</div> : null}
          </li>
        ))}
      </ol>
      <p>
        The request would get: <code className="answer">{e.answer.trim()}</code>
      </p>
    </div>
  );
}

export function ExplainPage({ query, meta }: { query: URLSearchParams; meta: Meta }) {
  const [form, setForm] = useState({ user: query.get('user') ?? '', agentUser: query.get('agent') ?? '', function: query.get('function') ?? '', value: '', leadId: '' });
  const [result, setResult] = useState<Explanation>();
  const [logged, setLogged] = useState<{ apiId: number; date: string; reason: string }>();
  const [error, setError] = useState<unknown>();
  const apiId = query.get('apiId');

  useEffect(() => {
    if (!apiId) return;
    api<{ logged: { apiId: number; date: string; reason: string }; explanation: Explanation }>('GET', `/api/v2/admin/audit/${apiId}/explain`)
      .then((r) => {
        setLogged(r.logged);
        setResult(r.explanation);
        const e = r.explanation;
        setForm({ user: e.user, agentUser: e.agentUser, function: e.function, value: e.params.value ?? '', leadId: e.params.lead_id ?? '' });
      })
      .catch(setError);
  }, [apiId]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setLogged(undefined);
    try {
      const body = {
        user: form.user,
        function: form.function,
        ...(form.agentUser ? { agentUser: form.agentUser } : {}),
        ...(form.value ? { value: form.value } : {}),
        ...(form.leadId ? { leadId: form.leadId } : {}),
      };
      setResult(await api<Explanation>('POST', '/api/v2/admin/explain', body));
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  };
  const errors = fieldErrors(error);
  const set = (name: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [name]: v }));
  const agentFunctions = meta.functions.filter((f) => f.api === 'agent' || f.api === 'both').map((f) => f.name);

  return (
    <>
      <h2>Explain</h2>
      <form className="card columns" onSubmit={submit} aria-label="Explain a request">
        <TextField label="API user" name="user" value={form.user} onChange={set('user')} errors={errors} />
        <TextField label="Agent user" name="agentUser" value={form.agentUser} onChange={set('agentUser')} errors={errors} />
        <SelectField label="Function" name="function" value={form.function} choices={agentFunctions} onChange={set('function')} errors={errors} />
        <TextField label="Value (optional)" name="value" value={form.value} onChange={set('value')} errors={errors} />
        <TextField label="Lead id (optional)" name="leadId" value={form.leadId} onChange={set('leadId')} errors={errors} />
        <div className="toolbar">
          <button className="primary" type="submit">
            Explain
          </button>
        </div>
      </form>
      <Problem error={Object.keys(errors).length ? undefined : error} />
      {logged ? (
        <p className="hint">
          Logged request {logged.apiId} at {logged.date}: {logged.reason}. Explained with its own parameters, as things stand now.
        </p>
      ) : null}
      {result ? <ExplanationView e={result} /> : null}
    </>
  );
}
