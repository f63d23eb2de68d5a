/**
 * Transfer and conference, offered only while they can act: on an answered
 * call, a directory of the campaign's in-groups and the agents logged into
 * it, or a number — blind or warm (a number, warm, is a 3-way call). Once a
 * third party is on the line, only its controls remain: hang it up, or leave
 * the 3-way call, which asks first, since the agent then leaves the customer.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ScreenState, TransferDirectory } from '../../src/wire/agent-screen';
import { api } from './api';
import { Field } from './field';
import type { Command, Run } from './use-stream';

type Kind = 'ingroup' | 'agent' | 'number';

interface Props {
  state: ScreenState;
  run: Run;
  onError: (message: string) => void;
  onDone: (message: string) => void;
}

export function TransferPanel(props: Props) {
  const third = props.state.telephony.call?.thirdParty;
  return (
    <section className="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{third ? '3-way call' : 'Transfer'}</h2>
      {third ? <ThreeWay {...props} /> : <TransferForm {...props} />}
    </section>
  );
}

function TransferForm({ run, onDone }: Props) {
  const [directory, setDirectory] = useState<TransferDirectory>({ ingroups: [], agents: [] });
  const [kind, setKind] = useState<Kind>('ingroup');
  const [target, setTarget] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(() => {
    api.directory().then(setDirectory, () => setError('The directory could not be read.'));
  }, []);
  useEffect(load, [load]);
  const options = kind === 'ingroup' ? directory.ingroups.map((g) => ({ id: g.id, text: `${g.id} — ${g.name}` })) : directory.agents.map((a) => ({ id: a.user, text: `${a.user} — ${a.name} (${a.status})` }));
  const chosen = kind === 'number' ? target : options.some((o) => o.id === target) ? target : (options[0]?.id ?? '');

  const send = async (warm: boolean) => {
    setError('');
    const action: Command = { type: 'transfer', target: chosen, action: kind === 'number' ? (warm ? 'dial' : 'blind') : kind === 'agent' ? (warm ? 'agent_warm' : 'agent') : warm ? 'warm' : 'ingroup' };
    const outcome = await run(action);
    if (!outcome.ok) return setError(outcome.message);
    onDone(warm ? `Calling ${chosen} into the call…` : `Transferred to ${chosen}.`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="segmented">
        <legend>Transfer to</legend>
        {(['ingroup', 'agent', 'number'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="transfer-kind"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setTarget('');
                setError('');
              }}
            />
            {k === 'ingroup' ? 'In-group' : k === 'agent' ? 'Agent' : 'Number'}
          </label>
        ))}
      </fieldset>
      {kind === 'number' ? (
        <Field id="transfer-target" label="Number" error={error}>
          {(control) => (
            <input
              {...control}
              inputMode="tel"
              autoComplete="off"
              value={target}
              onChange={(e) => {
                setTarget(e.target.value.replace(/[\s().-]/g, ''));
                setError('');
              }}
            />
          )}
        </Field>
      ) : (
        <Field
          id="transfer-target"
          label={kind === 'ingroup' ? 'In-group' : 'Agent'}
          error={error}
          hint={options.length === 0 ? (kind === 'agent' ? 'No other agent is logged into this campaign.' : 'This campaign has no in-group.') : undefined}
        >
          {(control) => (
            <select
              {...control}
              value={chosen}
              onChange={(e) => {
                setTarget(e.target.value);
                setError('');
              }}
            >
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.text}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="row">
        <button type="submit" disabled={!chosen}>
          Blind transfer
        </button>
        <button type="button" disabled={!chosen} onClick={() => void send(true)}>
          {kind === 'number' ? '3-way call' : 'Warm transfer'}
        </button>
        <button type="button" className="link" onClick={load}>
          Refresh list
        </button>
      </div>
    </form>
  );
}

function ThreeWay({ state, run, onError }: Props) {
  const third = state.telephony.call!.thirdParty!;
  const [confirming, setConfirming] = useState(false);
  const act = async (command: Command) => {
    setConfirming(false);
    const outcome = await run(command);
    if (!outcome.ok) onError(outcome.message);
  };
  return (
    <>
      <p>
        With {third.target} ({third.stage === 'ringing' ? 'ringing' : 'connected'}).
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-labelledby="leave-question">
          <p id="leave-question">
            Leave the call? {third.target} stays on the line with the customer, and you go to the disposition.
          </p>
          <div className="row">
            <button className="danger" autoFocus onClick={() => void act({ type: 'transfer', action: 'leave_3way' })}>
              Leave the 3-way call
            </button>
            <button onClick={() => setConfirming(false)}>Stay on the call</button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button onClick={() => void act({ type: 'transfer', action: 'hangup_xfer' })}>Hang up third party</button>
          <button onClick={() => setConfirming(true)}>Leave 3-way…</button>
        </div>
      )}
    </>
  );
}
