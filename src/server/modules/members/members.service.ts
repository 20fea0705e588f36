/**
 * The member file: lists and search in scope, the file itself, members recorded after the fact, corrections, and
 * audited reveals of sensitive fields. Every write is one transaction with its audit entry.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { personSortKey, splitPersonName } from '../../../domain/text.ts';
import type { Clock } from '../../clock.ts';
import type { DB, MemberTable } from '../../db/schema.ts';
import { inForceSql } from '../../db/scope-sql.ts';
import { pathInScope, scopeFor, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { canReadSensitive, maskCccd } from './members.policy.ts';
import { FIELD_COLUMNS, findMember, listMemberEvents, listMembers, orgNameOn, type MemberField, type MemberFilters } from './members.repo.ts';
import { EVENT_LABELS } from './members.labels.ts';

type Fields = Partial<Record<MemberField, unknown>>;

function columnsOf(fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const col = FIELD_COLUMNS[k as MemberField];
    if (col && v !== undefined) out[col] = v;
  }
  if (typeof fields.fullName === 'string') {
    const p = splitPersonName(fields.fullName);
    Object.assign(out, { family_name: p.family, middle_name: p.middle, given_name: p.given, name_sort_key: personSortKey(fields.fullName) });
  }
  return out;
}

function fieldsOf(row: Record<string, unknown>): Fields {
  const out: Fields = {};
  for (const [k, col] of Object.entries(FIELD_COLUMNS)) out[k as MemberField] = row[col] ?? null;
  return out;
}

export function createMembersService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, memberId: string, orgId: string, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [{ action, entityType: 'member', entityId: memberId, scopeOrgId: orgId, before, after }]);

  async function load(actor: Actor, id: string) {
    const row = await findMember(db, scopeFor(actor, 'read'), id);
    if (!row) throw notFound('Không tìm thấy đảng viên.');
    return row;
  }

  /** The cell a member may be placed in: exists today, is a cell, and lies in the actor's editing scope. */
  async function checkCell(actor: Actor, orgId: string, field = 'orgId') {
    const org = await db
      .selectFrom('org as o')
      .innerJoin('org_version as v', 'v.org_id', 'o.id')
      .innerJoin('org_kind as k', 'k.code', 'v.kind_code')
      .select(['o.current_path', 'k.is_cell', 'v.name'])
      .where('o.id', '=', orgId)
      .where(inForceSql('v', clock.today()))
      .executeTakeFirst();
    if (!org || !pathInScope(org.current_path, scopeFor(actor, 'read'))) throw invalid(field, 'Không tìm thấy chi bộ (hoặc ngoài phạm vi quản lý).');
    if (!pathInScope(org.current_path, scopeFor(actor, 'editMembers'))) throw forbidden('Bạn không có quyền cập nhật đảng viên của chi bộ này.');
    if (!org.is_cell) throw invalid(field, `«${org.name}» không phải chi bộ: đảng viên sinh hoạt tại chi bộ.`);
    return org;
  }

  async function uniqueCccd(tx: Kysely<DB>, cccd: unknown, exceptId?: string) {
    if (typeof cccd !== 'string') return;
    let q = tx.selectFrom('member').select('id').where('cccd', '=', cccd);
    if (exceptId) q = q.where('id', '<>', exceptId);
    if (await q.executeTakeFirst()) throw conflict('Số CCCD đã có trong hồ sơ một đảng viên khác.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
  }

  return {
    async list(actor: Actor, f: Omit<MemberFilters, 'orgPath'> & { orgId?: string | undefined }) {
      const scope = scopeFor(actor, 'read');
      let orgPath: string | undefined;
      if (f.orgId) {
        const org = await db.selectFrom('org').select('current_path').where('id', '=', f.orgId).executeTakeFirst();
        if (!org || !pathInScope(org.current_path, scope)) throw notFound('Không tìm thấy tổ chức đảng.');
        orgPath = org.current_path;
      }
      const today = clock.today();
      const { rows, total } = await listMembers(db, scope, { ...f, orgPath }, today);
      return {
        items: rows.map((r) => ({
          id: r.id,
          fullName: r.full_name,
          gender: r.gender,
          birthDate: r.birth_date,
          cccdMasked: maskCccd(r.cccd),
          cardNo: r.card_no,
          orgId: r.org_id,
          orgName: r.org_name ?? '',
          status: r.status,
          membership: r.official_on && r.official_on <= today ? ('official' as const) : ('probationary' as const),
          admittedOn: r.admitted_on,
          officialOn: r.official_on,
        })),
        total,
      };
    },

    async get(actor: Actor, id: string) {
      const row = await load(actor, id);
      const today = clock.today();
      const { cccd: _cccd, ...fields } = fieldsOf(row as unknown as Record<string, unknown>);
      return {
        id: row.id,
        org: { id: row.org_id, name: await orgNameOn(db, row.org_id, today) },
        status: row.status,
        membership: row.official_on && row.official_on <= today ? ('official' as const) : ('probationary' as const),
        admittedOn: row.admitted_on,
        officialOn: row.official_on,
        leftOn: row.left_on,
        fields,
        cccdMasked: maskCccd(row.cccd),
        canReadSensitive: canReadSensitive(actor, row.current_path),
        updatedAt: new Date(row.updated_at).toISOString(),
        events: (await listMemberEvents(db, id)).map((e) => ({
          id: e.id,
          kind: e.kind,
          label: EVENT_LABELS[e.kind] ?? e.kind,
          effectiveDate: e.effective_date,
          decisionNo: e.decision_no,
          decisionDate: e.decision_date,
          org: e.org_id ? { id: e.org_id, name: e.org_name ?? '' } : null,
          toOrg: e.to_org_id ? { id: e.to_org_id, name: e.to_org_name ?? '' } : null,
          details: e.details ?? {},
          actorName: e.actor_name,
        })),
      };
    },

    async create(actor: Actor, input: Fields & { orgId: string; admittedOn: string; officialOn?: string | null | undefined }) {
      await checkCell(actor, input.orgId);
      if (input.officialOn && input.officialOn <= input.admittedOn) throw invalid('officialOn', 'Ngày chính thức phải sau ngày kết nạp.');
      const id = uuidv7();
      const { orgId, admittedOn, officialOn, ...fields } = input;
      await db.transaction().execute(async (tx) => {
        await uniqueCccd(tx, fields.cccd);
        await tx
          .insertInto('member')
          .values({ id, org_id: orgId, admitted_on: admittedOn, official_on: officialOn ?? null, left_on: null, ...columnsOf(fields) } as Insertable<MemberTable>)
          .execute();
        const events = [{ kind: 'admitted', date: admittedOn }, ...(officialOn ? [{ kind: 'recognized_official', date: officialOn }] : [])];
        for (const e of events) {
          await tx
            .insertInto('member_event')
            .values({ id: uuidv7(), member_id: id, kind: e.kind, effective_date: e.date, decision_no: null, decision_date: null, org_id: orgId, to_org_id: null, details: JSON.stringify({ recordedAfterTheFact: true }), actor_id: actor.userId })
            .execute();
        }
        await audit(tx, actor, 'member.create', id, orgId, null, { ...fields, cccd: maskCccd((fields.cccd as string | null) ?? null), orgId, admittedOn, officialOn });
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: Fields) {
      const row = await load(actor, id);
      if (!pathInScope(row.current_path, scopeFor(actor, 'editMembers'))) throw forbidden('Bạn không có quyền cập nhật hồ sơ đảng viên này.');
      if (patch.residenceOrgId) {
        const org = await db.selectFrom('org').select('current_path').where('id', '=', patch.residenceOrgId as string).executeTakeFirst();
        if (!org) throw invalid('residenceOrgId', 'Không tìm thấy chi bộ nơi cư trú.');
      }
      const before = fieldsOf(row as unknown as Record<string, unknown>);
      const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as MemberField] !== v));
      if (Object.keys(changed).length === 0) return this.get(actor, id);
      await db.transaction().execute(async (tx) => {
        await uniqueCccd(tx, changed.cccd, id);
        await tx
          .updateTable('member')
          .set({ ...columnsOf(changed), updated_at: clock.now() } as Updateable<MemberTable>)
          .where('id', '=', id)
          .execute();
        const mask = (f: Fields) => ('cccd' in f ? { ...f, cccd: maskCccd((f.cccd as string | null) ?? null) } : f);
        await audit(tx, actor, 'member.update', id, row.org_id, mask(Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as MemberField]]))), mask(changed));
      });
      return this.get(actor, id);
    },

    /** Shows the full CCCD to someone allowed to read it, and records that he did. */
    async revealCccd(actor: Actor, id: string) {
      const row = await load(actor, id);
      if (!canReadSensitive(actor, row.current_path)) throw forbidden('Bạn không có quyền xem thông tin nhạy cảm của đảng viên này.');
      await db.transaction().execute((tx) => audit(tx, actor, 'member.reveal', id, row.org_id, null, { field: 'cccd' }));
      return { cccd: row.cccd };
    },

    async catalogues() {
      const rows = await db.selectFrom('catalogue_item').select(['catalogue', 'code', 'name']).orderBy('catalogue').orderBy('sort').execute();
      const out: Record<string, { code: string; name: string }[]> = {};
      for (const r of rows) (out[r.catalogue] ??= []).push({ code: r.code, name: r.name });
      return out;
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
