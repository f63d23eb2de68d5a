/**
 * agentgate's session engine, off: on a VICIdial database the sessions are
 * VICIdial's. An agent logs in on VICIdial's own screen (vicidial.php), never
 * through agentgate; an administrator's logout (CLI, console) is written as
 * api.php's logout command (external_pause=LOGOUT) for that screen to act on,
 * instead of deleting VICIdial's row.
 */
import type { LiveAgent } from '../domain/live-agent.js';
import { SessionService, type LoginRequest, type Outcome } from '../sessions/session-service.js';
import type { Unit } from '../store/unit-of-work.js';

export class VicidialSessions extends SessionService {
  override async login(_u: Unit, request: LoginRequest): Promise<Outcome<LiveAgent>> {
    return {
      ok: false,
      code: 'vicidial-owns-sessions',
      message: `user ${request.user} logs in on VICIdial's agent screen: on a VICIdial database agentgate starts no session`,
    };
  }

  override async logout(u: Unit, user: string): Promise<boolean> {
    const { rows } = await u.store.liveAgents.writeCommands(user, { pause: 'LOGOUT' });
    return rows > 0;
  }
}
