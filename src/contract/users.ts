import { z } from 'zod';
import { IdSchema, PageQuery, TextSchema } from './common.ts';

export const RoleEnum = z.enum(['system_admin', 'org_admin', 'editor', 'viewer', 'inspector']);
/** Every role a grant may hold: those an administrator grants here, and `member`, granted from a member's record (issue 16). */
export const GrantRoleEnum = z.enum([...RoleEnum.options, 'member']);

/** A role assignment as its holder and administrators see it. */
export const RoleGrantSchema = z.object({
  id: z.string(),
  role: GrantRoleEnum,
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  /** The member record of a `member` grant. */
  memberId: z.string().nullable().optional(),
});

export const Username = z
  .string()
  .min(3)
  .max(50)
  .regex(/^[a-zA-Z0-9._-]+$/, { message: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.' });

export const UserIdParams = z.strictObject({ id: IdSchema });
export const RoleParams = z.strictObject({ id: IdSchema, assignmentId: IdSchema });
export const UsersQuery = z.strictObject({ q: z.string().max(100).optional(), ...PageQuery });
export const CreateUserBody = z.strictObject({ username: Username, fullName: TextSchema(150), password: z.string().min(1).max(200), homeOrgId: IdSchema });
export const UpdateUserBody = z
  .strictObject({ fullName: TextSchema(150).optional(), disabled: z.boolean().optional() })
  .refine((b) => b.fullName !== undefined || b.disabled !== undefined, { message: 'Không có gì để cập nhật.', path: ['fullName'] });
export const ResetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(200) });
export const AddRoleBody = z.strictObject({ role: RoleEnum, orgId: IdSchema.nullable() });

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  homeOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  roles: z.array(RoleGrantSchema),
  createdAt: z.string(),
});
export const UserListResponse = z.object({ items: z.array(UserSchema), total: z.number() });

export type User = z.infer<typeof UserSchema>;
export type UserListResponse = z.infer<typeof UserListResponse>;
export type UserListQuery = Partial<z.infer<typeof UsersQuery>>;
export type CreateUserBody = z.input<typeof CreateUserBody>;
export type UpdateUserBody = z.input<typeof UpdateUserBody>;
export type ResetPasswordBody = z.input<typeof ResetPasswordBody>;
export type AddRoleBody = z.input<typeof AddRoleBody>;
