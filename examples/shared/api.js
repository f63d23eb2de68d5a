/**
 * One call of agentgate's JSON face, in a browser page or in Node 20+:
 * POST /api/v2/agent/{function} or /api/v2/non-agent/{function}, VICIdial's
 * parameter names in a JSON body, the key in the Authorization header.
 *
 * Resolves with { ok: true, answer } — answer is { result, message, fields,
 * lines, command_id?, state? } — or { ok: false, status, error } with the
 * server's { code, message, gate }. Never throws: a page shows either.
 */
export async function callFunction({ server, key }, api, name, params) {
  let res;
  try {
    res = await fetch(new URL(`/api/v2/${api}/${name}`, server), {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
    });
  } catch {
    return { ok: false, status: 0, error: { code: 'unreachable', message: `agentgate did not answer at ${server}.`, gate: null } };
  }
  const body = await res.json().catch(() => null);
  if (res.ok && body?.result) return { ok: true, answer: body };
  return { ok: false, status: res.status, error: body?.error ?? { code: 'unexpected', message: `agentgate answered HTTP ${res.status}.`, gate: null } };
}
