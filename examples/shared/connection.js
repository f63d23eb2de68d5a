/**
 * Where an example page gets agentgate's address, its API key and the agent
 * it works for: from the address fragment once (`#server=…&agent=…&key=…`, as
 * examples/run.mjs prints it), moved at once into this tab's sessionStorage
 * and erased from the address bar; or from the connect form. Never from a
 * query string, which servers and proxies log; a fragment never leaves the
 * browser. sessionStorage ends with the tab.
 *
 * The page's markup has #connect (the form: server, key, agent), #connected
 * (shown while connected, with a #disconnect button) and #problem (an alert).
 */

const AGENT = /^[A-Za-z0-9._-]{1,20}$/;

/** The connection, or a sentence saying what is wrong with it. */
function checked({ server, key, agent }) {
  let origin;
  try {
    const url = new URL(server);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    origin = url.origin;
  } catch {
    return `"${server}" is not agentgate's address: write it as http://host:port.`;
  }
  if (!key) return 'Paste an API key (agentgate keys create … prints it).';
  if (!AGENT.test(agent)) return 'The agent is a user id of 1 to 20 letters, digits, dots, dashes or underscores.';
  return { server: origin, key, agent };
}

function fromFragment() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (!fragment.has('key')) return undefined;
  // Off the address bar (and out of the history) before anything else runs.
  history.replaceState(null, '', location.pathname + location.search);
  const form = document.getElementById('connect');
  return {
    server: fragment.get('server') ?? form.elements.server.value,
    key: (fragment.get('key') ?? '').trim(),
    agent: fragment.get('agent') ?? form.elements.agent.value,
  };
}

function fromStorage(storage) {
  try {
    return JSON.parse(sessionStorage.getItem(storage) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wire the connect form: `start(connection, signal)` runs while connected, and
 * stops when `signal` aborts. Returns `end(message)`, which disconnects and
 * shows the form again with the message (a refused key, say).
 */
export function connectPage({ storage, start }) {
  const form = document.getElementById('connect');
  const connected = document.getElementById('connected');
  const problem = document.getElementById('problem');
  let running;

  const end = (message = '') => {
    running?.abort();
    running = undefined;
    sessionStorage.removeItem(storage);
    form.elements.key.value = '';
    form.hidden = false;
    connected.hidden = true;
    problem.textContent = message;
  };
  const begin = (connection) => {
    const c = checked(connection);
    if (typeof c === 'string') return end(c);
    sessionStorage.setItem(storage, JSON.stringify(c));
    form.elements.server.value = c.server;
    form.elements.agent.value = c.agent;
    form.hidden = true;
    connected.hidden = false;
    problem.textContent = '';
    running = new AbortController();
    start(c, running.signal);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    begin({ server: String(data.get('server')).trim(), key: String(data.get('key')).trim(), agent: String(data.get('agent')).trim() });
  });
  document.getElementById('disconnect').addEventListener('click', () => end());

  const initial = fromFragment() ?? fromStorage(storage);
  if (initial) begin(initial);
  return end;
}
