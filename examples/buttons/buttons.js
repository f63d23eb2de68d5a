/**
 * Custom buttons for one agent. Each button is one call of the JSON face;
 * its answer says whether the command is applied or pending (a PAUSE during
 * a call waits for the call's disposition) and gives its command_id. The
 * event stream's events that carry that command_id show the command taking
 * effect; a pending PAUSE is applied when the agent is next seen PAUSED.
 *
 * The key is limited to exactly these functions:
 *   agentgate keys create --user 6666 --name buttons --functions external_pause,external_hangup,external_status
 */
import { callFunction } from '../shared/api.js';
import { connectPage } from '../shared/connection.js';
import { followEvents, StreamRefused } from '../shared/event-stream.js';

const $ = (id) => document.getElementById(id);
const COMMANDS = {
  pause: { label: 'Pause', fn: 'external_pause', params: () => ({ value: 'PAUSE' }), appliedWhen: (agent) => agent.status === 'PAUSED' },
  resume: { label: 'Resume', fn: 'external_pause', params: () => ({ value: 'RESUME' }) },
  hangup: { label: 'Hang up', fn: 'external_hangup', params: () => ({ value: '1' }) },
  disposition: { label: 'Disposition', fn: 'external_status', params: () => ({ value: $('disposition').value }) },
};
const LINK_WORDS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
/** Events seen before their command's answer came back (the two race), kept for a while. */
const EARLY_KEPT = 100;

let session;

const end = connectPage({ storage: 'agentgate.example.buttons', start });
for (const button of document.querySelectorAll('button[data-command]')) button.addEventListener('click', () => void send(button.dataset.command));

function start(connection, signal) {
  session = { connection, commands: new Map(), early: new Map() };
  $('agent-title').textContent = `Agent ${connection.agent}`;
  $('agent-line').textContent = 'Waiting for the event stream…';
  $('commands').replaceChildren();
  followEvents({
    ...connection,
    signal,
    onStatus: (status) => {
      $('link').textContent = LINK_WORDS[status];
      $('link').className = `link ${status}`;
    },
    onEvent,
  }).catch((err) => {
    if (!signal.aborted) end(err instanceof StreamRefused ? `agentgate refused the key: ${err.message}` : `The event stream failed: ${err.message}`);
  });
}

function onEvent({ name, data }) {
  const user = session.connection.agent;
  if (name === 'snapshot') {
    const agent = data.agents.find((a) => a.user === user);
    if (agent) showAgent(agent);
    else $('agent-line').textContent = `${user} is not logged in, or not in a campaign this key may see.`;
    return;
  }
  if (data.user !== user) return;
  if (name === 'agent') {
    showAgent(data.agent);
    for (const entry of session.commands.values())
      if (entry.state === 'pending' && entry.command.appliedWhen?.(data.agent)) setState(entry, 'applied', `${entry.message}; it took effect when the agent went ${data.agent.status}`);
  }
  if (name === 'logout') $('agent-line').textContent = `${user} logged out.`;
  if (data.command_id) seen(data.command_id, describe(name, data));
}

function showAgent(agent) {
  const pause = agent.pauseCode ? ` (pause code ${agent.pauseCode})` : '';
  const lead = agent.leadId ? `, lead ${agent.leadId} on screen` : '';
  const status = document.createElement('strong');
  status.className = 'agent-status';
  status.textContent = agent.status;
  $('agent-line').replaceChildren(`${agent.name} (${agent.user}) is `, status, `${pause}${lead}`);
}

/** An event in a few words, as the command's line shows it. */
function describe(name, data) {
  if (name === 'agent') return `agent ${data.agent.status} (event ${data.id})`;
  if (name === 'disposition') return `disposition ${data.status} (event ${data.id})`;
  if (name === 'call') return `call ${data.call} (event ${data.id})`;
  return `${name} (event ${data.id})`;
}

async function send(name) {
  const command = COMMANDS[name];
  const mine = session;
  const entry = addEntry(command);
  const sent = await callFunction(mine.connection, 'agent', command.fn, { agent_user: mine.connection.agent, ...command.params() });
  if (mine !== session) return;
  if (!sent.ok) {
    const hint = sent.error.code === 'function-not-allowed' ? ` (this key may not call ${command.fn})` : '';
    return setState(entry, 'refused', `${sent.error.message}${hint}`);
  }
  const { command_id: id, state, message } = sent.answer;
  entry.li.dataset.commandId = id;
  entry.li.querySelector('.meta').prepend(`command ${id} · `);
  setState(entry, state ?? 'applied', message);
  mine.commands.set(id, entry);
  for (const words of mine.early.get(id) ?? []) seen(id, words);
  mine.early.delete(id);
}

function addEntry(command) {
  const li = document.createElement('li');
  li.innerHTML = '<strong class="label"></strong> — <span class="state">sent</span>: <span class="message">waiting for the answer…</span><div class="meta"><span class="seen">not yet seen on the event stream</span></div>';
  li.querySelector('.label').textContent = command.label;
  $('commands').prepend(li);
  return { li, command, state: 'sent', seen: [] };
}

function setState(entry, state, message) {
  entry.state = state;
  entry.message = message;
  entry.li.className = state;
  entry.li.querySelector('.state').textContent = state;
  entry.li.querySelector('.message').textContent = message;
}

/** An event that carries a command's id: the command took effect (or, pending, was registered). */
function seen(id, words) {
  const entry = session.commands.get(id);
  if (!entry) {
    session.early.set(id, [...(session.early.get(id) ?? []), words]);
    if (session.early.size > EARLY_KEPT) session.early.delete(session.early.keys().next().value);
    return;
  }
  entry.seen.push(words);
  entry.li.querySelector('.seen').textContent = `on the event stream: ${entry.seen.join(', ')}`;
}
