import { z } from 'zod';
import { RoleGrantSchema, type GrantRoleEnum } from './users.ts';

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  mustChangePassword: z.boolean(),
  roles: z.array(RoleGrantSchema),
  can: z.object({
    manageUsers: z.boolean(),
    readAudit: z.boolean(),
    editOrgs: z.boolean(),
    reorganize: z.boolean(),
    editMembers: z.boolean(),
    readSensitive: z.boolean(),
  }),
});

export const MeResponse = z.object({ user: MeSchema, csrfToken: z.string() });

export type LoginBody = z.input<typeof LoginBody>;
export type ChangePasswordBody = z.input<typeof ChangePasswordBody>;
export type RoleCode = z.infer<typeof GrantRoleEnum>;
export type RoleAssignment = z.infer<typeof RoleGrantSchema>;
export type Me = z.infer<typeof MeSchema>;
/** The answer of login and GET /api/auth/me. */
export type AuthSession = z.infer<typeof MeResponse>;
