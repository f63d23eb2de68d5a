/**
 * Notices at the top of the workspace: messages from a supervisor or the
 * API, confirmations, and errors that concern no field. Each can be
 * dismissed; notices and confirmations fade out by themselves, errors stay
 * until dismissed or until the call changes. Field errors are not here: they
 * sit next to their field.
 */
import { useCallback, useRef, useState } from 'react';

export interface Notice {
  readonly id: number;
  readonly text: string;
  readonly kind: 'info' | 'success' | 'error';
}

/** How long a notice stays before it is gone (it fades during its last second, see agent.css). */
export const NOTICE_MS = 8000;
const MAX_NOTICES = 4;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const serial = useRef(0);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const add = useCallback(
    (text: string, kind: Notice['kind'] = 'info') => {
      const id = ++serial.current;
      setNotices((list) => [...list.slice(1 - MAX_NOTICES), { id, text, kind }]);
      if (kind !== 'error') setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const clearErrors = useCallback(() => setNotices((list) => (list.some((n) => n.kind === 'error') ? list.filter((n) => n.kind !== 'error') : list)), []);
  const clear = useCallback(() => setNotices([]), []);
  return { notices, add, dismiss, clearErrors, clear };
}

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  return (
    <div className="notices" role="log" aria-live="polite" aria-label="Notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} data-testid="notice">
          <p>{n.text}</p>
          <button type="button" className="dismiss" aria-label={`Dismiss: ${n.text}`} onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
