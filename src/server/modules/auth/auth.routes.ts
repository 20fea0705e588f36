import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { can, type Actor } from '../../http/actor.ts';
import { requireSession, SESSION_COOKIE } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import { ChangePasswordBody, LoginBody, MeResponse } from '../../../contract/auth.ts';
import type { AuthService } from './auth.service.ts';

export function toMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    mustChangePassword: actor.mustChangePassword,
    roles: actor.roles.map(({ id, role, orgId, orgName }) => ({ id, role, orgId, orgName })),
    can: {
      manageUsers: can(actor, 'manageUsers'),
      readAudit: can(actor, 'readAudit'),
      editOrgs: can(actor, 'editOrgs'),
      reorganize: can(actor, 'reorganize'),
      editMembers: can(actor, 'editMembers'),
      readSensitive: can(actor, 'readSensitive'),
    },
  };
}

export const authRoutes =
  (auth: AuthService, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { rateLimit: { max: config.loginRatePerMinute, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Đăng nhập', body: LoginBody, response: { 200: MeResponse } },
      },
      async (req, reply) => {
        const { token, session, expiresAt } = await auth.login(req.body.username, req.body.password, req.ip);
        reply.setCookie(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.cookieSecure,
          expires: expiresAt,
        });
        return { user: toMe(session.actor), csrfToken: session.csrfToken };
      },
    );

    app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (req, reply) => {
      await auth.logout(requireSession(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get(
      '/api/auth/me',
      { schema: { tags: ['auth'], summary: 'Người dùng hiện tại', querystring: NoQuery, response: { 200: MeResponse } } },
      async (req) => {
        const s = requireSession(req);
        return { user: toMe(s.actor), csrfToken: s.csrfToken };
      },
    );

    app.post(
      '/api/auth/change-password',
      { schema: { tags: ['auth'], summary: 'Đổi mật khẩu', body: ChangePasswordBody, response: { 204: z.null() } } },
      async (req, reply) => {
        const s = requireSession(req);
        await auth.changePassword(s.actor, s.sessionId, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
  };
