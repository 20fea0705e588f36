import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const RoleEnum = z.enum(['system_admin', 'org_admin', 'editor', 'viewer', 'inspector']);

export const RoleGrantSchema = z.object({
  id: z.string(),
  role: RoleEnum,
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
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
