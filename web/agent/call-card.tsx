/**
 * The call card: who is on the line (the customer's number, the in-group or
 * campaign, not an internal id), the talk or wrap-up timer, what the call is
 * doing (ringing, parked, recorded, a third party), and the controls that act
 * on it now — only those. Idle, it says what the agent can do next, and
 * offers the manual dial when the agent is paused and may dial.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ScreenState } from '../../src/wire/agent-screen';
import { Field } from './field';
import { duration } from './format';
import { requester } from './pending';
import type { Run } from './use-stream';

interface Props {
  state: ScreenState;
  elapsed: (since: string | null) => number;
  run: Run;
  onError: (message: string) => void;
}

export function CallCard({ state, elapsed, run, onError }: Props) {
  const { call, session, telephony } = state;
  const phase = session!.phase;
  const act = async (command: Parameters<Run>[0]) => {
    const outcome = await run(command);
    if (!outcome.ok) onError(outcome.message);
  };
  return (
    <section className="card call-card" aria-labelledby="call-heading" id="workspace" tabIndex={-1}>
      <h2 id="call-heading">Call</h2>
      {call ? (
        <>
          <p data-testid="call" className="call-line">
            {call.stage === 'ringing'
              ? `Dialing ${call.number}…`
              : call.queue.inbound
                ? `Inbound call from ${call.number}`
                : `Outbound call to ${call.number}`}
          </p>
          <p className="muted" data-testid="call-queue">
            {call.queue.inbound ? 'In-group' : 'Campaign'} {call.queue.id}
            {call.queue.name && ` — ${call.queue.name}`}
          </p>
          <p data-testid="talk-time">
            {call.stage === 'ringing' ? 'Ringing' : 'Talk time'} <strong>{duration(elapsed(call.startedAt))}</strong>
          </p>
          <CallDetails state={state} />
          <div className="row">
            <button className="danger" onClick={() => void act({ type: 'hangup' })}>
              Hang up
            </button>
            {call.stage === 'answered' && (
              <>
                <button onClick={() => void act({ type: 'park', action: telephony.call?.parked ? 'GRAB_CUSTOMER' : 'PARK_CUSTOMER' })}>
                  {telephony.call?.parked ? 'Grab customer' : 'Park customer'}
                </button>
                <button onClick={() => void act({ type: 'record', action: telephony.recording ? 'stop' : 'start' })}>
                  {telephony.recording ? 'Stop recording' : 'Record'}
                </button>
              </>
            )}
          </div>
          {call.stage === 'answered' && <Keypad run={run} />}
        </>
      ) : phase === 'disposition' ? (
        <>
          <p data-testid="call" className="call-line">
            Call ended{state.lead ? ` — ${state.lead.fields.phone_number}` : ''}
          </p>
          <p data-testid="wrapup-time">
            Wrap-up <strong>{duration(elapsed(session!.since))}</strong>
          </p>
        </>
      ) : (
        <>
          <p data-testid="call" className="call-line">
            No call
          </p>
          <p className="muted">{idleHint(state)}</p>
          {state.manualDial && phase === 'paused' && <DialForm run={run} />}
        </>
      )}
      {(phase === 'on-call' || phase === 'disposition') && <AfterThisCall state={state} run={run} onError={onError} />}
    </section>
  );
}

function idleHint(state: ScreenState): string {
  const s = state.session!;
  if (s.phase === 'paused')
    return state.availableStatus === 'PAUSED' ? 'This campaign does not send calls: dial a number or a callback.' : 'You are paused: press Resume to take calls.';
  if (s.status === 'QUEUE') return 'A call is being put through…';
  return 'Waiting for a call…';
}

function CallDetails({ state }: { state: ScreenState }) {
  const { telephony } = state;
  const third = telephony.call?.thirdParty;
  return (
    <ul className="details">
      {telephony.call?.parked && <li>The customer is parked{telephony.call.parked === 'ivr' ? ' in the IVR' : ''}.</li>}
      {third && (
        <li data-testid="third-party">
          3-way call: {third.target} ({third.stage === 'ringing' ? 'ringing' : 'connected'}
          {third.parked ? ', parked' : ''})
        </li>
      )}
      {telephony.recording && (
        <li data-testid="recording">
          <span className="rec-dot" aria-hidden="true">
            ●
          </span>{' '}
          Recording {telephony.recording.filename}
        </li>
      )}
      {telephony.call?.dtmf && <li>Digits sent: {telephony.call.dtmf}</li>}
      {telephony.playback && (
        <li>
          Audio {telephony.playback.file} ({telephony.playback.state})
        </li>
      )}
    </ul>
  );
}

/** "Stay paused after this call": the pending PAUSE, who asked for it, and undoing it. */
function AfterThisCall({ state, run, onError }: Omit<Props, 'elapsed'>) {
  const pending = state.pending;
  if (pending?.action === 'LOGOUT')
    return (
      <p className="notice info" data-testid="after-call">
        You will be logged out after this call — asked by {requester(pending)}.
      </p>
    );
  if (state.availableStatus === 'PAUSED') return null; // this campaign pauses the agent after every call anyway
  return <StayPaused state={state} run={run} onError={onError} />;
}

function StayPaused({ state, run, onError }: Omit<Props, 'elapsed'>) {
  const pending = state.pending;
  const held = pending?.action === 'PAUSE';
  // The box follows the click at once; the server's state confirms it (or the error undoes it).
  const [clicked, setClicked] = useState<boolean | null>(null);
  useEffect(() => setClicked(null), [held]);
  const checked = clicked ?? held;
  const hint = checked
    ? pending?.by.kind === 'api'
      ? `Asked by ${requester(pending)}. Untick to take calls again after this one.`
      : 'You stay paused when this call is done. Untick to take calls again after it.'
    : `After this call you will be ${state.availableStatus}.`;
  return (
    <div className="stay-paused">
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby="stay-paused-hint"
          onChange={async (e) => {
            setClicked(e.target.checked);
            const outcome = await run({ type: e.target.checked ? 'pause' : 'cancel_pending' });
            if (outcome.ok) return;
            setClicked(null);
            onError(outcome.message);
          }}
        />
        Stay paused after this call
      </label>
      <p id="stay-paused-hint" className="hint">
        {hint}
      </p>
    </div>
  );
}

function DialForm({ run }: { run: Run }) {
  const [phone, setPhone] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await run({ type: 'dial', phone: phone.replace(/[\s().-]/g, '') });
    if (outcome.ok) setPhone('');
    else setError(outcome.message.replace(/^phone: /, 'Number: '));
  };
  return (
    <form className="dial" onSubmit={submit} noValidate>
      <Field id="dial-number" label="Number to dial" error={error}>
        {(control) => (
          <input
            {...control}
            inputMode="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
              setError('');
            }}
          />
        )}
      </Field>
      <button type="submit" className="primary">
        Dial
      </button>
    </form>
  );
}

/** Digits into the call (an IVR on the other end). */
function Keypad({ run }: { run: Run }) {
  const [digits, setDigits] = useState('');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await run({ type: 'dtmf', digits: digits.replace(/\s/g, '') });
    if (outcome.ok) setDigits('');
    else setError(outcome.message.replace(/^digits: /, 'Digits: '));
  };
  return (
    <details className="keypad">
      <summary>Keypad (send digits)</summary>
      <form onSubmit={submit} noValidate className="inline-form">
        <Field id="dtmf-digits" label="Digits" error={error}>
          {(control) => (
            <input
              {...control}
              inputMode="tel"
              autoComplete="off"
              value={digits}
              onChange={(e) => {
                setDigits(e.target.value);
                setError('');
              }}
            />
          )}
        </Field>
        <button type="submit">Send digits</button>
      </form>
    </details>
  );
}
