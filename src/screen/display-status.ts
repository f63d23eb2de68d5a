/**
 * The status an agent reads, from the session VICIdial records. The row keeps
 * VICIdial's values (INCALL while a manual dial still rings, PAUSED during the
 * disposition step); the screen says what is actually happening.
 */
import type { CallCard, DisplayStatus, SessionSnapshot } from '../wire/agent-screen.js';

export function displayStatus(session: SessionSnapshot, call: CallCard | null, pauseCodeName: string): DisplayStatus {
  const who = call?.number || 'the customer';
  switch (session.phase) {
    case 'on-call':
      return call?.stage === 'ringing' ? { label: 'DIALING', text: `Dialing ${who}` } : { label: 'INCALL', text: `On a call with ${who}` };
    case 'disposition':
      return { label: 'WRAP-UP', text: 'Wrap-up: choose a disposition for the call' };
    case 'preview':
      return { label: 'PREVIEW', text: `Previewing lead ${session.previewLeadId}` };
    case 'paused':
      return { label: 'PAUSED', text: session.pauseCode ? `Paused: ${pauseCodeName || session.pauseCode}` : 'Paused' };
    case 'ready':
      if (session.status === 'QUEUE') return { label: 'INCOMING', text: 'A call is being put through' };
      return { label: 'READY', text: session.status === 'CLOSER' ? 'Ready for inbound calls' : 'Ready for calls' };
  }
}
