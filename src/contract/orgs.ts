import { z } from 'zod';
import { DecisionSchema, IdSchema, IsoDateSchema, TextSchema } from './common.ts';

const Code = z
  .string()
  .max(50)
  .regex(/^[0-9A-Za-z.\-_/]*$/, { message: 'Mã chỉ gồm chữ, số và dấu chấm.' })
  .nullable()
  .optional();
const KindCode = z.string().min(1).max(50);
const SectorCode = z.string().min(1).max(50).nullable().optional();
/** An id, or a temporary key of an organisation created earlier in the same reorganisation. */
const OrgKey = z.string().min(1).max(64);

export const OrgIdParams = z.strictObject({ id: IdSchema });
export const AsOfQuery = z.strictObject({ asOf: IsoDateSchema.optional() });
export const SearchQuery = z.strictObject({
  q: z.string().min(1).max(100),
  asOf: IsoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const CreateOrgBody = z.strictObject({
  /** null creates a top-level organisation (system administrators only). */
  parentId: IdSchema.nullable(),
  name: TextSchema(255),
  code: Code,
  kindCode: KindCode,
  sectorCode: SectorCode,
  ...DecisionSchema,
});
export const RenameOrgBody = z.strictObject({ name: TextSchema(255), code: Code, ...DecisionSchema });
export const ReclassifyOrgBody = z
  .strictObject({ kindCode: KindCode.optional(), sectorCode: SectorCode, ...DecisionSchema })
  .refine((b) => b.kindCode !== undefined || b.sectorCode !== undefined, { message: 'Cần chọn loại tổ chức hoặc loại hình mới.', path: ['kindCode'] });
export const MoveOrgBody = z.strictObject({ newParentId: IdSchema, ...DecisionSchema });
export const DissolveOrgBody = z.strictObject({ ...DecisionSchema });
export const MergeOrgsBody = z.strictObject({ sourceIds: z.array(IdSchema).min(1).max(100), targetId: IdSchema, ...DecisionSchema });
export const SplitOrgBody = z.strictObject({
  parts: z
    .array(z.strictObject({ name: TextSchema(255), kindCode: KindCode, sectorCode: SectorCode, childIds: z.array(IdSchema).max(5000) }))
    .min(1)
    .max(50),
  keepSource: z.boolean(),
  ...DecisionSchema,
});

export const ReorgOpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create'), ref: OrgKey, parent: OrgKey, name: TextSchema(255), kindCode: KindCode, sectorCode: SectorCode, code: Code }),
  z.strictObject({ type: z.literal('move'), org: OrgKey, newParent: OrgKey }),
  z.strictObject({ type: z.literal('merge'), sources: z.array(OrgKey).min(1).max(100), target: OrgKey }),
  z.strictObject({ type: z.literal('rename'), org: OrgKey, name: TextSchema(255), code: Code }),
  z.strictObject({ type: z.literal('reclassify'), org: OrgKey, kindCode: KindCode.optional(), sectorCode: SectorCode }),
  z.strictObject({ type: z.literal('dissolve'), org: OrgKey }),
  z.strictObject({
    type: z.literal('split'),
    org: OrgKey,
    keepSource: z.boolean(),
    parts: z
      .array(
        z.strictObject({
          ref: OrgKey.optional(),
          name: TextSchema(255),
          kindCode: KindCode,
          sectorCode: SectorCode,
          code: Code,
          children: z.array(OrgKey).max(5000),
        }),
      )
      .min(1)
      .max(50),
  }),
]);

export const ReorgBody = z.strictObject({ operations: z.array(ReorgOpSchema).min(1).max(5000), ...DecisionSchema });

const MemberCountSchema = z.object({ official: z.number(), probationary: z.number() });
export const OrgSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  kindCode: z.string(),
  kindName: z.string(),
  sectorCode: z.string().nullable(),
  sectorName: z.string().nullable(),
  parentId: z.string().nullable(),
  depth: z.number(),
  childCount: z.number(),
  memberCount: MemberCountSchema,
});
export const OrgDetailSchema = OrgSummarySchema.extend({
  path: z.string(),
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
  validFrom: z.string(),
  establishedOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  status: z.enum(['active', 'ended', 'not_yet']),
  warnings: z.array(z.object({ code: z.string(), severity: z.enum(['warning', 'info']), message: z.string() })),
  ruleSetId: z.string(),
  asOf: z.string(),
});
export const OrgListResponse = z.object({ items: z.array(OrgSummarySchema) });
/** The organisation page in one answer (issue 13): what GET /api/orgs/:id and /children answer, on the same date. */
export const OrgPageResponse = z.object({ org: OrgDetailSchema, children: z.array(OrgSummarySchema) });
export const OrgSearchResponse = z.object({ items: z.array(OrgSummarySchema.extend({ ancestorNames: z.array(z.string()) })) });
export const OrgTreeResponse = z.object({
  items: z.array(z.object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), kindCode: z.string(), depth: z.number() })),
});
export const OrgHistoryResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      effectiveDate: z.string(),
      decisionNo: z.string().nullable(),
      decisionDate: z.string().nullable(),
      summary: z.string(),
      details: z.record(z.string(), z.unknown()),
      batchId: z.string().nullable(),
      actorName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export const ReorgPreviewSchema = z.object({
  ok: z.boolean(),
  counts: z.object({
    created: z.number(),
    moved: z.number(),
    merged: z.number(),
    renamed: z.number(),
    reclassified: z.number(),
    dissolved: z.number(),
    split: z.number(),
    affectedOrgs: z.number(),
  }),
  operations: z.array(z.object({ index: z.number(), type: z.string(), summary: z.string() })),
  changes: z.array(z.object({ orgId: z.string(), name: z.string(), change: z.string(), fromParent: z.string().nullable(), toParent: z.string().nullable() })),
  changesTotal: z.number(),
  conflicts: z.array(z.object({ index: z.number(), code: z.string(), message: z.string() })),
});
export const ReorgApplyResponse = ReorgPreviewSchema.extend({ batchId: z.string(), refs: z.record(z.string(), z.string()) });
export const CataloguesKinds = z.array(z.object({ code: z.string(), name: z.string(), level: z.number(), isGrassroots: z.boolean(), isCell: z.boolean() }));
export const CataloguesSectors = z.array(z.object({ code: z.string(), name: z.string() }));

/** What the caller may do on one organisation, as the server decides it (issue 12 part 4): the web shows only that. */
export const OrgPermissionsSchema = z.object({
  orgId: z.string(),
  tree: z.object({
    createChild: z.boolean(),
    rename: z.boolean(),
    reclassify: z.boolean(),
    move: z.boolean(),
    dissolve: z.boolean(),
    split: z.boolean(),
    merge: z.boolean(),
    reorganize: z.boolean(),
  }),
  members: z.object({ edit: z.boolean(), readSensitive: z.boolean() }),
  admissions: z.object({ edit: z.boolean(), setTarget: z.boolean() }),
  evaluation: z.object({ open: z.boolean(), rateSelf: z.boolean(), propose: z.boolean(), decide: z.boolean() }),
  users: z.object({ manage: z.boolean() }),
  audit: z.object({ read: z.boolean() }),
});

/** A transfer destination found by name anywhere in today's tree: names and path only (issue 12 part 5). */
export const DestinationQuery = z.strictObject({
  q: z.string().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const DestinationResponse = z.object({
  items: z.array(z.strictObject({ id: z.string(), name: z.string(), ancestorNames: z.array(z.string()), inScope: z.boolean() })),
});

export type OrgKind = z.infer<typeof CataloguesKinds>[number];
export type SectorType = z.infer<typeof CataloguesSectors>[number];
export type OrgSummary = z.infer<typeof OrgSummarySchema>;
export type OrgDetail = z.infer<typeof OrgDetailSchema>;
export type OrgStatus = OrgDetail['status'];
export type OrgWarning = OrgDetail['warnings'][number];
export type OrgRef = OrgDetail['ancestors'][number];
export type OrgListResponse = z.infer<typeof OrgListResponse>;
export type OrgPageResponse = z.infer<typeof OrgPageResponse>;
export type OrgSearchResponse = z.infer<typeof OrgSearchResponse>;
export type OrgSearchItem = OrgSearchResponse['items'][number];
export type OrgTreeResponse = z.infer<typeof OrgTreeResponse>;
export type OrgTreeItem = OrgTreeResponse['items'][number];
export type OrgHistoryResponse = z.infer<typeof OrgHistoryResponse>;
export type OrgEvent = OrgHistoryResponse['items'][number];
export type OrgEventKind = OrgEvent['kind'];
export type OrgPermissions = z.infer<typeof OrgPermissionsSchema>;
export type DestinationResponse = z.infer<typeof DestinationResponse>;
export type DestinationItem = DestinationResponse['items'][number];
export type CreateOrgBody = z.input<typeof CreateOrgBody>;
export type RenameOrgBody = z.input<typeof RenameOrgBody>;
export type ReclassifyOrgBody = z.input<typeof ReclassifyOrgBody>;
export type MoveOrgBody = z.input<typeof MoveOrgBody>;
export type DissolveOrgBody = z.input<typeof DissolveOrgBody>;
export type MergeOrgsBody = z.input<typeof MergeOrgsBody>;
export type SplitOrgBody = z.input<typeof SplitOrgBody>;
export type ReorgOp = z.input<typeof ReorgOpSchema>;
export type ReorgOpType = ReorgOp['type'];
export type ReorgInput = z.input<typeof ReorgBody>;
export type ReorgPreview = z.infer<typeof ReorgPreviewSchema>;
export type ReorgCounts = ReorgPreview['counts'];
export type ReorgChange = ReorgPreview['changes'][number];
export type ReorgConflict = ReorgPreview['conflicts'][number];
export type ReorgApplyResult = z.infer<typeof ReorgApplyResponse>;
