/**
 * The member file's sub-records (domain.md §4): listed, added, corrected and removed. A member outside the caller's
 * read scope answers 404 as an unknown one (the members module's scoped query finds him); writing needs editMembers
 * over him. Family and political history are sensitive: never in a list, read only by an explicit request of someone
 * with readSensitive, and every such reading is recorded in the audit log. Every write is one transaction with its
 * audit entry; the entries of sensitive kinds name the record and its fields, not their contents.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  compareRecords,
  isSensitiveRecordKind,
  OPEN_RECORD_KINDS,
  RECORD_KIND_LABELS,
  type RecordData,
  type RecordKind,
  type SensitiveRecordKind,
} from '../../../domain/member-records.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMember } from '../members/members.repo.ts';
import { canReadRecordKind, canWriteRecordKind } from './member-records.policy.ts';
import { deleteRecord, findRecord, insertRecord, listRecords, nextSort, updateRecordData } from './member-records.repo.ts';
import type { RecordInput } from '../../../contract/member-records.ts';

type RecordRow = Awaited<ReturnType<typeof listRecords>>[number];

function toRecord(r: RecordRow) {
  return { id: r.id, kind: r.kind, data: (r.data ?? {}) as RecordData, sort: r.sort, createdAt: new Date(r.created_at).toISOString() };
}

function present(rows: RecordRow[]) {
  return rows
    .map(toRecord)
    .sort(compareRecords)
    .map(({ sort: _sort, ...r }) => r);
}

/** The data without the fields left empty: what is stored. */
function stored(data: Record<string, unknown>): RecordData {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null)) as RecordData;
}

/** What the audit log keeps of a record: everything for the open kinds, the field names only for the sensitive ones. */
function auditView(kind: RecordKind, recordId: string, data: RecordData) {
  return isSensitiveRecordKind(kind) ? { recordId, kind, fields: Object.keys(data).sort() } : { recordId, kind, data };
}

// eslint-disable-next-line max-lines-per-function -- the service factory: its methods (list, reveal, create, update, remove) are each within the limit
export function createMemberRecordsService(deps: { db: Kysely<DB>; clock: Clock }) {
  const { db, clock } = deps;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, memberId: string, orgId: string, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
      { action, entityType: 'member', entityId: memberId, scopeOrgId: orgId, before, after },
    ]);

  /** The member, if the caller may read him; the same 404 for an unknown member and one outside the scope. */
  async function member(actor: Actor, id: string) {
    const row = await findMember(db, scopeFor(actor, 'read'), id);
    if (!row) throw notFound('Không tìm thấy đảng viên.');
    return row;
  }

  function checkWrite(actor: Actor, path: string, kind: RecordKind) {
    if (!canWriteRecordKind(actor, path, kind)) throw forbidden(`Bạn không có quyền cập nhật mục «${RECORD_KIND_LABELS[kind]}» của hồ sơ đảng viên này.`);
  }

  async function record(memberId: string, recordId: string) {
    const row = await findRecord(db, memberId, recordId);
    if (!row) throw notFound('Không tìm thấy mục này trong hồ sơ đảng viên.');
    return row;
  }

  return {
    /** The open kinds (all of them, or one): the sensitive ones are never listed. */
    async list(actor: Actor, memberId: string, kind?: RecordKind) {
      await member(actor, memberId);
      if (kind && isSensitiveRecordKind(kind)) {
        throw invalid('kind', `«${RECORD_KIND_LABELS[kind]}» là thông tin nhạy cảm, không có trong danh sách: dùng yêu cầu xem riêng (có ghi nhật ký).`);
      }
      return { items: present(await listRecords(db, memberId, kind ? [kind] : OPEN_RECORD_KINDS)) };
    },

    /** Shows one sensitive kind to someone allowed to read it, and records that he did. */
    async reveal(actor: Actor, memberId: string, kind: SensitiveRecordKind) {
      const m = await member(actor, memberId);
      if (!canReadRecordKind(actor, m.current_path, kind)) throw forbidden('Bạn không có quyền xem thông tin nhạy cảm của đảng viên này.');
      return db.transaction().execute(async (tx) => {
        const rows = await listRecords(tx, memberId, [kind]);
        await audit(tx, actor, 'member.record.reveal', memberId, m.org_id, null, { kind, count: rows.length });
        return { items: present(rows) };
      });
    },

    async create(actor: Actor, memberId: string, input: RecordInput) {
      const m = await member(actor, memberId);
      checkWrite(actor, m.current_path, input.kind);
      const data = stored(input.data);
      const id = uuidv7();
      const row = await db.transaction().execute(async (tx) => {
        const sort = await nextSort(tx, memberId, input.kind);
        const inserted = await insertRecord(tx, { id, member_id: memberId, kind: input.kind, data: JSON.stringify(data), sort, created_at: clock.now() });
        await audit(tx, actor, 'member.record.create', memberId, m.org_id, null, auditView(input.kind, id, data));
        return inserted;
      });
      const { sort: _sort, ...out } = toRecord(row);
      return out;
    },

    /** Replaces a record's data; its kind cannot change. */
    async update(actor: Actor, memberId: string, recordId: string, input: RecordInput) {
      const m = await member(actor, memberId);
      const existing = await record(memberId, recordId);
      checkWrite(actor, m.current_path, existing.kind);
      if (existing.kind !== input.kind) {
        throw invalid('kind', `Mục này thuộc nhóm «${RECORD_KIND_LABELS[existing.kind]}», không đổi sang «${RECORD_KIND_LABELS[input.kind]}» được.`);
      }
      const data = stored(input.data);
      const row = await db.transaction().execute(async (tx) => {
        const updated = await updateRecordData(tx, memberId, recordId, JSON.stringify(data));
        if (!updated) throw notFound('Không tìm thấy mục này trong hồ sơ đảng viên.');
        const before = (existing.data ?? {}) as RecordData;
        await audit(
          tx,
          actor,
          'member.record.update',
          memberId,
          m.org_id,
          auditView(existing.kind, recordId, before),
          auditView(existing.kind, recordId, data),
        );
        return updated;
      });
      const { sort: _sort, ...out } = toRecord(row);
      return out;
    },

    async remove(actor: Actor, memberId: string, recordId: string) {
      const m = await member(actor, memberId);
      const existing = await record(memberId, recordId);
      checkWrite(actor, m.current_path, existing.kind);
      await db.transaction().execute(async (tx) => {
        const deleted = await deleteRecord(tx, memberId, recordId);
        if (!deleted) throw notFound('Không tìm thấy mục này trong hồ sơ đảng viên.');
        await audit(tx, actor, 'member.record.delete', memberId, m.org_id, auditView(deleted.kind, recordId, (deleted.data ?? {}) as RecordData), null);
      });
    },
  };
}

export type MemberRecordsService = ReturnType<typeof createMemberRecordsService>;
