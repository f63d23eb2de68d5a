/** The campaign's script, with the lead's values filled in by the server. */
import type { ScriptView } from '../../src/wire/agent-screen';

export function ScriptPanel({ script }: { script: ScriptView }) {
  return (
    <section className="card" aria-labelledby="script-heading">
      <h2 id="script-heading">Script{script.name && ` — ${script.name}`}</h2>
      <div className="script" data-testid="script">
        {script.text}
      </div>
    </section>
  );
}
