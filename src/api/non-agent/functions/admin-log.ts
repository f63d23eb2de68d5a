/**
 * vicidial_admin_log rows for the non-agent API's writes (spec §4.11). The
 * event_sql column gets a description of the change, never SQL or a password.
 */
import type { NonAgentCall } from '../non-agent-function.js';

export async function adminLog(
  call: NonAgentCall,
  entry: { section: 'USERS' | 'LISTS'; type: 'ADD' | 'COPY' | 'MODIFY' | 'DELETE' | 'RESET'; recordId: string; code: string; description: string; notes: string },
): Promise<void> {
  await call.unit.store.adminLog.insert({ ...entry, user: call.rights.user, ip: call.remoteIp, now: call.unit.now });
}
