/**
 * Screen logins over JSON: POST /api/v2/auth/login, POST /api/v2/auth/logout,
 * GET /api/v2/auth/me. The session is a signed token in an httpOnly cookie per
 * screen, backed by a row that logging out deletes (access/web-session.ts);
 * requireScreenUser() guards the screens' own endpoints.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { screenLogin, type Screen } from '../access/screen-login.js';
import type { Services } from '../app/services.js';
import type { User } from '../domain/user.js';
import type { ScreenUser } from '../wire/agent-screen.js';
import { sendJsonError, sendValidationError } from './json-errors.js';

export const cookieName = (screen: Screen) => `agentgate_${screen}`;

const loginBody = z.object({
  user: z.string().min(1, 'enter your user id').max(20),
  pass: z.string().min(1, 'enter your password').max(100),
  screen: z.enum(['agent', 'admin']),
});

const publicUser = (user: User): ScreenUser => ({ user: user.user, fullName: user.fullName, level: user.level, group: user.group });

/** The logged-in user of a screen, or a 401 sent and undefined returned. */
export async function requireScreenUser(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  screen: Screen,
): Promise<User | undefined> {
  const user = await services.webSessions.resume(services.store, request.cookies[cookieName(screen)], screen, services.clock.now());
  // Logged out (on any node), expired, forged; or the account changed (password, flag, group) or was deactivated.
  if (!user) {
    sendJsonError(reply, 401, 'not-logged-in', `Log in to the ${screen} screen first.`);
    return undefined;
  }
  return user;
}

export function registerScreenAuth(app: FastifyInstance, services: Services): void {
  app.post('/api/v2/auth/login', async (request, reply) => {
    const parsed = loginBody.safeParse(request.body);
    if (!parsed.success) return sendValidationError(reply, parsed.error);
    const { user, pass, screen } = parsed.data;
    const now = services.clock.now();
    const settings = await services.settings.current();
    const result = await screenLogin(services.store, services.authenticator, settings, { user, pass, ip: request.ip, screen }, now);
    if (!result.ok && result.reason === 'throttled') {
      // Not a wrong password: the address has to wait, and the answer says how long, as the APIs' 429 does.
      reply.header('retry-after', String(result.retryAfterSeconds));
      return sendJsonError(reply, 429, 'login-throttled', result.message);
    }
    if (!result.ok) return sendJsonError(reply, 401, `login-${result.reason}`, result.message);
    reply.setCookie(cookieName(screen), await services.webSessions.start(services.store, result.user, screen, now), {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
    });
    return { ...publicUser(result.user), screen };
  });

  app.post('/api/v2/auth/logout', async (request, reply) => {
    const screen = (request.query as { screen?: string }).screen === 'admin' ? 'admin' : 'agent';
    // Ended in the store, not only in this browser: the same cookie is refused everywhere from now on.
    await services.webSessions.end(services.store, request.cookies[cookieName(screen)], screen, services.clock.now());
    reply.clearCookie(cookieName(screen), { path: '/' });
    return { loggedOut: screen };
  });

  app.get('/api/v2/auth/me', async (request, reply) => {
    const screen = (request.query as { screen?: string }).screen === 'admin' ? 'admin' : 'agent';
    const user = await requireScreenUser(services, request, reply, screen);
    return user ? { ...publicUser(user), screen } : reply;
  });
}
