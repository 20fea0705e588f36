/**
 * Admissions of the demo province (domain.md §6), from the seed and today's date only: candidates at every stage
 * before the ceremony in about one cell in four, dossiers behind the members the file shows on probation and behind
 * those recognised in the last year, and admission targets for the previous and the current year (the province's
 * and each commune's, split so that the communes' add up to no more than the province's). Most members past the
 * ceremony have declared the member background form; those whose deadline has not come yet and about one in thirty of
 * the others have not, so the work queue shows some forms due and a few late.
 */
import type { Insertable, Kysely } from 'kysely';
import {
  ADMISSION_STEPS,
  certificateValidUntil,
  ceremonyDeadline,
  memberFormTiming,
  probationEnd,
  recognitionWindow,
  type AdmissionStepKind,
} from '../../domain/admission.ts';
import { createWorkingCalendar } from '../../domain/calendar/working-days.ts';
import { addDays } from '../../domain/dates.ts';
import { addMonths } from '../../domain/member-status.ts';
import { ruleSetOn } from '../../domain/rulesets.ts';
import { personSortKey } from '../../domain/text.ts';
import type { AdmissionCandidateTable, AdmissionDossierTable, AdmissionStepTable, DB } from '../db/schema.ts';
import { insertCandidates, insertDossiers, insertSteps, insertTargets } from '../modules/admissions/admissions.demo.repo.ts';
import { admittedIn } from '../modules/members/members.admissions.repo.ts';
import { activeOfficialsBefore, recentlyAdmitted } from '../modules/members/members.demo.repo.ts';
import { currentCells, currentChildren, currentRoot } from '../modules/orgs/orgs.demo.repo.ts';
import { personName } from './names.ts';
import { createRng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

const BEFORE_CEREMONY = ADMISSION_STEPS.slice(0, ADMISSION_STEPS.indexOf('ceremony'));

export async function seedAdmissions(db: Kysely<DB>, opts: { seed: number; today: string; now: Date; adminId: string }) {
  const rng = createRng(opts.seed * 7919 + 4);
  const uuid = createUuidFactory(rng, '2025-06-01T00:00:00Z');
  const cal = createWorkingCalendar();
  const today = opts.today;
  const candidates: Insertable<AdmissionCandidateTable>[] = [];
  const dossiers: Insertable<AdmissionDossierTable>[] = [];
  const steps: Insertable<AdmissionStepTable>[] = [];
  // The member forms draw on a stream of their own, so that adding them left every other figure of the demo as it was.
  const formRng = createRng(opts.seed * 7919 + 5);
  const formUuid = createUuidFactory(formRng, '2025-06-01T00:00:00Z');

  /** Steps from the course up to (not including) `upTo`, dated backwards from `lastOn`, each 10–35 days apart. */
  function stepsBefore(dossierId: string, upTo: number, lastOn: string, extra: (kind: AdmissionStepKind, date: string) => Record<string, unknown>) {
    const dates: string[] = [];
    let d = lastOn;
    for (let i = upTo - 1; i >= 0; i--) {
      dates.unshift(d);
      d = addDays(d, -rng.int(10, 35));
    }
    dates.forEach((date, i) => {
      const kind = ADMISSION_STEPS[i]!;
      const data = extra(kind, date);
      steps.push({
        id: uuid(),
        dossier_id: dossierId,
        seq: i + 1,
        kind,
        on_date: date,
        decision_no: kind === 'decision' ? `${rng.int(10, 999)}-QĐ/ĐU` : null,
        data: JSON.stringify(data),
        documents: '[]',
        note: null,
        recorded_by: opts.adminId,
        recorded_at: opts.now,
      });
    });
    return { openedOn: addDays(d, -rng.int(5, 30)), dates };
  }

  const cells = await currentCells(db);
  const officials = await activeOfficialsBefore(db, addMonths(today, -24));
  const officialsOf = new Map<string, { id: string; full_name: string }[]>();
  for (const m of officials) officialsOf.set(m.org_id, [...(officialsOf.get(m.org_id) ?? []), m]);

  // Candidates before the ceremony, every stage in turn.
  let turn = 0;
  for (const cell of cells) {
    const helpers = officialsOf.get(cell.org_id) ?? [];
    if (helpers.length < 3 || !rng.chance(0.25)) continue;
    const upTo = turn++ % (BEFORE_CEREMONY.length + 1); // 0 = only listed
    const gender = rng.chance(0.45) ? 'nu' : 'nam';
    const birthYear = Number(today.slice(0, 4)) - rng.int(19, 40);
    const name = personName(rng, gender, { birthYear });
    const candidateId = uuid();
    const dossierId = uuid();
    const lastOn = addDays(today, -rng.int(3, 45));
    const introducers = [helpers[0]!, helpers[1]!];
    const n = helpers.length;
    // One dossier in eight has an old certificate: the work queue shows it about to expire or expired.
    const oldCertificate = rng.chance(0.125);
    const { openedOn, dates } = stepsBefore(dossierId, upTo, lastOn, (kind, date) => {
      switch (kind) {
        case 'course':
          return { certificateNo: `${rng.int(1, 500)}/GCN` };
        case 'introduction':
          return {
            route: 'members',
            youthUnionResolutionOn: null,
            introducers: introducers.map((i) => ({ memberId: i.id, name: i.full_name, officialOnDate: true, monthsTogether: rng.int(12, 60) })),
          };
        case 'cell_vote':
          return { inFavour: n, denominator: { officialMembers: n, excluded: [], denominator: n }, provinceDecisionNo: null, difficultAreaException: false };
        case 'grassroots_resolution':
          return { inFavour: 7, committeeSize: 9 };
        case 'decision':
          return { decidingBody: 'Đảng ủy', receivedOn: addDays(date, rng.int(1, 4)) > today ? date : addDays(date, rng.int(1, 4)) };
        default:
          return {};
      }
    });
    const courseOn = dates[0] ? (oldCertificate ? addMonths(today, -rng.int(57, 61)) : dates[0]) : null;
    if (courseOn && steps.length > 0 && dates[0]) {
      const course = steps.find((s) => s.dossier_id === dossierId && s.kind === 'course');
      if (course) course.on_date = courseOn;
    }
    const decision = steps.find((s) => s.dossier_id === dossierId && s.kind === 'decision');
    const receivedOn = decision ? (JSON.parse(decision.data as string) as { receivedOn: string }).receivedOn : null;
    const listedOn = courseOn && courseOn < openedOn ? addDays(courseOn, -rng.int(5, 30)) : openedOn;
    candidates.push({
      id: candidateId,
      org_id: cell.org_id,
      full_name: name.fullName,
      family_name: name.family,
      middle_name: name.middle,
      given_name: name.given,
      name_sort_key: personSortKey(name.fullName),
      gender,
      birth_date: `${birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      general_education: 'thpt',
      helper_member_id: helpers[2]!.id,
    });
    dossiers.push({
      id: dossierId,
      candidate_id: candidateId,
      org_id: cell.org_id,
      opened_on: listedOn,
      listing_resolution_no: `${rng.int(1, 30)}-NQ/CB`,
      ruleset_id: ruleSetOn(listedOn).id,
      stage: upTo === 0 ? 'listed' : ADMISSION_STEPS[upTo - 1]!,
      status: 'open',
      certificate_valid_until: courseOn ? certificateValidUntil(courseOn, ruleSetOn(listedOn)) : null,
      ceremony_due_on: receivedOn ? ceremonyDeadline(receivedOn, cal, ruleSetOn(listedOn)) : null,
    });
  }

  // Dossiers behind the members on probation now and those recognised in the last year.
  const recent = await recentlyAdmitted(db, addMonths(today, -26), addMonths(today, -12));
  for (const m of recent) {
    if (!rng.chance(0.5)) continue;
    const ceremonyOn = ((m.details ?? {}) as { ceremonyOn?: string }).ceremonyOn ?? m.effective_date;
    const rules = ruleSetOn(m.effective_date);
    const candidateId = uuid();
    const dossierId = uuid();
    const { openedOn } = stepsBefore(dossierId, ADMISSION_STEPS.indexOf('decision') + 1, m.effective_date, (kind, date) =>
      kind === 'decision' ? { decidingBody: 'Đảng ủy', receivedOn: addDays(date, 2) } : kind === 'course' ? { certificateNo: `${rng.int(1, 500)}/GCN` } : {},
    );
    const last = steps.at(-1)!;
    last.decision_no = m.decision_no;
    const official = m.official_on !== null && m.official_on <= today;
    const seq = steps.filter((s) => s.dossier_id === dossierId).length;
    steps.push({
      id: uuid(),
      dossier_id: dossierId,
      seq: seq + 1,
      kind: 'ceremony',
      on_date: ceremonyOn,
      decision_no: null,
      data: JSON.stringify({ superiorConsentNo: null }),
      documents: '[]',
      note: null,
      recorded_by: opts.adminId,
      recorded_at: opts.now,
    });
    // The member form: declared by the recognised members (one in fifteen late), by most of those on probation whose
    // deadline has passed (one in thirty has not); not yet by those whose deadline is still to come.
    const { dueOn: formDueOn } = memberFormTiming(ceremonyOn, ceremonyOn, cal, rules);
    const declared = official || (today > formDueOn && !formRng.chance(0.03));
    if (declared) {
      const lateForm = formRng.chance(1 / 15);
      const earliest = (...dates: string[]) => dates.reduce((a, b) => (a < b ? a : b));
      const onDate = lateForm ? earliest(addDays(formDueOn, formRng.int(3, 20)), today) : earliest(addDays(ceremonyOn, formRng.int(5, 35)), formDueOn, today);
      steps.push({
        id: formUuid(),
        dossier_id: dossierId,
        seq: seq + 2,
        kind: 'member_form',
        on_date: onDate,
        decision_no: null,
        data: JSON.stringify(memberFormTiming(onDate, ceremonyOn, cal, rules)),
        documents: '[]',
        note: null,
        recorded_by: opts.adminId,
        recorded_at: opts.now,
      });
    }
    if (official) {
      const voteOn = m.official_on! > addDays(today, -3) ? m.official_on! : addDays(m.official_on!, rng.int(0, 3));
      steps.push({
        id: uuid(),
        dossier_id: dossierId,
        seq: seq + (declared ? 3 : 2),
        kind: 'recognition_vote',
        on_date: voteOn,
        decision_no: null,
        data: JSON.stringify({ outcome: 'recognized', officialOn: m.official_on, voteNo: 1 }),
        documents: '[]',
        note: null,
        recorded_by: opts.adminId,
        recorded_at: opts.now,
      });
    }
    candidates.push({
      id: candidateId,
      org_id: m.org_id,
      full_name: m.full_name,
      family_name: m.family_name,
      middle_name: m.middle_name,
      given_name: m.given_name,
      name_sort_key: m.name_sort_key,
      gender: m.gender,
      birth_date: m.birth_date,
      general_education: m.general_education,
    });
    dossiers.push({
      id: dossierId,
      candidate_id: candidateId,
      org_id: m.org_id,
      opened_on: openedOn,
      ruleset_id: rules.id,
      stage: official ? 'official' : 'ceremony',
      status: official ? 'official' : 'probation',
      member_id: m.id,
      ceremony_on: ceremonyOn,
      probation_ends_on: probationEnd(ceremonyOn, rules),
      recognition_due_on: recognitionWindow(ceremonyOn, cal, rules).dueBy,
      official_on: official ? m.official_on : null,
    });
  }

  await db.transaction().execute(async (tx) => {
    await insertCandidates(tx, candidates);
    await insertDossiers(tx, dossiers);
    await insertSteps(tx, steps);

    // Targets: each commune (child of the province) about its admissions of the previous year, the province the sum
    // plus a reserve it keeps for itself.
    const root = await currentRoot(tx);
    if (!root) return;
    const communes = await currentChildren(tx, root.org_id);
    const year = Number(today.slice(0, 4));
    for (const y of [year - 1, year]) {
      let sum = 0;
      const rows = [];
      for (const c of communes) {
        const base = await admittedIn(tx, c.current_path, `${y - 1}-01-01`, `${y - 1}-12-31`);
        const target = Math.max(1, Math.round(base * rng.float(0.9, 1.2)));
        sum += target;
        rows.push({ id: uuid(), org_id: c.org_id, year: y, target, note: null, set_by: opts.adminId, set_at: opts.now });
      }
      rows.push({ id: uuid(), org_id: root.org_id, year: y, target: sum + Math.ceil(sum * 0.05), note: null, set_by: opts.adminId, set_at: opts.now });
      await insertTargets(tx, rows);
    }
  });
  return { candidates: candidates.length, dossiers: dossiers.length, steps: steps.length };
}
