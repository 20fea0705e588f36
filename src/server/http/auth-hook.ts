/**
 * Resolves the session cookie on every /api request and checks the CSRF header on every request that changes
 * something. Routes read the caller with requireActor(); access to data is then decided by each module's scope.
 * The session behind a token is the auth module's to find: the composition root passes its resolver in, so the
 * request layer imports no feature module (issue 11 part 5).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from './actor.ts';
import { AppError, unauthenticated } from './errors.ts';

/** The cookie holding the session token. */
export const SESSION_COOKIE = 'hn_session';

/** A live session: who is asking, the CSRF token the client must echo, and the stored session id. */
export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
}

/** The live session behind a cookie token, or null. */
export type SessionResolver = (token: string) => Promise<ResolvedSession | null>;

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user who must change the password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/change-password']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuthHook(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await resolveSession(token) : null;
    const route = req.url.split('?')[0] ?? '';
    if (!req.session) {
      // Without a session only the login and the API documentation answer: nothing else is even parsed.
      if (route === '/api/auth/login' || route === '/api/docs' || route.startsWith('/api/docs/')) return;
      throw unauthenticated();
    }
    if (!SAFE_METHODS.has(req.method) && route !== '/api/auth/login') {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.session.csrfToken)) {
        throw new AppError(403, 'CSRF_INVALID', 'Thiếu hoặc sai mã bảo vệ (CSRF). Hãy tải lại trang và thử lại.');
      }
    }
    if (req.session.actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(route)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Bạn cần đổi mật khẩu trước khi tiếp tục.');
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.session) throw unauthenticated();
  return req.session.actor;
}

export function requireSession(req: FastifyRequest): ResolvedSession {
  if (!req.session) throw unauthenticated();
  return req.session;
}
