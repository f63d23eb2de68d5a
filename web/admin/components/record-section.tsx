/**
 * One section of records (campaigns, lists, statuses…): a table, an editor
 * for the chosen row and, where allowed, a form for a new one. Every save
 * sends the version it was made from; the server's field messages show
 * under their fields, a stale edit says so and offers the current version.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RecordList } from '../../../src/wire/admin.js';
import { api, parseSet, type Value, type Values, type VersionedRecord } from '../api.js';
import { MultiSelect, SelectField, TextField, type Errors } from './fields.js';
import { fieldErrors, Problem } from './problem.js';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'number' | 'select' | 'multi';
  readonly choices?: readonly string[];
  /** For multi: the item that means "all". */
  readonly all?: string;
}

interface Props {
  readonly section: string;
  readonly title: string;
  readonly keyFields: readonly FieldSpec[];
  readonly fields: readonly FieldSpec[];
  readonly where?: Record<string, string>;
  readonly canCreate?: boolean;
  readonly canDelete?: boolean;
}

type Form = Record<string, string | string[]>;

const str = (v: Value | undefined) => (v === null || v === undefined ? '' : String(v));
const toForm = (specs: readonly FieldSpec[], values: Values): Form =>
  Object.fromEntries(specs.map((f) => [f.name, f.kind === 'multi' ? parseSet(values[f.name]) : str(values[f.name])]));
const toWire = (f: FieldSpec, v: string | string[]) => (f.kind === 'number' ? Number(v) : v);
const same = (a: string | string[] | undefined, b: string | string[] | undefined) => JSON.stringify(a) === JSON.stringify(b);

function Fields({ specs, form, setForm, errors }: { specs: readonly FieldSpec[]; form: Form; setForm: (f: Form) => void; errors: Errors }) {
  return (
    <div className="columns">
      {specs.map((f) => {
        const value = form[f.name] ?? (f.kind === 'multi' ? [] : '');
        const onChange = (v: string | string[]) => setForm({ ...form, [f.name]: v });
        if (f.kind === 'multi')
          return <MultiSelect key={f.name} label={f.label} name={f.name} value={value as string[]} choices={(f.choices ?? []).map((name) => ({ name }))} {...(f.all ? { all: f.all } : {})} onChange={onChange} errors={errors} />;
        if (f.kind === 'select') return <SelectField key={f.name} label={f.label} name={f.name} value={value as string} choices={f.choices ?? []} onChange={onChange} errors={errors} />;
        return <TextField key={f.name} label={f.label} name={f.name} value={value as string} onChange={onChange} errors={errors} />;
      })}
    </div>
  );
}

export function RecordSection({ section, title, keyFields, fields, where, canCreate, canDelete }: Props) {
  const [records, setRecords] = useState<VersionedRecord[]>([]);
  const [editing, setEditing] = useState<VersionedRecord | undefined>();
  const [form, setForm] = useState<Form>({});
  const [creating, setCreating] = useState<Form | undefined>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState('');
  const query = where ? `?${new URLSearchParams(where)}` : '';

  const load = useCallback(async () => {
    const { records: rows } = await api<RecordList>('GET', `/api/v2/admin/records/${section}${query}`);
    setRecords([...rows]);
    return rows;
  }, [section, query]);
  useEffect(() => {
    load().catch(setError);
  }, [load]);

  const keyOf = (r: VersionedRecord) => ({ ...where, ...Object.fromEntries(keyFields.map((k) => [k.name, r.values[k.name]])) });
  const keyText = (r: VersionedRecord) => keyFields.map((k) => str(r.values[k.name])).join(' ') || title;
  const open = (r: VersionedRecord) => {
    setEditing(r);
    setForm(toForm(fields, r.values));
    setError(undefined);
    setSaved('');
  };
  const reload = async () => {
    const rows = await load();
    const current = editing && rows.find((r) => same(keyText(r), keyText(editing)));
    if (current) open(current);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const before = toForm(fields, editing.values);
    const changes = Object.fromEntries(fields.filter((f) => !same(form[f.name], before[f.name])).map((f) => [f.name, toWire(f, form[f.name]!)]));
    try {
      const result = await api<VersionedRecord>('PATCH', `/api/v2/admin/records/${section}`, { key: keyOf(editing), version: editing.version, changes });
      await load();
      open(result);
      setSaved('Saved.');
    } catch (err) {
      setError(err);
    }
  };

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!creating) return;
    const key = Object.fromEntries(keyFields.map((k) => [k.name, toWire(k, creating[k.name] ?? '')]));
    const values = Object.fromEntries(fields.filter((f) => !same(creating[f.name], f.kind === 'multi' ? [] : '')).map((f) => [f.name, toWire(f, creating[f.name]!)]));
    try {
      await api('POST', `/api/v2/admin/records/${section}`, { key: { ...key, ...where }, values });
      setCreating(undefined);
      setError(undefined);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const remove = async () => {
    if (!editing) return;
    try {
      await api('DELETE', `/api/v2/admin/records/${section}`, { key: keyOf(editing), version: editing.version });
      setEditing(undefined);
      await load();
    } catch (err) {
      setError(err);
    }
  };

  const errors = fieldErrors(error);
  const shown = [...keyFields, ...fields];
  return (
    <div className="record-section" data-section={section}>
      <h3>{title}</h3>
      <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
        <table className="grid">
          <thead>
            <tr>
              <th>
                <span className="sr-only">Actions</span>
              </th>
              {shown.map((f) => (
                <th key={f.name}>{f.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={keyText(r)} className={editing && keyText(editing) === keyText(r) ? 'selected' : ''}>
                <td className="actions">
                  <button type="button" onClick={() => open(r)} aria-label={`Edit ${keyText(r)}`}>
                    Edit
                  </button>
                </td>
                {shown.map((f) => (
                  <td key={f.name}>{f.kind === 'multi' ? parseSet(r.values[f.name]).join(' ') : str(r.values[f.name])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing ? (
        <form className="card" onSubmit={save} aria-label={`Edit ${keyText(editing)}`}>
          <h4>{keyText(editing)}</h4>
          <Fields specs={fields} form={form} setForm={setForm} errors={errors} />
          <Problem error={error} onReload={() => reload().catch(setError)} />
          {saved ? <p className="saved" role="status">{saved}</p> : null}
          <div className="toolbar">
            <button className="primary" type="submit">
              Save
            </button>
            <button type="button" onClick={() => setEditing(undefined)}>
              Close
            </button>
            {canDelete ? (
              <button type="button" className="danger" onClick={remove}>
                Delete
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {canCreate && !editing ? (
        creating ? (
          <form className="card" onSubmit={create} aria-label={`New ${title}`}>
            <Fields specs={[...keyFields, ...fields]} form={creating} setForm={setCreating} errors={errors} />
            <Problem error={error} />
            <div className="toolbar">
              <button className="primary" type="submit">
                Create
              </button>
              <button type="button" onClick={() => setCreating(undefined)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <button type="button" onClick={() => setCreating({})}>
            New…
          </button>
        )
      ) : null}
    </div>
  );
}
