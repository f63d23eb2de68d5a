/**
 * One user: create or edit. The console's most common task — an API user
 * for an integration — takes this one form: presets and functions grouped by
 * purpose, the user group chosen or created in place, API List Restrict
 * explained next to its switch with the campaigns it would allow, and the
 * password rule shown before anyone submits. A field in error is marked,
 * described and focused. Edits send the version they were made from.
 */
import { ApiKeys } from '../components/api-keys.js';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FunctionPreset, RecordList, UserView } from '../../../src/wire/admin.js';
import { api, parseSet, type Meta, type Value, type Values, type VersionedRecord } from '../api.js';
import { FlagField, SelectField, TextField, type Errors } from '../components/fields.js';
import { FunctionPicker } from '../components/function-picker.js';
import { GroupCreator } from '../components/group-creator.js';
import { PageHeading } from '../components/page-heading.js';
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

/** The password rule (the server's, from /meta), checked as it is typed; the server checks every field again. */
function checkForm(pass: string, creating: boolean, rule: Meta['password']): Errors {
  if ((creating || pass) && pass.length < rule.minLength) return { pass: `at least ${rule.minLength} characters` };
  if (pass.length > rule.maxLength) return { pass: `at most ${rule.maxLength} characters` };
  return {};
}

/** What API List Restrict would mean for this user, in words, with the group's campaigns. */
function restrictExplained(who: string, group: Values | undefined, on: boolean): ReactNode {
  if (!group) return 'Choose a user group first: API List Restrict limits this user to the campaigns its group allows.';
  const campaigns = parseSet(group.allowed_campaigns);
  const all = campaigns.includes('-ALL-CAMPAIGNS-');
  const name = String(group.user_group);
  if (all)
    return `${on ? 'On' : 'Off'}: group ${name} allows every campaign, so ${who} reaches every campaign either way. Limit the group's campaigns for the switch to matter.`;
  const list = campaigns.join(', ') || 'no campaign';
  return on
    ? `On: ${who} may act only on agents logged into ${list}, and on leads and lists of ${list} (the campaigns group ${name} allows).`
    : `Off: ${who} may act on agents, leads and lists of every campaign. Turn it on to keep it to ${list}, the campaigns group ${name} allows.`;
}

export function UserEditor({ user, meta }: { user: string; meta: Meta }) {
  const creating = user === 'new';
  const blank = useRef<Values>({ ...NEW_USER, ...Object.fromEntries(meta.flags.map((f) => [f.name, '0'])) }).current;
  const [loaded, setLoaded] = useState<VersionedRecord | undefined>();
  const [form, setForm] = useState<Values>(blank);
  const [functions, setFunctions] = useState<string[]>([]);
  const [pass, setPass] = useState('');
  const [groups, setGroups] = useState<Values[]>([]);
  const [error, setError] = useState<unknown>();
  const [checked, setChecked] = useState<'none' | 'blurred' | 'submitted'>('none');
  const [saved, setSaved] = useState('');
  const [note, setNote] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const [focusError, setFocusError] = useState(0);

  const load = useCallback(async () => {
    setError(undefined);
    const record = creating ? { values: blank, version: '' } : await api<UserView>('GET', `/api/v2/admin/users/${encodeURIComponent(user)}`);
    setLoaded(record);
    setForm(record.values);
    setFunctions(parseSet(record.values.api_allowed_functions));
  }, [creating, user, blank]);
  const loadGroups = useCallback(async () => {
    const r = await api<RecordList>('GET', '/api/v2/admin/records/userGroups');
    setGroups(r.records.map((g) => g.values));
  }, []);
  useEffect(() => {
    load().catch(setError);
    loadGroups().catch(setError);
  }, [load, loadGroups]);

  // After a refused submit, the first field in error gets the focus (and scrolls into view).
  useLayoutEffect(() => {
    if (focusError) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusError]);

  const set = (name: string) => (v: string) => setForm((f) => ({ ...f, [name]: v }));
  const local = checkForm(pass, creating, meta.password);
  const shownLocal: Errors = checked === 'submitted' ? local : checked === 'blurred' && local.pass ? { pass: local.pass } : {};
  const errors: Errors = { ...shownLocal, ...fieldErrors(error) };
  const group = groups.find((g) => g.user_group === form.user_group);
  const who = str(form.user) || (creating ? 'this user' : user);

  /** What to send: on create every field as the form shows it, on edit only what changed. */
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

  const applyPreset = (preset: FunctionPreset) => {
    setForm((f) => ({ ...f, ...preset.settings }));
    setFunctions([...preset.functions]);
    const settings = Object.entries(preset.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    setNote(`Preset “${preset.label}” chosen: ${preset.functions.join(' ')}; set ${settings}. Review and adjust below.`);
  };

  const save = async (changes: Record<string, unknown>) => {
    setSaved('');
    try {
      const result = creating
        ? await api<VersionedRecord>('POST', '/api/v2/admin/users', changes)
        : await api<VersionedRecord>('PATCH', `/api/v2/admin/users/${encodeURIComponent(user)}`, { version: loaded?.version, changes });
      setError(undefined);
      setPass('');
      setChecked('none');
      setSaved(creating ? `User ${result.values.user} created.` : 'Saved.');
      if (creating) navigate(`users/${encodeURIComponent(String(result.values.user))}`);
      else {
        setLoaded(result);
        setForm(result.values);
        setFunctions(parseSet(result.values.api_allowed_functions));
      }
    } catch (err) {
      setError(err);
      setFocusError((n) => n + 1);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked('submitted');
    if (Object.keys(local).length > 0) {
      setError(undefined);
      setFocusError((n) => n + 1);
      return;
    }
    return save(payload());
  };

  if (!loaded) return <Problem error={error} />;
  const title = creating ? 'New user' : `User ${user}`;
  const problem = Object.keys(errors).length > 0 ? 'Error' : undefined;
  return (
    <>
      <form ref={formRef} className="user-editor" onSubmit={submit} aria-label={title} noValidate>
        <PageHeading title={title} status={problem ?? (saved ? 'Saved' : undefined)} />
        <div className="card columns">
          {creating ? <TextField label="User id" name="user" value={str(form.user)} onChange={set('user')} errors={errors} hint="2 to 20 letters, digits, - or _" maxLength={20} /> : null}
          <TextField label="Full name" name="full_name" value={str(form.full_name)} onChange={set('full_name')} errors={errors} maxLength={50} />
          <TextField
            label={creating ? 'Password' : 'New password (leave empty to keep)'}
            name="pass"
            type="password"
            autoComplete="new-password"
            value={pass}
            onChange={setPass}
            onBlur={() => setChecked((c) => (c === 'none' && pass ? 'blurred' : c))}
            errors={errors}
            hint={`At least ${meta.password.minLength} characters${pass ? ` (${pass.length} so far)` : ''}.`}
          />
          <SelectField label="Active" name="active" value={str(form.active)} choices={['Y', 'N']} onChange={set('active')} errors={errors} />
        </div>

        <fieldset className="card api-panel">
          <legend>API permissions</legend>
          {note ? (
            <p className="hint preset-note" role="status">
              {note}
            </p>
          ) : null}
          <div className="columns">
            <FlagField label="Agent API Access" name="vdc_agent_api_access" value={str(form.vdc_agent_api_access)} onChange={set('vdc_agent_api_access')} errors={errors} hint="may call the agent API as the API user" />
            <FlagField label="API Only" name="api_only_user" value={str(form.api_only_user)} onChange={set('api_only_user')} errors={errors} hint="may use the APIs, never a screen (an integration)" />
            <SelectField label="User level" name="user_level" value={str(form.user_level)} choices={LEVELS} onChange={set('user_level')} errors={errors} hint="the non-agent API needs 7 or more" />
          </div>
          <div className="scope">
            <div className="columns">
              <SelectField
                label="User group"
                name="user_group"
                value={str(form.user_group)}
                choices={groups.map((g) => str(g.user_group))}
                onChange={set('user_group')}
                errors={errors}
                hint={group ? `allows: ${parseSet(group.allowed_campaigns).join(' ') || '(no campaign)'}` : undefined}
              />
              {meta.me.flags.modify_usergroups ? (
                <GroupCreator
                  onCreated={async (created) => {
                    await loadGroups();
                    set('user_group')(created);
                  }}
                />
              ) : null}
            </div>
            <FlagField
              label="API List Restrict"
              name="api_list_restrict"
              value={str(form.api_list_restrict)}
              onChange={set('api_list_restrict')}
              errors={errors}
              hint={<span className="explainer">{restrictExplained(who, group, form.api_list_restrict === '1')}</span>}
            />
          </div>
          <FunctionPicker
            functions={meta.functions}
            purposes={meta.purposes}
            presets={meta.presets}
            value={functions}
            onChange={setFunctions}
            onPreset={applyPreset}
            errors={errors}
          />
        </fieldset>

        <fieldset className="card">
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
        {checked === 'submitted' && Object.keys(local).length > 0 ? (
          <p className="error" role="alert">
            {Object.keys(local).length === 1 ? 'One field needs attention' : `${Object.keys(local).length} fields need attention`}: {Object.values(local).join('; ')}.
          </p>
        ) : null}
        <p className="saved" role="status">
          {saved}
        </p>
        <div className="toolbar">
          <button className="primary" type="submit">
            {creating ? 'Create user' : 'Save'}
          </button>
          {!creating ? (
            <>
              {loaded.values.active === 'Y' ? (
                <button type="button" className="danger" onClick={() => save({ active: 'N' })}>
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
      {!creating ? <ApiKeys user={user} /> : null}
    </>
  );
}
