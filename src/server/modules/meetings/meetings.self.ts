/**
 * A member's own view (issue 16 part 7): a user with the `member` role, linked to his member record, sees the meetings
 * of his cell (and those where he is on the roll: a cell hosting him, his former cell) for a year, the materials sent
 * to the members, and his own attendance, nothing of anyone else (the role has no scope: every other route answers
 * 403/404 to him). Also the grant of that role: an administrator of the member's organisation links an existing user
 * to the member record.
 */
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { MeetingKind } from '../../../domain/meetings.ts';
import type { MyMeetings } from '../../../contract/meetings.compliance.ts';
import type { Clock } from '../../clock.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, scopeFor, selfMemberId, type Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { findMember, findMemberAnyScope } from '../members/members.repo.ts';
import { orgNameOn } from '../orgs/orgs.members.repo.ts';
import { orgInScopeSql } from '../orgs/orgs.places.repo.ts';
import { findUser, insertRoleAssignment, roleAssignmentsOf } from '../users/users.repo.ts';
import type { DocumentStore } from '../../storage/document-store.ts';
import { memberOwnMeetings, sentMaterials } from './meetings.alerts.repo.ts';
import { myMeetingFile } from './meetings.files.ts';

export interface SelfDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Where the meetings' files are stored (the materials a member downloads). */
  documents: DocumentStore;
}

/** The year asked, checked: 1930 to the current year. */
function yearOf(year: number | undefined, today: string) {
  const current = Number(today.slice(0, 4));
  const y = year ?? current;
  if (y < 1930 || y > current) throw invalid('year', `Năm phải từ 1930 đến ${current}.`);
  return y;
}

export function createSelfService(deps: SelfDeps) {
  const { db, clock } = deps;
  return {
    /** The member's own meetings of a year; 403 for a user who is not linked to a member record. */
    async myMeetings(actor: Actor, year?: number): Promise<MyMeetings> {
      const today = clock.today();
      const y = yearOf(year, today);
      const memberId = selfMemberId(actor);
      if (!memberId) throw forbidden('Tài khoản này không gắn với hồ sơ đảng viên.');
      const member = await findMemberAnyScope(db, memberId);
      if (!member) throw notFound('Không tìm thấy hồ sơ đảng viên.');
      const rows = await memberOwnMeetings(db, memberId, member.org_id, `${y}-01-01`, `${y}-12-31`);
      const docs = await sentMaterials(
        db,
        rows.map((r) => r.id),
      );
      const names = new Map<string, string>();
      for (const r of rows) if (!names.has(r.org_id)) names.set(r.org_id, await orgNameOn(db, r.org_id, r.held_on ?? r.planned_on));
      const count = (a: string) => rows.filter((r) => r.attendance === a).length;
      return {
        member: { id: member.id, fullName: member.full_name, orgId: member.org_id, orgName: await orgNameOn(db, member.org_id, today) },
        year: y,
        meetings: rows.map((r) => ({
          id: r.id,
          orgName: names.get(r.org_id) ?? '',
          kind: r.kind as MeetingKind,
          status: r.status,
          plannedOn: r.planned_on,
          heldOn: r.held_on,
          topic: r.topic,
          place: r.place,
          startMinute: r.start_minute,
          endMinute: r.end_minute,
          documents: docs
            .filter((d) => d.meeting_id === r.id)
            .map((d) => ({ id: d.id, title: d.title, sentAt: new Date(d.sent_at!).toISOString(), fileName: d.file_name })),
          attendance: r.attendance ?? null,
          reason: r.reason ?? null,
        })),
        summary: { present: count('present'), excused: count('excused'), absent: count('absent') },
      };
    },

    /** The file of a material sent to the member (of a meeting his own view lists); the read is audited. */
    documentFile: (actor: Actor, documentId: string) => myMeetingFile(deps, actor, documentId),

    /**
     * Links a user to a member record (role `member`): the member in the caller's user-management scope, the user
     * too (his home organisation), one account per member.
     */
    async grantMemberAccess(actor: Actor, userId: string, memberId: string) {
      const member = await findMember(db, scopeFor(actor, 'read'), memberId);
      if (!member) throw notFound('Không tìm thấy đảng viên.');
      if (!pathInScope(member.current_path, scopeFor(actor, 'manageUsers'))) throw forbidden('Bạn không có quyền cấp tài khoản cho đảng viên này.');
      if (!(await findUser(db, orgInScopeSql, scopeFor(actor, 'manageUsers'), userId))) throw notFound('Không tìm thấy người dùng.');
      const grants = await roleAssignmentsOf(db, [userId]);
      if (grants.some((g) => g.role === 'member')) throw conflict('Tài khoản này đã gắn với một hồ sơ đảng viên.');
      await db.transaction().execute(async (tx) => {
        const id = uuidv7();
        try {
          await insertRoleAssignment(tx, { id, user_id: userId, role: 'member', org_id: member.org_id, member_id: memberId });
        } catch {
          throw conflict('Đảng viên này đã có tài khoản, hoặc tài khoản không tồn tại.');
        }
        await writeAudit(tx, { id: actor.userId, name: actor.fullName }, clock.now(), [
          {
            action: 'user.role_add',
            entityType: 'user',
            entityId: userId,
            scopeOrgId: member.org_id,
            before: null,
            after: { assignmentId: id, role: 'member', memberId },
          },
        ]);
      });
      return { ok: true as const };
    },
  };
}

export type SelfService = ReturnType<typeof createSelfService>;
