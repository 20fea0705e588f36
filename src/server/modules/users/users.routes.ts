import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hook.ts';
import { NoQuery } from '../../../contract/common.ts';
import {
  AddRoleBody,
  CreateUserBody,
  ResetPasswordBody,
  RoleParams,
  UpdateUserBody,
  UserIdParams,
  UserListResponse,
  UserSchema,
  UsersQuery,
} from '../../../contract/users.ts';
import type { UsersService } from './users.service.ts';

export const usersRoutes =
  (svc: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];
    app.get('/api/users', { schema: { tags, querystring: UsersQuery, response: { 200: UserListResponse } } }, async (req) =>
      svc.list(requireActor(req), req.query.q, req.query.page, req.query.pageSize),
    );
    app.post('/api/users', { schema: { tags, body: CreateUserBody, response: { 201: UserSchema } } }, async (req, reply) =>
      reply.status(201).send(await svc.create(requireActor(req), req.body)),
    );
    app.get('/api/users/:id', { schema: { tags, params: UserIdParams, querystring: NoQuery, response: { 200: UserSchema } } }, async (req) =>
      svc.get(requireActor(req), req.params.id),
    );
    app.patch('/api/users/:id', { schema: { tags, params: UserIdParams, body: UpdateUserBody, response: { 200: UserSchema } } }, async (req) =>
      svc.update(requireActor(req), req.params.id, req.body),
    );
    app.post(
      '/api/users/:id/reset-password',
      { schema: { tags, params: UserIdParams, body: ResetPasswordBody, response: { 204: z.null() } } },
      async (req, reply) => {
        await svc.resetPassword(requireActor(req), req.params.id, req.body.newPassword);
        return reply.status(204).send(null);
      },
    );
    app.post('/api/users/:id/roles', { schema: { tags, params: UserIdParams, body: AddRoleBody, response: { 201: UserSchema } } }, async (req, reply) =>
      reply.status(201).send(await svc.addRole(requireActor(req), req.params.id, req.body.role, req.body.orgId)),
    );
    app.delete('/api/users/:id/roles/:assignmentId', { schema: { tags, params: RoleParams, response: { 200: UserSchema } } }, async (req) =>
      svc.removeRole(requireActor(req), req.params.id, req.params.assignmentId),
    );
  };
