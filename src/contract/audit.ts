import { z } from 'zod';
import { IdSchema, IsoDateSchema, PageQuery } from './common.ts';

export const AuditQuery = z.strictObject({
  userId: IdSchema.optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  ...PageQuery,
});

export const AuditEntrySchema = z.object({
  seq: z.number(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The actor's full name today (null for entries without a person, or a user since removed). */
  actorFullName: z.string().nullable(),
  /** What the entry is about, by name: the organisation, member, user, candidate or evaluation period. */
  entityName: z.string().nullable(),
  /** The organisation the entry belongs to, with its name today. */
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

export const AuditListResponse = z.object({ items: z.array(AuditEntrySchema), total: z.number() });

export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type AuditListResponse = z.infer<typeof AuditListResponse>;
export type AuditQuery = Partial<z.infer<typeof AuditQuery>>;
