/**
 * The screen pop. The event stream says which lead the agent has on screen:
 * the snapshot's agent, then every `agent` event, carry `leadId`. The stream
 * carries only the id, so the lead is read with the non-agent function
 * lead_all_info on the JSON face: every standard field of a lead, by its id,
 * in one call (st_get_agent_active_lead, the agent API's way, gives a handful
 * of fields and looks the agent up by its CRM id). The note goes back with
 * update_fields, which writes the lead on the agent's screen; the stream's
 * `lead` event that carries the save's command_id confirms it, and any other
 * change to the lead shows as soon as it is made.
 *
 * The key needs exactly these two functions:
 *   agentgate keys create --user 6666 --name screen-pop --functions lead_all_info,update_fields
 */
import { callFunction } from '../shared/api.js';
import { connectPage } from '../shared/connection.js';
import { followEvents, StreamRefused } from '../shared/event-stream.js';

/** The lead's fields the page shows, in this order (lead_all_info's column names). */
const SHOWN = [
  ['phone_number', 'Phone'],
  ['email', 'Email'],
  ['address1', 'Address'],
  ['city', 'City'],
  ['state', 'State'],
  ['postal_code', 'Postal code'],
  ['vendor_lead_code', 'CRM id'],
  ['status', 'Status'],
  ['called_count', 'Times called'],
  ['comments', 'Note'],
];
const LINK_WORDS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };
const $ = (id) => document.getElementById(id);

/** What this connection follows: the agent's lead, the last read of it, the saves waiting for their event. */
let session;

const end = connectPage({ storage: 'agentgate.example.screen-pop', start });
$('note').addEventListener('submit', saveNote);

function start(connection, signal) {
  session = { connection, leadId: 0, reads: 0, confirmed: new Set(), awaited: undefined };
  $('agent-title').textContent = `Agent ${connection.agent}`;
  $('agent-line').textContent = 'Waiting for the event stream…';
  showLead(0);
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
    if (agent) return follow(agent);
    $('agent-line').textContent = `${user} is not logged in, or not in a campaign this key may see.`;
    return setLead(0);
  }
  if (data.user !== user) return;
  if (name === 'agent') follow(data.agent);
  else if (name === 'logout') {
    $('agent-line').textContent = `${user} logged out.`;
    setLead(0);
  } else if (name === 'lead' && data.leadId === session.leadId) {
    if (data.command_id) session.confirmed.add(data.command_id);
    void readLead();
  }
}

function follow(agent) {
  const pause = agent.pauseCode ? ` (pause code ${agent.pauseCode})` : '';
  $('agent-line').replaceChildren(`${agent.name} (${agent.user}) is `, strong(agent.status, 'agent-status'), pause);
  setLead(agent.leadId);
}

/** The agent has another lead on screen (0: none): pop it. */
function setLead(leadId) {
  if (leadId === session.leadId) return;
  session.leadId = leadId;
  session.awaited = undefined;
  $('note-result').textContent = '';
  $('note').elements.comments.value = '';
  void readLead({ fillNote: true });
}

async function readLead({ fillNote = false } = {}) {
  const mine = session;
  const leadId = mine.leadId;
  const read = ++mine.reads;
  if (leadId === 0) return showLead(0);
  const answer = await callFunction(mine.connection, 'non-agent', 'lead_all_info', { lead_id: leadId, header: 'YES', stage: 'tab' });
  // A newer read, of this lead or the next one, has started: it shows, not this one.
  if (mine !== session || read !== mine.reads) return;
  if (!answer.ok) return showLead(leadId, undefined, `Could not read lead ${leadId}: ${answer.error.message}`);
  const [names, values] = answer.answer.lines.map((line) => line.split('\t'));
  const lead = Object.fromEntries(names.map((name, i) => [name, values?.[i] ?? '']));
  showLead(leadId, lead);
  if (fillNote) $('note').elements.comments.value = lead.comments;
  if (mine.awaited && mine.confirmed.has(mine.awaited)) $('note-result').textContent = `Saved to lead ${leadId}; the event stream confirms it.`;
}

function showLead(leadId, lead, problem = '') {
  $('lead-problem').textContent = problem;
  $('lead-fields').replaceChildren();
  $('note').hidden = !lead;
  if (leadId === 0) return void ($('lead-title').textContent = 'No lead on screen');
  const name = lead ? `${lead.first_name} ${lead.last_name}`.trim() : '';
  $('lead-title').textContent = name ? `${name} — lead ${leadId}` : `Lead ${leadId}`;
  // textContent only: a lead's fields are whatever anyone typed, never markup.
  for (const [field, label] of lead ? SHOWN : []) $('lead-fields').append(element('dt', label), element('dd', lead[field] ?? ''));
}

async function saveNote(event) {
  event.preventDefault();
  const mine = session;
  const leadId = mine.leadId;
  const form = event.currentTarget;
  const result = $('note-result');
  form.querySelector('button').disabled = true;
  result.className = 'result';
  result.textContent = 'Saving…';
  const saved = await callFunction(mine.connection, 'agent', 'update_fields', { agent_user: mine.connection.agent, comments: form.elements.comments.value });
  form.querySelector('button').disabled = false;
  if (mine !== session) return;
  if (!saved.ok) {
    result.className = 'result refused';
    result.textContent = `Not saved: ${saved.error.message}`;
    return;
  }
  // update_fields writes the lead the agent has now, which may have changed since this one was shown.
  const wroteTo = Number(saved.answer.fields[2]);
  if (wroteTo !== leadId) return void (result.textContent = `The agent moved to lead ${wroteTo} before the save: the note went to lead ${wroteTo}.`);
  mine.awaited = saved.answer.command_id;
  result.textContent = mine.confirmed.has(mine.awaited) ? `Saved to lead ${leadId}; the event stream confirms it.` : `Saved to lead ${leadId}.`;
}

function element(tag, text) {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
}

function strong(text, className) {
  const node = element('strong', text);
  node.className = className;
  return node;
}
