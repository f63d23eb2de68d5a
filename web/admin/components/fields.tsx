/** Form fields that show the server's message for their field under them. */
import type { ReactNode } from 'react';

export type Errors = Record<string, string>;

function Shell({ label, error, children, hint }: { label: string; error?: string | undefined; children: ReactNode; hint?: string | undefined }) {
  return (
    <label className={`field${error ? ' invalid' : ''}`}>
      <span className="label">{label}</span>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
      {error ? <span className="error field-error">{error}</span> : null}
    </label>
  );
}

export function TextField(p: { label: string; name: string; value: string; onChange: (v: string) => void; errors: Errors; type?: string; hint?: string }) {
  return (
    <Shell label={p.label} error={p.errors[p.name]} hint={p.hint}>
      <input name={p.name} type={p.type ?? 'text'} value={p.value} onChange={(e) => p.onChange(e.target.value)} />
    </Shell>
  );
}

export function SelectField(p: { label: string; name: string; value: string; choices: readonly string[]; onChange: (v: string) => void; errors: Errors; hint?: string }) {
  return (
    <Shell label={p.label} error={p.errors[p.name]} hint={p.hint}>
      <select name={p.name} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {p.choices.includes(p.value) ? null : <option value={p.value}>{p.value || '(choose)'}</option>}
        {p.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function FlagField(p: { label: string; name: string; value: string; onChange: (v: string) => void; errors: Errors; hint?: string }) {
  return (
    <label className={`flag${p.errors[p.name] ? ' invalid' : ''}`}>
      <input type="checkbox" name={p.name} checked={p.value === '1'} onChange={(e) => p.onChange(e.target.checked ? '1' : '0')} />
      <span>
        {p.label}
        {p.hint ? <span className="hint"> — {p.hint}</span> : null}
      </span>
      {p.errors[p.name] ? <span className="error field-error">{p.errors[p.name]}</span> : null}
    </label>
  );
}

/** A multi-select as a list of checkboxes; `all` (ALL_FUNCTIONS, -ALL-CAMPAIGNS-) stands for every item. */
export function MultiSelect(p: {
  label: string;
  name: string;
  value: readonly string[];
  choices: readonly { name: string; note?: string }[];
  all?: string;
  onChange: (v: string[]) => void;
  errors: Errors;
}) {
  const allOn = p.all !== undefined && p.value.includes(p.all);
  const toggle = (name: string, on: boolean) => p.onChange(on ? [...p.value.filter((v) => v !== name), name] : p.value.filter((v) => v !== name));
  return (
    <fieldset className={`multi${p.errors[p.name] ? ' invalid' : ''}`} data-name={p.name}>
      <legend>{p.label}</legend>
      <div className="choices">
        {p.choices.map((c) => (
          <label key={c.name} className={c.name === p.all ? 'all' : ''}>
            <input
              type="checkbox"
              value={c.name}
              checked={p.value.includes(c.name)}
              disabled={allOn && c.name !== p.all}
              onChange={(e) => toggle(c.name, e.target.checked)}
            />
            {c.name}
            {c.note ? <small> {c.note}</small> : null}
          </label>
        ))}
      </div>
      {p.errors[p.name] ? <span className="error field-error">{p.errors[p.name]}</span> : null}
    </fieldset>
  );
}
