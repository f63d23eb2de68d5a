/**
 * One user: create or edit. The API permission fields sit together in one
 * panel — Agent API Access, API Only, API Allowed Functions, API List
 * Restrict, level and group — because they only make sense together.
 * Edits send the version they were made from; a stale one is refused.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, parseSet, type Meta, type Value, type Values, type VersionedRecord } from '../api.js';
import { FlagField, MultiSelect, SelectField, TextField } from '../components/fields.js';
import { fieldErrors, Problem } from '../components/problem.js';
import { navigate } from '../router.js';

const LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const NEW_USER: Values = {
  user: '',
  full_name: '',
  user_level: '1',
  user_group: '',
  active: 'Y',
  vdc_agent_api_access: '0',
  api_only_user: '0',
  api_allowed_functions: '',
  api_list_restrict: '0',
  modify_leads: '0',
  agentcall_manual: '0',
  custom_three: '',
};

const str = (v: Value | undefined) => (v === null || v === undefined ? '' : String(v));

export function UserEditor({ user, meta }: { user: string; meta: Meta }) {
  const creating = user === 'new';
  const [loaded, setLoaded] = useState<VersionedRecord | undefined>();
  const [form, setForm] = useState<Values>(NEW_USER);
  const [functions, setFunctions] = useState<string[]>([]);
  const [pass, setPass] = useState('');
  const [groups, setGroups] = useState<Values[]>([]);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState('');

  const load = useCallback(async () => {
    setError(undefined);
    const record = creating ? { values: NEW_USER, version: '' } : await api<VersionedRecord>('GET', `/api/v2/admin/users/${encodeURIComponent(user)}`);
    setLoaded(record);
    setForm(record.values);
    setFunctions(parseSet(record.values.api_allowed_functions));
  }, [creating, user]);
  useEffect(() => {
    load().catch(setError);
    api<{ records: VersionedRecord[] }>('GET', '/api/v2/admin/records/userGroups')
      .then((r) => setGroups(r.records.map((g) => g.values)))
      .catch(setError);
  }, [load]);

  const set = (name: string) => (v: string) => setForm((f) => ({ ...f, [name]: v }));
  const errors = fieldErrors(error);
  const group = groups.find((g) => g.user_group === form.user_group);

  /** What to send: on create every field set, on edit only what changed. */
  const payload = () => {
    const edited: Record<string, unknown> = {};
    const editable = [...Object.keys(NEW_USER), ...meta.flags.map((f) => f.name)].filter((k) => k !== 'api_allowed_functions');
    for (const k of editable) {
      const v = form[k];
      const send = creating ? v !== undefined : str(v) !== str(loaded?.values[k]);
      if (send) edited[k] = k === 'user_level' ? Number(v) : v;
    }
    const before = parseSet(loaded?.values.api_allowed_functions);
    if (creating || functions.join(' ') !== before.join(' ')) edited.api_allowed_functions = functions;
    if (pass) edited.pass = pass;
    return edited;
  };

  const deactivate = () => save({ active: 'N' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return save(payload());
  };

  const save = async (changes: Record<string, unknown>) => {
    setSaved('');
    try {
      const result = creating
        ? await api<VersionedRecord>('POST', '/api/v2/admin/users', changes)
        : await api<VersionedRecord>('PATCH', `/api/v2/admin/users/${encodeURIComponent(user)}`, { version: loaded?.version, changes });
      setError(undefined);
      setPass('');
      setSaved(creating ? `User ${result.values.user} created.` : 'Saved.');
      if (creating) navigate(`users/${encodeURIComponent(String(result.values.user))}`);
      else {
        setLoaded(result);
        setForm(result.values);
        setFunctions(parseSet(result.values.api_allowed_functions));
      }
    } catch (err) {
      setError(err);
    }
  };

  if (!loaded) return <Problem error={error} />;
  const functionChoices = meta.functions.map((f) => ({ name: f.name, ...(f.api === 'all' ? {} : { note: f.api }) }));
  return (
    <form className="user-editor" onSubmit={submit} aria-label={creating ? 'New user' : `User ${user}`}>
      <h2>{creating ? 'New user' : `User ${user}`}</h2>
      <div className="card columns">
        {creating ? <TextField label="User id" name="user" value={str(form.user)} onChange={set('user')} errors={errors} /> : null}
        <TextField label="Full name" name="full_name" value={str(form.full_name)} onChange={set('full_name')} errors={errors} />
        <TextField
          label={creating ? 'Password' : 'New password (leave empty to keep)'}
          name="pass"
          type="password"
          value={pass}
          onChange={setPass}
          errors={errors}
        />
        <SelectField label="Active" name="active" value={str(form.active)} choices={['Y', 'N']} onChange={set('active')} errors={errors} />
      </div>

      <fieldset className="card api-panel" aria-label="API permissions">
        <legend>API permissions</legend>
        <div className="columns">
          <FlagField label="Agent API Access" name="vdc_agent_api_access" value={str(form.vdc_agent_api_access)} onChange={set('vdc_agent_api_access')} errors={errors} hint="may call the agent API as the API user" />
          <FlagField label="API Only" name="api_only_user" value={str(form.api_only_user)} onChange={set('api_only_user')} errors={errors} hint="may use the APIs, never a screen" />
          <FlagField label="API List Restrict" name="api_list_restrict" value={str(form.api_list_restrict)} onChange={set('api_list_restrict')} errors={errors} hint="only the campaigns its user group allows" />
          <SelectField label="User level" name="user_level" value={str(form.user_level)} choices={LEVELS} onChange={set('user_level')} errors={errors} />
          <SelectField label="User group" name="user_group" value={str(form.user_group)} choices={groups.map((g) => str(g.user_group))} onChange={set('user_group')} errors={errors} />
          <p className="hint">Allowed campaigns of this group: {group ? parseSet(group.allowed_campaigns).join(' ') || '(none)' : '—'}</p>
        </div>
        <MultiSelect label="API Allowed Functions" name="api_allowed_functions" value={functions} choices={functionChoices} all="ALL_FUNCTIONS" onChange={setFunctions} errors={errors} />
      </fieldset>

      <fieldset className="card" aria-label="Other permissions">
        <legend>Agent and non-agent permissions</legend>
        <div className="columns">
          <SelectField label="modify_leads" name="modify_leads" value={str(form.modify_leads)} choices={meta.choices.modify_leads ?? []} onChange={set('modify_leads')} errors={errors} />
          <SelectField label="agentcall_manual (as an agent)" name="agentcall_manual" value={str(form.agentcall_manual)} choices={meta.choices.agentcall_manual ?? []} onChange={set('agentcall_manual')} errors={errors} />
          <TextField label="CRM id (custom_three, for alt_user)" name="custom_three" value={str(form.custom_three)} onChange={set('custom_three')} errors={errors} />
        </div>
        <div className="flags">
          {meta.flags.map((f) => (
            <FlagField key={f.name} label={f.name} name={f.name} value={str(form[f.name] ?? '0')} onChange={set(f.name)} errors={errors} hint={f.help} />
          ))}
        </div>
      </fieldset>

      <Problem error={error} onReload={() => load().catch(setError)} />
      {saved ? <p className="saved" role="status">{saved}</p> : null}
      <div className="toolbar">
        <button className="primary" type="submit">
          {creating ? 'Create user' : 'Save'}
        </button>
        {!creating ? (
          <>
            {loaded.values.active === 'Y' ? (
              <button type="button" className="danger" onClick={deactivate}>
                Deactivate
              </button>
            ) : null}
            <button type="button" onClick={() => navigate(`advisor/${encodeURIComponent(user)}`)}>
              Least privilege
            </button>
            <button type="button" onClick={() => navigate(`explain?user=${encodeURIComponent(user)}`)}>
              Explain a request
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}
