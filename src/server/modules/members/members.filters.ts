/**
 * The member list's filters, from the query as the client sends it to the conditions members.repo.ts applies: one
 * definition for GET /api/members and its export. Values are checked here (codes against the catalogues, bands in
 * order, the organisation in scope) and refused with a Vietnamese message naming the field.
 *
 * - Age: full years on today, from birth_date; a record that knows only the year of birth counts from 1 January of
 *   that year (the rule of the labour and social-insurance texts when only the year is known), so a member born in
 *   1966 is 60 from 01/01/2026. Exact at the boundaries: a member whose 60th birthday is today is 60.
 * - Party age: full years of party age today, from member.party_age_from (derived from the events, "as of the last
 *   event"); a member with no running party age (probationary, out of the Party, in an open gap) matches no band.
 * - Badge due: the members on the due list of an anniversary (`next`: the next one from today), as the badge list
 *   decides it (members.badges.ts, the domain's rules).
 * - The report drill-down (issue 14, members.drilldown.repo.ts): `asOf` (the roll of that day within the organisation's
 *   subtree on the tree of that day; ages, party-age bands, membership and badges then read that day), `membership`,
 *   `ethnicityGroup`, `religion=any`, `badge`, `change` over `changeFrom`..`changeTo` (inclusive) with
 *   `disciplineForm`, `youthUnion`. Days after today or before 03/02/1930 are refused. With `orgId` and `asOf` or
 *   `change`, the list is of that organisation (in the reader's scope) on the day or over the period: a member since
 *   transferred elsewhere is on it, as he is in the report's cell. The party-age band on `asOf` counts from
 *   party_age_from (exact unless a gap after that day moved it).
 */
import type { Kysely } from 'kysely';
import { anniversaryRefusal, nextAnniversary } from '../../../domain/badges.ts';
import { MEMBER_STATUS_LABELS } from '../../../domain/member-event-labels.ts';
import { latestStartForYears } from '../../../domain/party-age.ts';
import { subtreeRange } from '../../../domain/org-path.ts';
import { formatVnDate } from '../../../domain/dates.ts';
import type { DB } from '../../db/schema.ts';
import { pathInScope, type Scope } from '../../http/actor.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { loadBadgeLists } from './members.badges.ts';
import { catalogueCodes } from '../catalogue/catalogue.repo.ts';
import { orgCurrentPath, orgPathOn } from '../orgs/orgs.members.repo.ts';
import type { MemberChangeKind } from './members.drilldown.repo.ts';
import type { MemberFilters } from './members.repo.ts';

/** The filters of GET /api/members as parsed by MemberListQuery, without paging. */
export interface MemberFilterInput {
  q?: string | undefined;
  orgId?: string | undefined;
  status?: string | undefined;
  gender?: 'nam' | 'nu' | undefined;
  ethnicity?: string | undefined;
  religion?: string | undefined;
  generalEducation?: string | undefined;
  theoryLevel?: string | undefined;
  professionalLevel?: string | undefined;
  occupation?: string | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
  partyAgeFrom?: number | undefined;
  partyAgeTo?: number | undefined;
  badgeDue?: string | undefined;
  // The report drill-down's (issue 14; names fixed with the reports).
  asOf?: string | undefined;
  membership?: 'probationary' | 'official' | undefined;
  ethnicityGroup?: 'kinh' | 'minority' | undefined;
  badge?: number | undefined;
  change?: MemberChangeKind | undefined;
  changeFrom?: string | undefined;
  changeTo?: string | undefined;
  disciplineForm?: 'reprimand' | 'warning' | 'removal' | 'expulsion' | undefined;
  youthUnion?: boolean | undefined;
}

/** A catalogue filter's `none`: the file does not say (the report's «Chưa rõ» row). */
export const UNKNOWN_CODE = 'none';

/** `religion=any`: has a religion (any code but «không»). */
export const ANY_RELIGION = 'any';

/** The first day a drill-down date may name: the Party's founding (03/02/1930). */
const FIRST_DAY = '1930-02-03';

/** Refuses a day before the Party's founding or after today. */
function dayInRange(field: string, what: string, day: string | undefined, today: string) {
  if (day === undefined) return;
  if (day > today) throw invalid(field, `${what} (${formatVnDate(day)}) không được sau hôm nay (${formatVnDate(today)}).`);
  if (day < FIRST_DAY) throw invalid(field, `${what} (${formatVnDate(day)}) không được trước ngày thành lập Đảng (03/02/1930).`);
}

/** Checks the drill-down's values; throws 400 with the field. */
function checkDrillDown(f: MemberFilterInput, today: string) {
  dayInRange('asOf', 'Ngày thống kê', f.asOf, today);
  dayInRange('changeFrom', 'Ngày đầu kỳ', f.changeFrom, today);
  dayInRange('changeTo', 'Ngày cuối kỳ', f.changeTo, today);
  if (f.change === undefined) {
    for (const k of ['changeFrom', 'changeTo', 'disciplineForm'] as const) if (f[k] !== undefined) throw invalid(k, 'Chỉ dùng cùng loại biến động (change).');
    return;
  }
  if (f.changeFrom === undefined) throw invalid('changeFrom', 'Cần ngày đầu kỳ của biến động (changeFrom).');
  if (f.changeTo === undefined) throw invalid('changeTo', 'Cần ngày cuối kỳ của biến động (changeTo).');
  if (f.changeFrom > f.changeTo)
    throw invalid('changeFrom', `Ngày đầu kỳ (${formatVnDate(f.changeFrom)}) không được sau ngày cuối kỳ (${formatVnDate(f.changeTo)}).`);
  if (f.disciplineForm !== undefined && f.change !== 'disciplined') throw invalid('disciplineForm', 'Hình thức kỷ luật chỉ dùng với biến động «disciplined».');
}

/** Query field → catalogue whose codes it takes. */
const CATALOGUE_FILTERS = {
  ethnicity: 'ethnicity',
  religion: 'religion',
  generalEducation: 'general_education',
  theoryLevel: 'theory_level',
  professionalLevel: 'professional_level',
  occupation: 'occupation',
} as const;

/**
 * The members of an organisation (issue 12 part 6): everyone on its roll, i.e. not out of the Party nor deceased
 * (`left_on IS NULL`), the definition the organisation's counts use (org_member_tally, migration 0006). The web's
 * member list filters by it by default and says so; "all" is asked for explicitly.
 */
export const ON_ROLL = 'on_roll';

function band(from: number | undefined, to: number | undefined, fromField: string, what: string) {
  if (from !== undefined && to !== undefined && from > to)
    throw invalid(fromField, `${what} «từ» (${from}) không được lớn hơn ${what.toLowerCase()} «đến» (${to}).`);
}

/** The list's conditions for these filters in `scope` on `today`; throws 400/404 for a value that cannot be applied. */
export async function resolveMemberFilters(
  db: Kysely<DB>,
  scope: Scope,
  f: MemberFilterInput,
  today: string,
): Promise<Omit<MemberFilters, 'page' | 'pageSize'>> {
  if (f.status !== undefined && f.status !== ON_ROLL && !(f.status in MEMBER_STATUS_LABELS))
    throw invalid('status', `Tình trạng «${f.status}» không có trong danh mục.`);
  checkDrillDown(f, today);
  const codes = Object.entries(CATALOGUE_FILTERS).filter(([field]) => {
    const value = f[field as keyof typeof CATALOGUE_FILTERS];
    return value !== undefined && value !== UNKNOWN_CODE && !(field === 'religion' && value === ANY_RELIGION);
  });
  if (codes.length > 0) {
    const known = await catalogueCodes(
      db,
      codes.map(([, c]) => c),
    );
    const has = new Set(known.map((k) => `${k.catalogue}|${k.code}`));
    for (const [field, catalogue] of codes) {
      const value = f[field as keyof typeof CATALOGUE_FILTERS]!;
      if (!has.has(`${catalogue}|${value}`)) throw invalid(field, `Mã «${value}» không có trong danh mục.`);
    }
  }
  band(f.ageFrom, f.ageTo, 'ageFrom', 'Tuổi');
  band(f.partyAgeFrom, f.partyAgeTo, 'partyAgeFrom', 'Tuổi đảng');

  let orgPath: string | undefined;
  if (f.orgId) {
    const org = await orgCurrentPath(db, f.orgId);
    if (!org || !pathInScope(org.current_path, scope)) throw notFound('Không tìm thấy tổ chức đảng.');
    orgPath = org.current_path;
  }
  // Ages, party ages, membership and badges read the list's day: asOf, else today.
  const day = f.asOf ?? today;
  // The roll of asOf within the organisation's subtree on the tree of that day (null: it did not exist then).
  const onRoll = f.asOf ? { path: f.orgId ? ((await orgPathOn(db, f.orgId, f.asOf))?.path ?? null) : undefined } : undefined;

  let memberIds: string[] | undefined;
  if (f.badgeDue !== undefined) {
    const anniversary = f.badgeDue === 'next' ? nextAnniversary(today) : f.badgeDue;
    const refusal = anniversaryRefusal(anniversary);
    if (refusal) throw invalid('badgeDue', refusal);
    const lists = await loadBadgeLists(db, { scope, subtree: orgPath ? subtreeRange(orgPath) : undefined, today, anniversary, page: null, backlog: false });
    memberIds = [...new Set(lists.due.map((d) => d.memberId))];
  }

  return {
    q: f.q,
    orgPath,
    status: f.status,
    gender: f.gender,
    ethnicity: f.ethnicity,
    religion: f.religion === ANY_RELIGION ? undefined : f.religion,
    generalEducation: f.generalEducation,
    theoryLevel: f.theoryLevel,
    professionalLevel: f.professionalLevel,
    occupation: f.occupation,
    // at least A full years: born on or before the latest birth date that is A years old today; at most B: younger than B + 1.
    bornOnOrBefore: f.ageFrom !== undefined ? latestStartForYears(day, f.ageFrom) : undefined,
    bornAfter: f.ageTo !== undefined ? latestStartForYears(day, f.ageTo + 1) : undefined,
    partyAgeFromOnOrBefore: f.partyAgeFrom !== undefined ? latestStartForYears(day, f.partyAgeFrom) : undefined,
    partyAgeFromAfter: f.partyAgeTo !== undefined ? latestStartForYears(day, f.partyAgeTo + 1) : undefined,
    partyAgeBand: f.partyAgeFrom !== undefined || f.partyAgeTo !== undefined,
    memberIds,
    anchored: Boolean(f.asOf || f.change),
    drill: {
      day,
      onRoll,
      membership: f.membership,
      ethnicityGroup: f.ethnicityGroup,
      religionAny: f.religion === ANY_RELIGION,
      badge: f.badge,
      youthUnion: f.youthUnion,
      change: f.change ? { kind: f.change, from: f.changeFrom!, to: f.changeTo!, rootId: f.orgId, disciplineForm: f.disciplineForm } : undefined,
    },
  };
}
