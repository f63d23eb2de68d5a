/**
 * API Allowed Functions, as an administrator thinks of them: presets for the
 * common integrations, a search by name or by what a function does, and the
 * functions grouped by purpose. ALL_FUNCTIONS stands for every function.
 */
import { useId, useState } from 'react';
import type { FunctionChoice, FunctionPreset, PurposeGroup } from '../../../src/wire/admin.js';
import type { Errors } from './fields.js';

const ALL = 'ALL_FUNCTIONS';
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function FunctionPicker(p: {
  functions: readonly FunctionChoice[];
  purposes: readonly PurposeGroup[];
  presets: readonly FunctionPreset[];
  value: readonly string[];
  onChange: (names: string[]) => void;
  onPreset: (preset: FunctionPreset) => void;
  errors: Errors;
}) {
  const id = useId();
  const [search, setSearch] = useState('');
  const error = p.errors.api_allowed_functions;
  const allOn = p.value.includes(ALL);
  const words = search.trim().toLowerCase();
  const matches = (f: FunctionChoice) => !words || `${f.name} ${f.name.replaceAll('_', ' ')} ${f.summary}`.toLowerCase().includes(words);
  const shown = p.functions.filter(matches);
  const toggle = (name: string, on: boolean) => p.onChange(on ? [...p.value.filter((v) => v !== name), name] : p.value.filter((v) => v !== name));
  const active = p.presets.find((preset) => sameSet(preset.functions, p.value));

  return (
    <fieldset className="functions-picker" data-name="api_allowed_functions" aria-describedby={[error ? `${id}-error` : '', `${id}-chosen`].join(' ').trim()}>
      <legend>API Allowed Functions</legend>
      <div className="preset-bar" role="group" aria-label="Presets">
        <span className="hint">Start from:</span>
        {p.presets.map((preset) => (
          <button key={preset.id} type="button" data-preset={preset.id} aria-pressed={active?.id === preset.id} aria-describedby={`${id}-${preset.id}`} onClick={() => p.onPreset(preset)}>
            {preset.label}
          </button>
        ))}
      </div>
      <ul className="hint preset-help">
        {p.presets.map((preset) => (
          <li key={preset.id} id={`${id}-${preset.id}`}>
            <strong>{preset.label}</strong>: {preset.help}
          </li>
        ))}
      </ul>
      <div className="field">
        <label className="label" htmlFor={`${id}-search`}>
          Search functions
        </label>
        <input id={`${id}-search`} type="search" placeholder="a name or what it does, e.g. pause, disposition, report" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <p className="sr-only" role="status">
        {words ? `${shown.length} functions match` : ''}
      </p>
      {p.purposes.map((purpose) => {
        const inGroup = shown.filter((f) => f.purpose === purpose.id);
        if (inGroup.length === 0) return null;
        return (
          <fieldset key={purpose.id} className="purpose" data-purpose={purpose.id}>
            <legend>{purpose.label}</legend>
            <div className="choices">
              {inGroup.map((f) => (
                <label key={f.name}>
                  <input type="checkbox" value={f.name} checked={p.value.includes(f.name)} disabled={allOn && f.name !== ALL} onChange={(e) => toggle(f.name, e.target.checked)} />
                  <span>
                    <span className="mono">{f.name}</span> {f.api === 'agent' || f.api === 'non-agent' ? <span className="tag">{f.api}</span> : null}
                    <br />
                    <span className="summary">{f.summary}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {shown.length === 0 ? <p className="hint">No function matches “{search}”.</p> : null}
      <p id={`${id}-chosen`} className="chosen">
        {p.value.length === 0 ? 'No function chosen: every call will be refused.' : `Chosen (${allOn ? 'all' : p.value.length}): ${allOn ? ALL : p.value.join(' ')}`}
      </p>
      {error ? (
        <span id={`${id}-error`} className="error field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
