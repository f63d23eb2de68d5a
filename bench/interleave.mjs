/**
 * Figures measured side by side. Each figure's load runs in slices that take
 * turns (A B C, B C A, C A B, …), so a machine whose speed drifts during the run
 * (other tenants of its host, its clock) slows every figure alike, and the
 * ratios between them hold from run to run.
 * A figure: its requests over its time; p50 and p99 of its slowest slice.
 */
import autocannon from 'autocannon';

export const SLICES = Number(process.env.BENCH_SLICES ?? 5);

/** One autocannon run; throws when a request failed. */
export function httpLoad(url, connections, seconds, request = {}) {
  return new Promise((resolve, reject) =>
    autocannon({ url, connections, duration: seconds, pipelining: 1, ...request }, (err, result) => {
      if (err) return reject(err);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors (${JSON.stringify(result.statusCodeStats)}, ${result.timeouts} timeouts)`));
      resolve(result);
    }),
  );
}

/**
 * loads: { name: (seconds) => Promise<autocannon result> }. Each is warmed up
 * first (JIT, caches, prepared statements; the first burst's 429s from the
 * login throttle while the credential cache is cold do not count), then runs
 * `seconds` in all, in SLICES turns, with no failed request.
 * Returns { name: { rps, p50, p99 } }.
 */
export async function interleaved(loads, seconds) {
  for (const warmUp of Object.values(loads)) await warmUp(Math.min(3, seconds)).catch(() => {});
  const totals = Object.fromEntries(Object.keys(loads).map((name) => [name, { requests: 0, seconds: 0, p50: 0, p99: 0 }]));
  const order = Object.entries(loads);
  for (let slice = 0; slice < SLICES; slice++)
    // Each turn starts one further along: a slice pays for what the one before it left behind (the WAL
    // checkpoint of its writes, its garbage), so no figure may always follow the same one.
    for (const [name, run] of [...order.slice(slice % order.length), ...order.slice(0, slice % order.length)]) {
      const result = await run(seconds / SLICES);
      const total = totals[name];
      total.requests += result.requests.total;
      total.seconds += result.duration;
      total.p50 = Math.max(total.p50, result.latency.p50);
      total.p99 = Math.max(total.p99, result.latency.p99);
    }
  return Object.fromEntries(Object.entries(totals).map(([name, t]) => [name, { rps: t.requests / t.seconds, p50: t.p50, p99: t.p99 }]));
}
