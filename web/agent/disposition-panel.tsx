/**
 * The disposition: the campaign's statuses as buttons, each with a number
 * key (1–9, then 0) the agent can turn off; a callback status opens the
 * callback picker — date, time, "my callback only" and a comment. Errors
 * sit next to the field they concern and clear when it changes. Unsaved lead
 * edits are saved first, as VICIdial saves the form with the disposition.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ScreenState } from '../../src/wire/agent-screen';
import { Field, FieldError } from './field';
import { nextDay } from './format';
import type { Run } from './use-stream';

const HOTKEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

interface Props {
  state: ScreenState;
  run: Run;
  /** Saves the lead form's unsaved edits; false when they could not be saved (the form shows why). */
  saveLead: () => Promise<boolean>;
  onDone: (message: string) => void;
}

/** Keys typed into a field are text, never a disposition (a checkbox, radio or button takes no text). */
function typing(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
}

export function DispositionPanel({ state, run, saveLead, onDone }: Props) {
  const options = state.campaign?.dispositions ?? [];
  const [status, setStatus] = useState('');
  const [date, setDate] = useState(() => nextDay(state.localNow.slice(0, 10)));
  const [time, setTime] = useState('10:00');
  const [mine, setMine] = useState(true);
  const [comments, setComments] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [hotkeys, setHotkeys] = useState(true);
  const [busy, setBusy] = useState(false);
  const group = useRef<HTMLFieldSetElement>(null);
  const chosen = options.find((d) => d.status === status);
  const clear = (...fields: string[]) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))));

  useEffect(() => {
    if (!hotkeys) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const option = options[HOTKEYS.indexOf(e.key)];
      if (!option) return;
      e.preventDefault();
      setStatus(option.status);
      clear('status');
      group.current?.querySelector<HTMLInputElement>(`input[value="${option.status}"]`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hotkeys, options]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setErrors({ status: 'Choose a disposition.' });
    setBusy(true);
    try {
      if (!(await saveLead())) return;
      const callback = chosen.callback ? { callback: { at: date && time ? `${date} ${time}:00` : '', type: mine ? ('USERONLY' as const) : ('ANYONE' as const), comments } } : {};
      const outcome = await run({ type: 'dispo', status: chosen.status, ...callback });
      if (outcome.ok) return onDone(`Disposition saved: ${chosen.status} — ${chosen.name}${chosen.callback ? `, callback ${date} ${time}` : ''}.`);
      setErrors({ [outcome.field?.startsWith('callback') ? 'callback.at' : 'status']: outcome.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card dispo" aria-labelledby="dispo-heading">
      <h2 id="dispo-heading">Disposition</h2>
      <form onSubmit={submit} noValidate>
        <fieldset ref={group} className="dispo-options" aria-describedby={errors.status ? 'dispo-status-error' : undefined}>
          <legend>How did the call go?</legend>
          {options.map((d, i) => (
            <label key={d.status} className={`dispo-option${status === d.status ? ' chosen' : ''}`}>
              <input
                type="radio"
                name="dispo"
                value={d.status}
                checked={status === d.status}
                onChange={() => {
                  setStatus(d.status);
                  clear('status');
                }}
              />
              {hotkeys && HOTKEYS[i] && <kbd aria-hidden="true">{HOTKEYS[i]}</kbd>}
              <span className="code">{d.status}</span>
              <span className="name">{d.name}</span>
            </label>
          ))}
        </fieldset>
        {errors.status && <FieldError id="dispo-status-error" text={errors.status} />}
        <label className="check small">
          <input type="checkbox" checked={hotkeys} onChange={(e) => setHotkeys(e.target.checked)} />
          Number keys choose a disposition
        </label>

        {chosen?.callback && (
          <fieldset className="callback" aria-describedby={errors['callback.at'] ? 'callback-at-error' : undefined}>
            <legend>Callback</legend>
            <div className="row">
              <Field id="callback-date" label="Date" error={undefined}>
                {(control) => (
                  <input
                    {...control}
                    type="date"
                    min={state.localNow.slice(0, 10)}
                    value={date}
                    aria-invalid={errors['callback.at'] ? true : undefined}
                    aria-describedby={errors['callback.at'] ? 'callback-at-error' : undefined}
                    onChange={(e) => {
                      setDate(e.target.value);
                      clear('callback.at');
                    }}
                  />
                )}
              </Field>
              <Field id="callback-time" label="Time" error={undefined}>
                {(control) => (
                  <input
                    {...control}
                    type="time"
                    value={time}
                    aria-invalid={errors['callback.at'] ? true : undefined}
                    aria-describedby={errors['callback.at'] ? 'callback-at-error' : undefined}
                    onChange={(e) => {
                      setTime(e.target.value);
                      clear('callback.at');
                    }}
                  />
                )}
              </Field>
            </div>
            {errors['callback.at'] && <FieldError id="callback-at-error" text={errors['callback.at']} />}
            <label className="check">
              <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
              My callback only
            </label>
            <Field id="callback-comments" label="Callback comment">
              {(control) => <textarea {...control} maxLength={200} rows={2} value={comments} onChange={(e) => setComments(e.target.value)} />}
            </Field>
          </fieldset>
        )}
        <button type="submit" className="primary" disabled={busy}>
          Save disposition
        </button>
      </form>
    </section>
  );
}
