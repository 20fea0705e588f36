/**
 * The member file: lists and search in scope, the file itself, members recorded after the fact, corrections, and
 * audited reveals of sensitive fields. Every write is one transaction with its audit entry.
 */
import { type Insertable, type Kysely, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { personSortKey, splitPersonName } from '../../../domain/text.ts';
import type { Clock } from '../../clock.ts';
import type { DB, MemberTable } from '../../db/schema.ts';
import { scopeFor, type Actor } from '../../http/actor.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { writeAudit } from '../audit/audit.service.ts';
import { assertCanEditMember, canChangeMember, canReadHistory, canReadMember, canReadSensitive, canRecordDiscipline, maskCccd } from './members.policy.ts';
import { createWorkingCalendar, type WorkingCalendar } from '../../../domain/calendar/working-days.ts';
import { anniversaryRefusal, awardRefusal, badgeDue, nextAnniversary } from '../../../domain/badges.ts';
import { badgeFlagsOf, badgeListWorkbook, badgeStandingOf, flagsWithBadgeStanding, loadBadgeLists, type BadgeStanding } from './members.badges.ts';
import { validateDiscipline, DISCIPLINE_FORM_LABELS, type DisciplineDecision } from '../../../domain/discipline.ts';
import { disciplineInForce, partyDecisionsOf, rowToDecision } from '../discipline/discipline.effects.ts';
import { insertDecision } from '../discipline/discipline.repo.ts';
import { memberForDiscipline } from './members.discipline.repo.ts';
import { validateEvent, withStatusPeriodsMemo, type MemberEvent } from '../../../domain/member-status.ts';
import type { RuleSet } from '../../../domain/rulesets.ts';
import { partyAge } from '../../../domain/party-age.ts';
import { ruleSetOn } from '../../../domain/rulesets.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import { derivedColumns, memberPeriodRows, rollOfPeriods, rowToEvent, transferGapAllowance } from '../../../domain/member-events.ts';
import { insertMemberPeriodRows, replaceMemberPeriods, rollMoves } from './members.periods.repo.ts';
import { resolveMemberFilters, type MemberFilterInput } from './members.filters.ts';
import type { CalendarService } from '../calendar/calendar.service.ts';
import type { OpenInspectionCasePort } from './members.ports.ts';
import { formatVnDate, vietnamDate } from '../../../domain/dates.ts';
import type { MemberEventInput } from '../../../contract/members.ts';
import {
  eventsInOrder,
  FIELD_COLUMNS,
  findBadgeAward,
  findMember,
  findMemberAnyScope,
  findMemberIdByCccd,
  incomingTransferRows,
  insertBadgeAward,
  insertMemberEvent,
  insertMemberEventRows,
  insertMemberRows,
  latestTransferOut,
  memberFile,
  type MemberFileEventRow,
  listMembers,
  updateMember,
  type MemberField,
} from './members.repo.ts';
import { listAdjustments } from '../calendar/calendar.repo.ts';
import { catalogueItems, findCatalogueCode } from '../catalogue/catalogue.repo.ts';
import { orgCurrentPath, orgKindOn, orgNameOn } from '../orgs/orgs.members.repo.ts';
import { EVENT_LABELS } from '../../../domain/member-event-labels.ts';
import { memberEventProblems, memberFileChangeProblems, memberFileProblems, type PlausibilityProblem } from '../../../domain/plausibility.ts';
import { membershipOf } from './members.roll.repo.ts';

/** Refuses implausible dates (domain plausibility.ts): one 400 naming every field concerned. */
function refuseImplausible(problems: readonly PlausibilityProblem[]): void {
  if (problems.length > 0) throw new AppError(400, 'VALIDATION_ERROR', problems.map((p) => p.message).join(' '), [...problems]);
}

type Fields = Partial<Record<MemberField, unknown>>;

/**
 * The file's fields as columns of `member` (or of a table with the same names, through `columns`: the admission
 * candidate), with the name parts and sort key when the full name is given.
 */
export function columnsOf(fields: Fields | Record<string, unknown>, columns: Readonly<Record<string, string>> = FIELD_COLUMNS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const col = columns[k];
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

/** A member recorded after the fact: the file's fields and the admission (and official recognition, if any). */
export interface NewMember {
  id: string;
  orgId: string;
  admittedOn: string;
  officialOn?: string | null | undefined;
  fields: Fields;
  /** Admitted through an admission dossier (not recorded after the fact): its id and the decision's number and date. */
  admission?: { dossierId: string; decisionNo: string | null; decisionDate: string | null } | undefined;
}

/** The admission (and recognition) event rows of a new member, `details` as an object. */
function admissionEventRows(m: NewMember, actor: Actor) {
  return [{ kind: 'admitted', date: m.admittedOn }, ...(m.officialOn ? [{ kind: 'recognized_official', date: m.officialOn }] : [])].map((e) => ({
    id: uuidv7(),
    member_id: m.id,
    kind: e.kind,
    effective_date: e.date,
    decision_no: e.kind === 'admitted' ? (m.admission?.decisionNo ?? null) : null,
    decision_date: e.kind === 'admitted' ? (m.admission?.decisionDate ?? null) : null,
    org_id: m.orgId,
    to_org_id: null,
    // Through a dossier the probation runs from the ceremony (member-status.ts reads details.ceremonyOn); a member
    // recorded after the fact keeps the history it always had (its official date is given, not derived).
    details: m.admission
      ? {
          admissionDossierId: m.admission.dossierId,
          ...(e.kind === 'admitted' && typeof m.fields.ceremonyOn === 'string' ? { ceremonyOn: m.fields.ceremonyOn } : {}),
        }
      : { recordedAfterTheFact: true },
    actor_id: actor.userId,
  }));
}

/** Working days from one date to another on the calendar, or null outside the calendar's years (recorded without the count). */
function workingDaysOrNull(cal: WorkingCalendar, from: string, to: string): number | null {
  try {
    return cal.workingDaysBetween(from, to);
  } catch {
    return null;
  }
}

type EventInputOf<K extends MemberEventInput['kind']> = Extract<MemberEventInput, { kind: K }>;

/**
 * §7: the official transfer starts within 60 working days of the decision that moves the member (the rule set in
 * force on that decision's date); later is recorded with its reason, as a late arrival is. The details it adds.
 */
function moveDecisionDetails(input: EventInputOf<'transfer_out_started'>, cal: WorkingCalendar): Record<string, unknown> {
  const decidedOn = input.moveDecisionDate!;
  if (decidedOn > input.date) {
    throw invalid(
      'moveDecisionDate',
      `Ngày quyết định điều động, nghỉ hưu hoặc chuyển nơi ở (${formatVnDate(decidedOn)}) không được sau ngày chuyển sinh hoạt đảng (${formatVnDate(input.date)}).`,
    );
  }
  const details: Record<string, unknown> = { moveDecisionDate: decidedOn, ...(input.moveDecisionNo ? { moveDecisionNo: input.moveDecisionNo } : {}) };
  const allowed = ruleSetOn(decidedOn).transfer.startWithinWorkingDays;
  const used = workingDaysOrNull(cal, decidedOn, input.date);
  if (used === null) return details;
  details.workingDaysSinceMoveDecision = used;
  if (used > allowed) {
    if (!input.lateReason) {
      throw invalid(
        'lateReason',
        `Chuyển sinh hoạt đảng chậm (${used} ngày làm việc kể từ quyết định ngày ${formatVnDate(decidedOn)}, quá ${allowed} ngày): cần ghi lý do chậm.`,
      );
    }
    Object.assign(details, { late: true, lateReason: input.lateReason });
  }
  return details;
}

/** The letter must be presented within 30 working days of its date; later is recorded with its reason. The details it adds. */
function arrivalDetails(input: EventInputOf<'transfer_in_confirmed'>, existing: readonly MemberEvent[], rules: RuleSet, cal: WorkingCalendar) {
  const details: Record<string, unknown> = {};
  const out = [...existing].reverse().find((e) => e.kind === 'transfer_out_started');
  if (!out) return details;
  const used = workingDaysOrNull(cal, out.date, input.date);
  const allowed = rules.transfer.presentLetterWithinWorkingDays;
  if (used !== null) details.workingDaysInTransit = used;
  if (used !== null && used > allowed) {
    if (!input.lateReason) throw invalid('lateReason', `Giới thiệu sinh hoạt đảng nộp chậm (${used} ngày làm việc, quá ${allowed} ngày): cần ghi lý do chậm.`);
    Object.assign(details, { late: true, lateReason: input.lateReason });
  }
  return details;
}

/** What every event records of its input in `details` besides the transfer's counts. */
function plainDetails(input: MemberEventInput): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (input.kind === 'temporary_out') Object.assign(details, { until: input.until, training: input.training === true });
  if ('noReadmission' in input && input.noReadmission) details.noReadmission = true;
  if ('officialOn' in input && input.officialOn) details.officialOn = input.officialOn;
  if ('ceremonyOn' in input && input.ceremonyOn) details.ceremonyOn = input.ceremonyOn;
  if ('criminalRecordClearedOn' in input && input.criminalRecordClearedOn) details.criminalRecordClearedOn = input.criminalRecordClearedOn;
  if (input.note) details.note = input.note;
  return details;
}

/** The event as the rules read it: the input without what only the record keeps (decision date, lateness, move decision). */
function toDomainEvent(input: MemberEventInput): MemberEvent {
  const { decisionDate: _d, ...rest } = input as MemberEventInput & { lateReason?: unknown };
  const e = { ...rest } as Record<string, unknown>;
  delete e.lateReason;
  delete e.moveDecisionDate;
  delete e.moveDecisionNo;
  for (const k of Object.keys(e)) if (e[k] === null || e[k] === undefined) delete e[k];
  return e as unknown as MemberEvent;
}

/**
 * Writes members recorded after the fact: the rows, their admission (and recognition) events and one audit entry
 * each. Shared by `create` and the spreadsheet import; call it inside the transaction, after the checks (cell in
 * scope, dates in order, CCCD unique). `auditExtra` is added to each audit entry's `after`.
 */
export async function insertMembers(
  tx: Kysely<DB>,
  actor: Actor,
  at: Date,
  members: readonly NewMember[],
  auditExtra: Record<string, unknown> = {},
): Promise<void> {
  const today = vietnamDate(at);
  const moves = await rollMoves(tx);
  for (let i = 0; i < members.length; i += 1000) {
    const batch = members.slice(i, i + 1000);
    const events = batch.flatMap((m) => admissionEventRows(m, actor));
    // The derived party-age start from the same events the member file will read (no transfer: the law's calendar suffices).
    const eventsOf = new Map<string, typeof events>();
    for (const e of events) eventsOf.set(e.member_id, [...(eventsOf.get(e.member_id) ?? []), e]);
    const partyAgeFrom = (id: string) =>
      derivedColumns(
        (eventsOf.get(id) ?? []).map((e) => rowToEvent(e)),
        today,
      ).party_age_from;
    await insertMemberRows(
      tx,
      batch.map(
        (m) =>
          ({
            id: m.id,
            org_id: m.orgId,
            admitted_on: m.admittedOn,
            official_on: m.officialOn ?? null,
            left_on: null,
            party_age_from: partyAgeFrom(m.id),
            ...columnsOf(m.fields),
          }) as Insertable<MemberTable>,
      ),
    );
    await insertMemberEventRows(tx, events);
    // The dated periods from the same events (member_period, the roll of any date).
    await insertMemberPeriodRows(
      tx,
      batch.flatMap((m) => memberPeriodRows(m.id, (eventsOf.get(m.id) ?? []).map(rowToEvent), moves)),
    );
  }
  await writeAudit(
    tx,
    { id: actor.userId, name: actor.username },
    at,
    members.map((m) => ({
      action: 'member.create',
      entityType: 'member',
      entityId: m.id,
      scopeOrgId: m.orgId,
      before: null,
      after: {
        ...m.fields,
        cccd: maskCccd((m.fields.cccd as string | null | undefined) ?? null),
        orgId: m.orgId,
        admittedOn: m.admittedOn,
        officialOn: m.officialOn,
        ...auditExtra,
      },
    })),
  );
}

const BIRTH_REQUIRED = 'Hồ sơ đảng viên cần ngày sinh (hồ sơ cũ chỉ biết năm sinh thì ghi năm sinh).';

// eslint-disable-next-line max-lines-per-function -- the service factory: its methods and helpers are each within the limit
export function createMembersService(deps: { db: Kysely<DB>; clock: Clock; calendar?: CalendarService; openInspectionCase?: OpenInspectionCasePort }) {
  const { db, clock } = deps;
  const audit = (tx: Kysely<DB>, actor: Actor, action: string, memberId: string, orgId: string, before: unknown, after: unknown) =>
    writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
      { action, entityType: 'member', entityId: memberId, scopeOrgId: orgId, before, after },
    ]);

  async function load(actor: Actor, id: string) {
    const row = await findMember(db, scopeFor(actor, 'read'), id);
    if (!row) throw notFound('Không tìm thấy đảng viên.');
    return row;
  }

  /** The cell a member may be placed in: exists today, is a cell, and lies in the actor's editing scope. */
  async function checkCell(actor: Actor, orgId: string, field = 'orgId') {
    const org = await orgKindOn(db, orgId, clock.today());
    if (!org || !canReadMember(actor, org.current_path)) throw invalid(field, 'Không tìm thấy chi bộ (hoặc ngoài phạm vi quản lý).');
    if (!canChangeMember(actor, org.current_path)) throw forbidden('Bạn không có quyền cập nhật đảng viên của chi bộ này.');
    if (!org.is_cell) throw invalid(field, `«${org.name}» không phải chi bộ: đảng viên sinh hoạt tại chi bộ.`);
    return org;
  }

  /** Catalogue fields hold catalogue codes (ethnicity, religion, education, theory level, occupation…). */
  const CATALOGUE_FIELDS: Partial<Record<MemberField, string>> = {
    ethnicity: 'ethnicity',
    religion: 'religion',
    generalEducation: 'general_education',
    professionalLevel: 'professional_level',
    theoryLevel: 'theory_level',
    occupation: 'occupation',
    stateManagement: 'state_management',
  };
  async function checkCatalogues(fields: Fields) {
    for (const [field, catalogue] of Object.entries(CATALOGUE_FIELDS)) {
      const value = fields[field as MemberField];
      if (typeof value !== 'string') continue;
      const found = await findCatalogueCode(db, catalogue, value);
      if (!found) throw invalid(field, `Giá trị «${value}» không có trong danh mục.`);
    }
  }

  async function uniqueCccd(tx: Kysely<DB>, cccd: unknown, exceptId?: string) {
    if (typeof cccd !== 'string') return;
    if (await findMemberIdByCccd(tx, cccd, exceptId))
      throw conflict('Số CCCD đã có trong hồ sơ một đảng viên khác.', [{ field: 'cccd', message: 'Số CCCD đã được dùng.' }]);
  }

  async function eventsOf(tx: Kysely<DB>, memberId: string): Promise<MemberEvent[]> {
    const rows = await eventsInOrder(tx, [memberId]);
    return rows.map(rowToEvent);
  }
  /** The member's party decisions, read from the discipline module (issue 15). */
  async function disciplinesOf(tx: Kysely<DB>, memberId: string): Promise<DisciplineDecision[]> {
    return partyDecisionsOf(tx, { memberId });
  }
  async function calendar(tx: Kysely<DB>) {
    if (deps.calendar) return deps.calendar.workingCalendar(tx);
    const adjustments = await listAdjustments(tx);
    return createWorkingCalendar(adjustments.map((a) => ({ date: a.date, kind: a.kind, ...(a.note ? { note: a.note } : {}) })));
  }
  /** An organisation that exists and, when `cap` is given, lies in the actor's scope for it; its path and name. */
  async function orgFor(actor: Actor, orgId: string, field: string, cap?: 'editMembers') {
    const org = await orgCurrentPath(db, orgId);
    if (!org || (cap && !canChangeMember(actor, org.current_path))) throw invalid(field, 'Không tìm thấy tổ chức đảng (hoặc ngoài phạm vi quản lý).');
    return { ...org, name: await orgNameOn(db, org.id, clock.today()) };
  }

  type MemberRow = NonNullable<Awaited<ReturnType<typeof findMember>>>;

  /** The details an event records: the transfer's working days and lateness (refused without a reason), and the input's own. */
  async function eventDetails(tx: Kysely<DB>, id: string, member: MemberRow, input: MemberEventInput, existing: readonly MemberEvent[], rules: RuleSet) {
    const details: Record<string, unknown> = {};
    if (input.kind === 'transfer_out_started') {
      const d = await disciplineInForce(tx, { memberId: id }, input.date);
      if (d) {
        throw conflict(
          `Đảng viên đang trong thời hạn kỷ luật ${DISCIPLINE_FORM_LABELS[d.form].toLowerCase()} (quyết định số ${d.decisionNo} ngày ${formatVnDate(d.decidedOn)}): chưa được chuyển sinh hoạt đảng.`,
        );
      }
      const openCase = await deps.openInspectionCase?.(tx, id);
      if (openCase) throw conflict(openCase);
      if (input.moveDecisionDate) Object.assign(details, moveDecisionDetails(input, await calendar(tx)));
    }
    if (input.kind === 'transfer_in_confirmed') Object.assign(details, arrivalDetails(input, existing, rules, await calendar(tx)));
    return Object.assign(details, plainDetails(input));
  }
  /** The checks and writes of one life event, inside a transaction: the event, the derived columns, the audit entry. */
  async function writeEvent(tx: Kysely<DB>, actor: Actor, id: string, member: MemberRow, input: MemberEventInput) {
    const today = clock.today();
    refuseImplausible(memberEventProblems(input, today));
    const existing = await eventsOf(tx, id);
    const next = toDomainEvent(input);
    const rules = ruleSetOn(input.date);
    const errors = validateEvent(existing, next, rules);
    if (errors.length > 0)
      throw conflict(
        errors.join(' '),
        errors.map((message) => ({ field: 'kind', message })),
      );
    const details = await eventDetails(tx, id, member, input, existing, rules);
    const orgId = 'orgId' in input ? (input.orgId ?? null) : input.kind === 'temporary_out' ? null : member.org_id;
    const toOrgId = input.kind === 'transfer_out_started' ? input.toOrgId : input.kind === 'temporary_out' ? input.hostOrgId : null;
    await insertMemberEvent(tx, {
      id: uuidv7(),
      member_id: id,
      kind: input.kind,
      effective_date: input.date,
      decision_no: input.decisionNo ?? null,
      decision_date: input.decisionDate ?? null,
      org_id: orgId,
      to_org_id: toOrgId,
      details: JSON.stringify(details),
      actor_id: actor.userId,
    });
    const derived = derivedColumns([...existing, next], today, await calendar(tx));
    // The dated periods re-derived from the whole history, the reorganisations' moves kept (the roll today too).
    const periods = memberPeriodRows(id, [...existing, next], await rollMoves(tx));
    await replaceMemberPeriods(tx, [id], periods);
    const roll = rollOfPeriods(periods, today) ?? derived.org_id;
    await updateMember(tx, id, {
      status: derived.status,
      ...(roll ? { org_id: roll } : {}),
      ...(derived.admitted_on ? { admitted_on: derived.admitted_on } : {}),
      official_on: derived.official_on,
      left_on: derived.left_on,
      party_age_from: derived.party_age_from,
      updated_at: clock.now(),
    });
    await audit(
      tx,
      actor,
      `member.event.${input.kind}`,
      id,
      roll ?? member.org_id,
      { status: member.status, orgId: member.org_id },
      { ...input, status: derived.status, orgId: roll ?? member.org_id },
    );
  }

  type MemberFileRow = NonNullable<Awaited<ReturnType<typeof memberFile>>>;

  /** The party age of the file: its count and gaps, the next badge, the awards, the standing and (sensitive) the disciplines. */
  async function partyAgeOf(actor: Actor, row: MemberFileRow, today: string) {
    const events = row.events.map(rowToEvent);
    const cal = await calendar(db);
    const sensitive = canReadSensitive(actor, row.current_path);
    const awards = row.awards;
    const disciplines = sensitive ? row.disciplines : [];
    // One fold of the history for the party age and every anniversary badgeDue tries (issue 13).
    const { age, badge } = withStatusPeriodsMemo(() => ({
      // The transit allowance is the rules' working days, counted on the real calendar from the departure.
      age: partyAge(events, today, { allowedTransferGapDays: transferGapAllowance(cal) }),
      badge: badgeDue(
        {
          events,
          awards: awards.map((a) => ({ milestone: a.milestone, awardedOn: a.awarded_on })),
          disciplines: row.disciplines.filter((d) => d.kind === 'party').map(rowToDecision),
          ...badgeFlagsOf(row.flags),
        },
        today,
      ),
    }));
    return {
      years: age.years,
      months: age.months,
      days: age.days,
      official: age.official,
      countsFrom: age.countsFrom,
      gaps: age.gaps,
      nextBadge: badge
        ? {
            milestone: badge.milestone,
            reachedOn: badge.reachedOn,
            anniversary: badge.anniversary ?? null,
            eligible: badge.eligible,
            reason: badge.reason ?? null,
          }
        : null,
      awards: awards.map((a) => ({
        milestone: a.milestone,
        awardedOn: a.awarded_on,
        decisionNo: a.decision_no,
        earlyReason: a.early_reason,
        override: a.override_decision_no ? { decisionNo: a.override_decision_no, decisionDate: a.override_decision_date!, rule: a.override_rule ?? '' } : null,
      })),
      badgeStanding: badgeStandingOf(row.flags),
      disciplines: disciplines.map((d) => ({
        id: d.id,
        form: d.form,
        formName: DISCIPLINE_FORM_LABELS[d.form].replace(/^./u, (c) => c.toUpperCase()),
        decidingLevel: d.deciding_label,
        decisionNo: d.decision_no,
        decisionDate: d.decided_on,
        announcedOn: d.announced_on ?? d.decided_on,
        reason: d.reason,
      })),
    };
  }

  /** The file's life events with the names of the organisations they involve and who recorded them. */
  function fileEvents(rows: readonly MemberFileEventRow[]) {
    return rows.map((e) => ({
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
    }));
  }

  return {
    async list(actor: Actor, f: MemberFilterInput & { page: number; pageSize: number }) {
      const scope = scopeFor(actor, 'read');
      const today = clock.today();
      const filters = await resolveMemberFilters(db, scope, f, today);
      const { rows, total, totalCapped } = await listMembers(db, scope, { ...filters, page: f.page, pageSize: f.pageSize }, today);
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
          // on the roll today, from the periods (official_on is the first official period: a readmitted member on a new probation has it)
          membership: r.membership ?? ('probationary' as const),
          admittedOn: r.admitted_on,
          officialOn: r.official_on,
        })),
        total,
        totalCapped,
      };
    },

    async get(actor: Actor, id: string) {
      const today = clock.today();
      // One statement: the member, his organisation's name, events, awards and disciplines (members.repo memberFile).
      const row = await memberFile(db, scopeFor(actor, 'read'), id, today);
      if (!row) throw notFound('Không tìm thấy đảng viên.');
      const { cccd: _cccd, ...fields } = fieldsOf(row as unknown as Record<string, unknown>);
      return {
        id: row.id,
        org: { id: row.org_id, name: row.org_name ?? '' },
        status: row.status,
        // on the roll today, from the periods (a readmitted member on a new probation is probationary)
        membership: row.membership_today ?? ('probationary' as const),
        admittedOn: row.admitted_on,
        officialOn: row.official_on,
        leftOn: row.left_on,
        fields,
        cccdMasked: maskCccd(row.cccd),
        hasCccd: row.cccd !== null,
        canReadSensitive: canReadSensitive(actor, row.current_path),
        canReadHistory: canReadHistory(actor, row.current_path),
        canEdit: canChangeMember(actor, row.current_path),
        updatedAt: new Date(row.updated_at).toISOString(),
        partyAge: await partyAgeOf(actor, row, today),
        events: fileEvents(row.events),
      };
    },

    async create(actor: Actor, input: Fields & { orgId: string; admittedOn: string; officialOn?: string | null | undefined }) {
      await checkCell(actor, input.orgId);
      // domain.md §4: date of birth required; legacy records may only know the year.
      if (!input.birthDate && !input.birthYear) throw invalid('birthDate', BIRTH_REQUIRED);
      await checkCatalogues(input);
      if (input.officialOn && input.officialOn <= input.admittedOn) throw invalid('officialOn', 'Ngày chính thức phải sau ngày kết nạp.');
      refuseImplausible(memberFileProblems(input, clock.today()));
      const id = uuidv7();
      const { orgId, admittedOn, officialOn, ...fields } = input;
      await db.transaction().execute(async (tx) => {
        await uniqueCccd(tx, fields.cccd);
        await insertMembers(tx, actor, clock.now(), [{ id, orgId, admittedOn, officialOn, fields }]);
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: string, patch: Fields) {
      const row = await load(actor, id);
      assertCanEditMember(actor, row.current_path);
      if (patch.residenceOrgId) {
        const org = await orgCurrentPath(db, patch.residenceOrgId as string);
        if (!org) throw invalid('residenceOrgId', 'Không tìm thấy chi bộ nơi cư trú.');
      }
      await checkCatalogues(patch);
      const before = fieldsOf(row as unknown as Record<string, unknown>);
      if (patch.birthDate !== undefined || patch.birthYear !== undefined) {
        const birthDate = patch.birthDate !== undefined ? patch.birthDate : before.birthDate;
        const birthYear = patch.birthYear !== undefined ? patch.birthYear : before.birthYear;
        if (!birthDate && !birthYear) throw invalid(patch.birthDate !== undefined ? 'birthDate' : 'birthYear', BIRTH_REQUIRED);
      }
      const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as MemberField] !== v));
      if (Object.keys(changed).length === 0) return this.get(actor, id);
      refuseImplausible(memberFileChangeProblems({ ...before, admittedOn: row.admitted_on, officialOn: row.official_on }, changed, clock.today()));
      await db.transaction().execute(async (tx) => {
        await uniqueCccd(tx, changed.cccd, id);
        await updateMember(tx, id, { ...columnsOf(changed), updated_at: clock.now() } as Updateable<MemberTable>);
        const mask = (f: Fields) => ('cccd' in f ? { ...f, cccd: maskCccd((f.cccd as string | null) ?? null) } : f);
        await audit(
          tx,
          actor,
          'member.update',
          id,
          row.org_id,
          mask(Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as MemberField]]))),
          mask(changed),
        );
      });
      return this.get(actor, id);
    },

    /**
     * Records a life event (domain.md §4, §7): checked against the member's history by the domain rules, then the
     * member's current status and roll follow from the events. A transfer is two halves: the sending organisation
     * records the departure (the member is in transit), the receiving one confirms the arrival.
     */
    async addEvent(actor: Actor, id: string, input: MemberEventInput) {
      let row = await findMember(db, scopeFor(actor, 'read'), id);
      if (input.kind === 'transfer_in_confirmed') {
        // The receiving organisation does not see the member until he arrives: it acts on the open transfer addressed to it.
        const target = await orgFor(actor, input.orgId, 'orgId', 'editMembers');
        const open = await latestTransferOut(db, id);
        const r = open ? subtreeRange(open.current_path) : null;
        if (!open || !r || target.current_path < r.from || target.current_path >= r.to) {
          if (!row) throw notFound('Không tìm thấy đảng viên.');
          throw invalid('orgId', 'Đảng viên không có quyết định chuyển sinh hoạt đến tổ chức này.');
        }
        row = row ?? (await findMemberAnyScope(db, id));
        await checkCell(actor, input.orgId);
      } else {
        if (!row) throw notFound('Không tìm thấy đảng viên.');
        assertCanEditMember(actor, row.current_path);
        if (input.kind === 'transfer_out_started') await orgFor(actor, input.toOrgId, 'toOrgId');
        if (input.kind === 'temporary_out') await orgFor(actor, input.hostOrgId, 'hostOrgId');
        if (input.kind === 'readmitted') await checkCell(actor, input.orgId);
        if (input.kind === 'expulsion_annulled' && input.orgId) await checkCell(actor, input.orgId);
      }
      if (!row) throw notFound('Không tìm thấy đảng viên.');
      const member = row;
      return db
        .transaction()
        .execute((tx) => writeEvent(tx, actor, id, member, input))
        .then(() => this.get(actor, id));
    },

    /**
     * Records a life event inside the caller's transaction (the admissions module's recognition): the member in the
     * actor's editing scope, the same checks and derived columns as `addEvent`. Only for events on the member's own
     * roll (not the arrival of a transfer).
     */
    async addEventInTransaction(tx: Kysely<DB>, actor: Actor, id: string, input: MemberEventInput) {
      const member = await findMember(tx, scopeFor(actor, 'read'), id);
      if (!member) throw notFound('Không tìm thấy đảng viên.');
      assertCanEditMember(actor, member.current_path);
      await writeEvent(tx, actor, id, member, input);
    },

    /** Members in transit towards organisations in the actor's scope: the arrivals to confirm. */
    async incomingTransfers(actor: Actor) {
      const scope = scopeFor(actor, 'editMembers');
      const rows = await incomingTransferRows(db, scope);
      const today = clock.today();
      return {
        items: await Promise.all(
          rows.map(async (r) => ({
            memberId: r.id,
            fullName: r.full_name,
            fromOrg: await orgNameOn(db, r.org_id, today),
            toOrgId: r.to_org_id!,
            toOrg: await orgNameOn(db, r.to_org_id!, today),
            startedOn: r.effective_date,
            decisionNo: r.decision_no,
          })),
        ),
      };
    },

    /**
     * A discipline decision recorded on the member file (domain.md §11), kept for the file's own form: the deciding
     * level as text, probationary members (by the membership of the decision's date) only reprimand or warning. It
     * is stored with the discipline module's decisions (issue 15), which check the deciding organisation's competence
     * when the organisation is named (POST /api/discipline/decisions).
     */
    async addDiscipline(
      actor: Actor,
      id: string,
      input: {
        form: 'reprimand' | 'warning' | 'removal' | 'expulsion';
        decidingLevel: string;
        decisionNo: string;
        decisionDate: string;
        announcedOn: string;
        violationOn?: string | null | undefined;
        reason?: string | null | undefined;
      },
    ) {
      const row = await load(actor, id);
      if (!canRecordDiscipline(actor, row.current_path)) throw forbidden('Bạn không có quyền ghi nhận kỷ luật đảng viên này.');
      if (input.announcedOn < input.decisionDate) throw invalid('announcedOn', 'Ngày công bố không được trước ngày quyết định.');
      const membership = await membershipOf(db, id, input.decisionDate);
      const then = await memberForDiscipline(db, id, input.decisionDate);
      const problem = validateDiscipline(membership, input.form);
      if (problem) throw invalid('form', problem);
      await db.transaction().execute(async (tx) => {
        const disciplineId = uuidv7();
        await insertDecision(tx, {
          id: disciplineId,
          subject_kind: 'member',
          member_id: id,
          org_id: null,
          subject_org_id: then?.period?.org_id ?? row.org_id,
          form: input.form,
          membership,
          deciding_org_id: null,
          deciding_body: null,
          deciding_label: input.decidingLevel,
          decision_no: input.decisionNo,
          decided_on: input.decisionDate,
          announced_on: input.announcedOn,
          violation_on: input.violationOn ?? null,
          violation_level: null,
          reason: input.reason ?? null,
          case_id: null,
          created_by: actor.userId,
        });
        await audit(tx, actor, 'member.discipline', id, row.org_id, null, { disciplineId, ...input });
      });
      return this.get(actor, id);
    },

    /**
     * Records a badge received (domain.md §5). The rules decide (awardRefusal: the milestone reached on the award day,
     * or within the early window of a member recorded as seriously ill, or posthumously within 12 months of the
     * milestone; no discipline delay running) and a refusal answers 409 with the rule's words. A special case the
     * province's standing committee decided is recorded with `override` (its decision's number and date): the award
     * keeps the decision and the rule it set aside, and the audit entry says so.
     */
    async awardBadge(
      actor: Actor,
      id: string,
      input: {
        milestone: number;
        awardedOn: string;
        decisionNo?: string | null | undefined;
        earlyReason?: 'illness' | 'posthumous' | null | undefined;
        override?: { decisionNo: string; decisionDate: string } | null | undefined;
      },
    ) {
      const row = await load(actor, id);
      assertCanEditMember(actor, row.current_path);
      const rules = ruleSetOn(input.awardedOn);
      if (!rules.badges.milestones.includes(input.milestone)) throw invalid('milestone', `Không có Huy hiệu ${input.milestone} năm tuổi Đảng.`);
      const override = input.override ?? null;
      if (override && override.decisionDate > input.awardedOn) {
        throw invalid(
          'override.decisionDate',
          `Quyết định của Ban Thường vụ Tỉnh ủy (ngày ${formatVnDate(override.decisionDate)}) phải có trước ngày trao Huy hiệu.`,
        );
      }
      await db.transaction().execute(async (tx) => {
        const dup = await findBadgeAward(tx, id, input.milestone);
        if (dup) throw conflict(`Đảng viên đã được trao Huy hiệu ${input.milestone} năm tuổi Đảng.`);
        const member = { events: await eventsOf(tx, id), disciplines: await disciplinesOf(tx, id), ...badgeFlagsOf(row.flags) };
        const refusal = awardRefusal(member, input, rules);
        if (refusal && !override) throw conflict(refusal.message, [{ field: refusal.field, message: refusal.message }]);
        if (!refusal && override) throw invalid('override', 'Việc trao đúng quy định: không cần quyết định đặc biệt của Ban Thường vụ Tỉnh ủy.');
        await insertBadgeAward(tx, {
          id: uuidv7(),
          member_id: id,
          milestone: input.milestone,
          awarded_on: input.awardedOn,
          decision_no: input.decisionNo ?? null,
          early_reason: input.earlyReason ?? null,
          override_decision_no: override?.decisionNo ?? null,
          override_decision_date: override?.decisionDate ?? null,
          override_rule: refusal?.message ?? null,
        });
        await audit(tx, actor, refusal ? 'member.badge.override' : 'member.badge', id, row.org_id, null, {
          ...input,
          ...(refusal ? { ruleSetAside: refusal.message } : {}),
        });
      });
      return this.get(actor, id);
    },

    /**
     * What the badge rules need besides the history (domain.md §5): serious illness, from its date with its document
     * (the badge may come early), and, for a deceased member, the proposal of a posthumous award (he is then on the
     * lists). Null clears either. One transaction with its audit entry.
     */
    async setBadgeStanding(actor: Actor, id: string, input: BadgeStanding) {
      const row = await load(actor, id);
      assertCanEditMember(actor, row.current_path);
      const today = clock.today();
      const before = badgeStandingOf(row.flags);
      const ill = input.seriousIllness;
      if (ill && JSON.stringify(ill) !== JSON.stringify(before.seriousIllness)) {
        if (ill.since && ill.since > today) throw invalid('seriousIllness.since', 'Ngày ghi nhận ốm đau nặng không được sau ngày hôm nay.');
        if (['expelled', 'struck_off', 'left', 'deceased'].includes(row.status)) {
          throw conflict('Đảng viên không còn sinh hoạt đảng: không ghi nhận ốm đau nặng.', [
            { field: 'seriousIllness', message: 'Đảng viên không còn sinh hoạt đảng.' },
          ]);
        }
      }
      const proposal = input.posthumousProposal;
      if (proposal && JSON.stringify(proposal) !== JSON.stringify(before.posthumousProposal)) {
        if (row.status !== 'deceased' || !row.left_on) {
          throw conflict('Chỉ đề nghị truy tặng Huy hiệu Đảng cho đảng viên đã từ trần.', [
            { field: 'posthumousProposal', message: 'Đảng viên chưa được ghi nhận từ trần.' },
          ]);
        }
        if (proposal.proposedOn && proposal.proposedOn < row.left_on) {
          throw invalid('posthumousProposal.proposedOn', `Ngày đề nghị truy tặng không được trước ngày từ trần (${formatVnDate(row.left_on)}).`);
        }
        if (proposal.proposedOn && proposal.proposedOn > today)
          throw invalid('posthumousProposal.proposedOn', 'Ngày đề nghị truy tặng không được sau ngày hôm nay.');
      }
      if (JSON.stringify(input) === JSON.stringify(before)) return this.get(actor, id);
      await db.transaction().execute(async (tx) => {
        await updateMember(tx, id, { flags: JSON.stringify(flagsWithBadgeStanding(row.flags, input)), updated_at: clock.now() });
        await audit(tx, actor, 'member.badge_standing', id, row.org_id, before, input);
      });
      return this.get(actor, id);
    },

    /**
     * Who reaches a badge milestone by the anniversary (3/2, 19/5, 2/9, 7/11), and who reached one and never received
     * it, in the actor's scope or a subtree of it.
     */
    async badgeList(
      actor: Actor,
      q: { anniversary?: string | undefined; orgId?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
      all = false,
    ) {
      const scope = scopeFor(actor, 'read');
      const today = clock.today();
      let subtree: { from: string; to: string } | undefined;
      if (q.orgId) {
        const org = await orgCurrentPath(db, q.orgId);
        if (!org || !canReadMember(actor, org.current_path)) throw notFound('Không tìm thấy tổ chức đảng.');
        subtree = subtreeRange(org.current_path);
      }
      const refusal = q.anniversary ? anniversaryRefusal(q.anniversary) : null;
      if (refusal) throw invalid('anniversary', refusal);
      return loadBadgeLists(db, {
        scope,
        subtree,
        today,
        anniversary: q.anniversary ?? nextAnniversary(today),
        page: all ? null : { offset: ((q.page ?? 1) - 1) * (q.pageSize ?? 50), limit: q.pageSize ?? 50 },
      });
    },

    /** Both badge lists whole, as a workbook; the export is audited. */
    async badgeListXlsx(actor: Actor, q: { anniversary?: string | undefined; orgId?: string | undefined }) {
      const answer = await this.badgeList(actor, q, true);
      await db.transaction().execute((tx) =>
        writeAudit(tx, { id: actor.userId, name: actor.username }, clock.now(), [
          {
            action: 'member.badge_list.export',
            entityType: 'member',
            entityId: null,
            scopeOrgId: q.orgId ?? actor.roles.find((r) => r.orgId)?.orgId ?? null,
            before: null,
            after: {
              anniversary: answer.anniversary,
              orgId: q.orgId ?? null,
              due: answer.due.length,
              reachedNeverAwarded: answer.reachedNeverAwardedTotal,
              format: 'xlsx',
            },
          },
        ]),
      );
      return { buffer: await badgeListWorkbook(answer), fileName: `huy-hieu-dang-${answer.anniversary}.xlsx` };
    },

    /** Shows the full CCCD to someone allowed to read it, and records that he did. */
    async revealCccd(actor: Actor, id: string) {
      const row = await load(actor, id);
      if (!canReadSensitive(actor, row.current_path)) throw forbidden('Bạn không có quyền xem thông tin nhạy cảm của đảng viên này.');
      await db.transaction().execute((tx) => audit(tx, actor, 'member.reveal', id, row.org_id, null, { field: 'cccd' }));
      return { cccd: row.cccd };
    },

    async catalogues() {
      const rows = await catalogueItems(db);
      const out: Record<string, { code: string; name: string }[]> = {};
      for (const r of rows) (out[r.catalogue] ??= []).push({ code: r.code, name: r.name });
      return out;
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
