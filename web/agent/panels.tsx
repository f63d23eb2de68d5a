/** The parts of the agent screen below the status bar: the call and its lead, and what the agent can do. */
import { useState } from 'react';
import type { ScreenState } from './types';

type Send = (message: Record<string, unknown>) => void;

const LEAD_FIELDS = ['first_name', 'last_name', 'phone_number', 'alt_phone', 'address1', 'city', 'state', 'postal_code', 'email', 'vendor_lead_code', 'comments'];

export function LeadPanel({ state, refreshed }: { state: ScreenState; refreshed: Record<string, string> }) {
  const { lead, telephony } = state;
  const call = telephony.call;
  return (
    <section className="card" aria-label="Call and lead">
      <h2>Call</h2>
      {state.session?.call ? (
        <p data-testid="call">
          {state.session.call.kind} call {state.session.call.callerId}
          {call && ` — ${call.stage}`}
          {call?.parked && ` — ${call.parked} parked`}
          {call?.thirdParty && ` — third party ${call.thirdParty.target} ${call.thirdParty.stage}${call.thirdParty.parked ? ' (parked)' : ''}`}
          {call?.dtmf && ` — sent ${call.dtmf}`}
        </p>
      ) : (
        <p data-testid="call">No call</p>
      )}
      {telephony.recording && <p>Recording {telephony.recording.filename}</p>}
      {telephony.playback && (
        <p>
          Audio {telephony.playback.file} ({telephony.playback.state})
        </p>
      )}
      <h2>Lead {lead ? lead.leadId : ''}</h2>
      {refreshed.formreload && <p className="muted">Form reloaded at {refreshed.formreload}</p>}
      {lead ? (
        <dl className="lead">
          {LEAD_FIELDS.map((f) => (
            <div key={f}>
              <dt>{f.replace(/_/g, ' ')}</dt>
              <dd data-testid={`lead-${f}`}>{lead.fields[f] ?? ''}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">No lead on screen.</p>
      )}
    </section>
  );
}

export function DispositionPanel({ state, send }: { state: ScreenState; send: Send }) {
  const [status, setStatus] = useState('');
  const [at, setAt] = useState('');
  const options = state.campaign?.dispositions ?? [];
  const chosen = options.find((d) => d.status === status);
  return (
    <section className="card" aria-label="Disposition">
      <h2>Disposition</h2>
      <select aria-label="Disposition status" value={status} onChange={(e) => setStatus(e.target.value)}>
        <option value="">Choose…</option>
        {options.map((d) => (
          <option key={d.status} value={d.status}>
            {d.status} — {d.name}
          </option>
        ))}
      </select>
      {chosen?.callback && (
        <label>
          Callback at <input aria-label="Callback date" placeholder="YYYY-MM-DD HH:MM:SS" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
      )}
      <button
        className="primary"
        disabled={!status}
        onClick={() => send({ type: 'dispo', status, ...(chosen?.callback ? { callback: { at, type: 'USERONLY', comments: '' } } : {}) })}
      >
        Submit disposition
      </button>
    </section>
  );
}

export function ActionsPanel({ state, send }: { state: ScreenState; send: Send }) {
  const [phone, setPhone] = useState('');
  const [target, setTarget] = useState('');
  const [digits, setDigits] = useState('');
  const phase = state.session?.phase;
  const onCall = phase === 'on-call';
  return (
    <section className="card" aria-label="Actions">
      <h2>Actions</h2>
      {state.manualDial && phase === 'paused' && (
        <div className="row">
          <input aria-label="Number to dial" placeholder="number" value={phone} onChange={(e) => setPhone(e.target.value)} />
          <button onClick={() => send({ type: 'dial', phone })}>Dial</button>
        </div>
      )}
      {onCall && (
        <>
          <div className="row">
            <button className="danger" onClick={() => send({ type: 'hangup' })}>
              Hang up
            </button>
            <button onClick={() => send({ type: 'park', action: state.telephony.call?.parked ? 'GRAB_CUSTOMER' : 'PARK_CUSTOMER' })}>
              {state.telephony.call?.parked ? 'Grab customer' : 'Park customer'}
            </button>
            <button onClick={() => send({ type: 'record', action: state.telephony.recording ? 'stop' : 'start' })}>
              {state.telephony.recording ? 'Stop recording' : 'Record'}
            </button>
          </div>
          <div className="row">
            <input aria-label="Transfer target" placeholder="number or in-group" value={target} onChange={(e) => setTarget(e.target.value)} />
            <button onClick={() => send({ type: 'transfer', action: /^\d+$/.test(target) ? 'blind' : 'ingroup', target })}>Blind transfer</button>
            <button onClick={() => send({ type: 'transfer', action: /^\d+$/.test(target) ? 'dial' : 'warm', target })}>Warm / 3-way</button>
            <button onClick={() => send({ type: 'transfer', action: 'leave_3way' })}>Leave 3-way</button>
            <button onClick={() => send({ type: 'transfer', action: 'hangup_xfer' })}>Hang up third party</button>
          </div>
          <div className="row">
            <input aria-label="DTMF digits" placeholder="digits" value={digits} onChange={(e) => setDigits(e.target.value)} />
            <button onClick={() => send({ type: 'dtmf', digits })}>Send DTMF</button>
          </div>
        </>
      )}
    </section>
  );
}

const PANELS = ['formreload', 'scriptreload', 'script2reload', 'emailreload', 'chatreload', 'callbacksreload'];

export function RefreshPanels({ refreshed }: { refreshed: Record<string, string> }) {
  return (
    <section className="card" aria-label="Panels">
      <h2>Panels</h2>
      <ul className="panels">
        {PANELS.map((p) => (
          <li key={p} data-testid={`panel-${p}`}>
            {p.replace('reload', '')}: {refreshed[p] ? `refreshed ${refreshed[p]}` : '—'}
          </li>
        ))}
      </ul>
    </section>
  );
}
