/** What waits for the end of the call, in words, with who asked for it. */
import type { PendingAction } from '../../src/wire/agent-screen';

export function requester(pending: PendingAction): string {
  return pending.by.kind === 'agent' ? 'you' : `${pending.by.user}${pending.by.name ? ` (${pending.by.name})` : ''} through the agent API`;
}

export function pendingText(pending: PendingAction): string {
  const what = pending.action === 'PAUSE' ? 'Pause after this call' : 'Log out after this call';
  return `${what} — asked by ${requester(pending)}`;
}
