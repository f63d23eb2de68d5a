/**
 * Explain: for an API user, an agent, a function and optional value or lead,
 * every gate of the real pipeline in order — pass, fail or not reached —
 * with the setting that decided and the change that would allow it.
 * Explain never knows the password, and says so: opened from a row of the
 * audit log, the page leads with what really happened to that request.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { Explanation, LoggedExplanation } from '../../../src/wire/admin.js';
import { api, type Meta } from '../api.js';
import { SelectField, TextField } from '../components/fields.js';
import { PageHeading } from '../components/page-heading.js';
import { fieldErrors, Problem } from '../components/problem.js';

const MARK = { pass: '✓', fail: '✗', 'not-reached': '–' } as const;
const STATUS_WORD = { pass: 'passed', fail: 'failed', 'not-reached': 'not reached' } as const;

/** The verdict in words: never a bare "Allowed" when explain could not judge the whole request. */
function verdictOf(e: Explanation, outcome?: LoggedExplanation['outcome']): { text: string; short: string; tone: 'ok' | 'bad' | 'open' } {
  if (!e.allowed) return { text: 'Refused', short: 'Refused', tone: 'bad' };
  if (outcome?.refused && outcome.beyondExplain) return { text: 'No gate explain can check refuses it', short: 'Logged as refused', tone: 'open' };
  return { text: 'Allowed by every gate explain checks', short: 'Allowed', tone: 'ok' };
}

export function ExplanationView({ e, outcome }: { e: Explanation; outcome?: LoggedExplanation['outcome'] | undefined }) {
  const verdict = verdictOf(e, outcome);
  return (
    <div className="card explanation" data-allowed={e.allowed}>
      <p className={`verdict ${verdict.tone}`} data-verdict={verdict.tone}>
        {verdict.text}: {e.user} → {e.function} on {e.agentUser || '(no agent)'}
      </p>
      <p className="hint not-checked">Not checked by explain: {e.notChecked.join('; ')}.</p>
      {e.filledIn.length > 0 ? <p className="hint">Example values filled in: {e.filledIn.map((n) => `${n}=${e.params[n]}`).join(' ')}</p> : null}
      <ol className="gates">
        {e.gates.map((g) => (
          <li key={g.gate} className={`gate ${g.status}`} data-gate={g.gate} data-status={g.status}>
            <span className="mark" aria-hidden="true">
              {MARK[g.status]}
            </span>
            <span className="sr-only">{STATUS_WORD[g.status]}: </span>
            <strong>{g.label}</strong> <span className="detail">{g.detail}</span>
            {g.status === 'fail' && g.setting ? <div className="setting">Decided by: {g.setting}</div> : null}
            {g.status === 'fail' && g.fix ? <div className="fix">To allow it: {g.fix}</div> : null}
          </li>
        ))}
      </ol>
      <p>
        {outcome ? 'Sent again now, the request would get' : 'The request would get'}: <code className="answer">{e.answer.trim()}</code>
      </p>
    </div>
  );
}

/** What really happened to a logged request, above what explain says of it now. */
function LoggedOutcome({ logged }: { logged: LoggedExplanation }) {
  const { logged: row, outcome } = logged;
  return (
    <div className={`logged-outcome${outcome.refused ? '' : ' allowed'}`} data-refused={outcome.refused}>
      <p>
        <strong>Logged request {row.apiId}</strong> at {row.date}, from {row.remoteIp || 'an unknown address'}: <strong className="outcome">{outcome.summary}</strong>.
      </p>
      {outcome.beyondExplain ? (
        <p>Explain cannot judge this refusal: it never knows the password. Below, the other gates, as things stand now.</p>
      ) : (
        <p className="hint">Below, the same request explained with its own parameters, as things stand now.</p>
      )}
    </div>
  );
}

export function ExplainPage({ query, meta }: { query: URLSearchParams; meta: Meta }) {
  const [form, setForm] = useState({ user: query.get('user') ?? '', agentUser: query.get('agent') ?? '', function: query.get('function') ?? '', value: '', leadId: '' });
  const [result, setResult] = useState<Explanation>();
  const [logged, setLogged] = useState<LoggedExplanation>();
  const [error, setError] = useState<unknown>();
  const apiId = query.get('apiId');

  useEffect(() => {
    if (!apiId) return;
    api<LoggedExplanation>('GET', `/api/v2/admin/audit/${encodeURIComponent(apiId)}/explain`)
      .then((r) => {
        setLogged(r);
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
  const verdict = result ? verdictOf(result, logged?.outcome) : undefined;
  const status = error ? 'Error' : verdict?.short;

  return (
    <>
      <PageHeading title="Explain" status={status} />
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
      <p className="sr-only" role="status">
        {verdict ? `${verdict.text}.` : ''}
      </p>
      {logged ? <LoggedOutcome logged={logged} /> : null}
      {result ? <ExplanationView e={result} outcome={logged?.outcome} /> : null}
    </>
  );
}
