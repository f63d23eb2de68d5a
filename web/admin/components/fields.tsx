/**
 * Form fields with their label, their hint and the server's (or the form's)
 * message for them. A field in error says so to assistive technology too:
 * aria-invalid, and aria-describedby pointing at its hint and its message.
 */
import { useId, type ReactNode } from 'react';

export type Errors = Record<string, string>;

interface Described {
  readonly id: string;
  readonly hintId: string | undefined;
  readonly errorId: string | undefined;
  /** The attributes that tie the control to its hint and message. */
  readonly aria: { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

function useDescribed(hint: ReactNode, error: string | undefined): Described {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ');
  return { id, hintId, errorId, aria: { ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) } };
}

function Notes({ d, hint, error }: { d: Described; hint: ReactNode; error: string | undefined }) {
  return (
    <>
      {hint ? (
        <span id={d.hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={d.errorId} className="error field-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

interface FieldProps {
  readonly label: string;
  readonly name: string;
  readonly errors: Errors;
  readonly hint?: ReactNode;
}

export function TextField(
  p: FieldProps & {
    value: string;
    onChange: (v: string) => void;
    onBlur?: () => void;
    type?: string;
    autoComplete?: string;
    maxLength?: number;
  },
) {
  const error = p.errors[p.name];
  const d = useDescribed(p.hint, error);
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label className="label" htmlFor={d.id}>
        {p.label}
      </label>
      <input
        id={d.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        {...(p.onBlur ? { onBlur: p.onBlur } : {})}
        {...(p.autoComplete ? { autoComplete: p.autoComplete } : {})}
        {...(p.maxLength ? { maxLength: p.maxLength } : {})}
        {...d.aria}
      />
      <Notes d={d} hint={p.hint} error={error} />
    </div>
  );
}

export function SelectField(p: FieldProps & { value: string; choices: readonly string[]; onChange: (v: string) => void }) {
  const error = p.errors[p.name];
  const d = useDescribed(p.hint, error);
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label className="label" htmlFor={d.id}>
        {p.label}
      </label>
      <select id={d.id} name={p.name} value={p.value} onChange={(e) => p.onChange(e.target.value)} {...d.aria}>
        {p.choices.includes(p.value) ? null : <option value={p.value}>{p.value || '(choose)'}</option>}
        {p.choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <Notes d={d} hint={p.hint} error={error} />
    </div>
  );
}

export function FlagField(p: FieldProps & { value: string; onChange: (v: string) => void }) {
  const error = p.errors[p.name];
  const d = useDescribed(p.hint, error);
  return (
    <div className={`flag${error ? ' invalid' : ''}`}>
      <input id={d.id} type="checkbox" name={p.name} checked={p.value === '1'} onChange={(e) => p.onChange(e.target.checked ? '1' : '0')} {...d.aria} />
      <span className="flag-text">
        <label htmlFor={d.id}>{p.label}</label>
        <Notes d={d} hint={p.hint} error={error} />
      </span>
    </div>
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
  const error = p.errors[p.name];
  const d = useDescribed(undefined, error);
  const allOn = p.all !== undefined && p.value.includes(p.all);
  const toggle = (name: string, on: boolean) => p.onChange(on ? [...p.value.filter((v) => v !== name), name] : p.value.filter((v) => v !== name));
  return (
    <fieldset className={`multi${error ? ' invalid' : ''}`} data-name={p.name} aria-describedby={d.errorId}>
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
      <Notes d={d} hint={undefined} error={error} />
    </fieldset>
  );
}
