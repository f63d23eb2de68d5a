/** A failed call, said plainly: the message, and for a stale edit a way to load the current record. */
import { ApiError } from '../api.js';

export function Problem({ error, onReload }: { error: unknown; onReload?: () => void }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  return (
    <div className="problem" role="alert" data-code={e.code}>
      <strong>{e.message}</strong>
      {e.code === 'stale-edit' && onReload ? (
        <button type="button" onClick={onReload}>
          Reload the current version
        </button>
      ) : null}
    </div>
  );
}

/** Server field messages, keyed as the form's fields are (changes.x / values.x → x). */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k.replace(/^(changes|values|key)\./, ''), v]));
}
