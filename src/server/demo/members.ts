/**
 * Members of the demo and benchmark provinces: the file (identity, origin, education, work, party papers) and a life
 * history of real events that the domain's own rules accept (member-status.ts): admission and recognition, official
 * transfers between the province's cells (a few late, a handful still in transit), temporary transfers, exemptions,
 * lost contact, suspensions, deaths, striking-off, leaving, expulsion and a few readmissions; party discipline
 * (discipline.ts, §11) and badges awarded on the anniversaries (badges.ts, §5). The member row's status, roll and dates
 * are what the members service computes from the same events (`derivedColumns`).
 *
 * One generator object per province, fed one member at a time: no closure per member, rows appended to flat arrays
 * the bulk insert walks in chunks. Everything comes from the seeded generator, ids from the province's id factory.
 */
import type { Insertable } from 'kysely';
import { createWorkingCalendar } from '../../domain/calendar/working-days.ts';
import { nextAnniversary } from '../../domain/badges.ts';
import { addMonths, officialDateFor, statusPeriods, type MemberEvent, type StatusPeriod } from '../../domain/member-status.ts';
import { reachDates } from '../../domain/party-age.ts';
import { ETHNIC_GROUPS } from '../../domain/catalogues.ts';
import { personSortKey } from '../../domain/text.ts';
import type { DisciplineDecisionTable, MemberBadgeAwardTable, MemberEventTable, MemberTable } from '../db/schema.ts';
import { derivedColumns } from '../../domain/member-events.ts';
import { DISTRICT_NAMES, PLACE_NAMES, PROVINCES_2025, type CellPool, type Gender, personName, pickEthnicity } from './names.ts';
import { addYears, hashString, maxDate, minDate, type Rng } from './random.ts';
import type { UuidFactory } from './uuid.ts';

export type MemberRow = Insertable<MemberTable>;
export type MemberEventRow = Insertable<MemberEventTable>;
/** A member's party discipline decision (the discipline module's table, issue 15). */
export type MemberDisciplineRow = Insertable<DisciplineDecisionTable> & {
  member_id: string;
  form: 'reprimand' | 'warning' | 'removal' | 'expulsion';
  announced_on: string;
};
export type MemberBadgeAwardRow = Insertable<MemberBadgeAwardTable>;

/** A cell members can be on, as the member generator needs it. */
export interface CellRef {
  id: string;
  /** What its members do: a commune's police cell is 'police' even though it sits among village cells. */
  pool: CellPool;
  established: string;
  /** Workplace written on the file (the unit without the party prefix); null for residential cells. */
  workplace: string | null;
  /** "thôn Đông, xã Tân Lập, huyện Kim Động, tỉnh Hưng Yên" for residential cells; else the unit's commune. */
  address: string;
}

/** Counters of what was generated, for tests, the bench report and the docs. */
export interface HistoryStats {
  women: number;
  probationary: number;
  /** Out of the Party today (deceased, struck off, left, expelled). */
  left: number;
  deceased: number;
  struckOff: number;
  allowedToLeave: number;
  expelled: number;
  readmitted: number;
  transfers: number;
  lateTransfers: number;
  inTransit: number;
  temporaryTransfers: number;
  temporarilyAway: number;
  exempted: number;
  lostContact: number;
  suspended: number;
  disciplines: number;
  awards: number;
  events: number;
}

/** CCCD province codes (Thông tư 59/2021/TT-BCA) of the 34 provincial units since 2025: the code of the unit's seat. */
export const CCCD_PROVINCE_CODES: Readonly<Record<string, string>> = {
  'Hà Nội': '001',
  'Cao Bằng': '004',
  'Tuyên Quang': '008',
  'Lào Cai': '010',
  'Điện Biên': '011',
  'Lai Châu': '012',
  'Sơn La': '014',
  'Thái Nguyên': '019',
  'Lạng Sơn': '020',
  'Quảng Ninh': '022',
  'Phú Thọ': '025',
  'Bắc Ninh': '027',
  'Hải Phòng': '031',
  'Hưng Yên': '033',
  'Ninh Bình': '037',
  'Thanh Hóa': '038',
  'Nghệ An': '040',
  'Hà Tĩnh': '042',
  'Quảng Trị': '045',
  Huế: '046',
  'Đà Nẵng': '048',
  'Quảng Ngãi': '051',
  'Khánh Hòa': '056',
  'Gia Lai': '064',
  'Đắk Lắk': '066',
  'Lâm Đồng': '068',
  'Tây Ninh': '072',
  'Đồng Nai': '075',
  'Hồ Chí Minh': '079',
  'Vĩnh Long': '086',
  'Đồng Tháp': '087',
  'An Giang': '089',
  'Cần Thơ': '092',
  'Cà Mau': '096',
};
const CCCD_CODES = Object.values(CCCD_PROVINCE_CODES);

// ---------------------------------------------------------------------------------------------------------------
// Distributions

type Weighted<T> = readonly (readonly [T, number])[];

const WOMEN_SHARE: Record<CellPool, number> = {
  village: 0.25,
  town: 0.32,
  ward: 0.36,
  agency: 0.36,
  hospital: 0.55,
  school: 0.65,
  enterprise: 0.33,
  military: 0.04,
  police: 0.1,
};

type Bands = Weighted<readonly [number, number]>;
const BIRTH_RESIDENTIAL: Bands = [
  [[1940, 1954], 16],
  [[1955, 1969], 30],
  [[1970, 1984], 29],
  [[1985, 1999], 21],
  [[2000, 2006], 4],
];
const BIRTH_WORKING: Bands = [
  [[1964, 1972], 22],
  [[1973, 1982], 32],
  [[1983, 1992], 30],
  [[1993, 2002], 16],
];
const BIRTH_ARMED: Bands = [
  [[1968, 1977], 15],
  [[1978, 1987], 30],
  [[1988, 1996], 35],
  [[1997, 2005], 20],
];
const ADMISSION_AGE: Bands = [
  [[18, 22], 14],
  [[23, 30], 45],
  [[31, 40], 29],
  [[41, 50], 9],
  [[51, 60], 3],
];
const ADMISSION_AGE_ARMED: Bands = [
  [[18, 22], 45],
  [[23, 30], 45],
  [[31, 40], 10],
];
const ADMISSION_AGE_RECENT: Bands = [
  [[18, 25], 55],
  [[26, 35], 33],
  [[36, 50], 10],
  [[51, 60], 2],
];

const MIN_BIRTH = '1940-01-01';
const MAX_BIRTH = '2006-12-31';

const RESIDENTIAL: ReadonlySet<CellPool> = new Set(['village', 'town', 'ward']);
const WORKING_POOLS: Weighted<CellPool> = [
  ['agency', 30],
  ['school', 22],
  ['hospital', 10],
  ['enterprise', 22],
  ['military', 8],
  ['police', 8],
];
const ALL_POOLS: readonly CellPool[] = ['village', 'town', 'ward', 'agency', 'hospital', 'school', 'enterprise', 'military', 'police'];

/** The catalogue code of each ethnic group by name, and the smaller groups "Khác" of the name generator stands for. */
const ETHNIC_CODE = new Map(ETHNIC_GROUPS.map((g) => [g.name, g.code]));
const OTHER_ETHNIC: Weighted<string> = [
  ['Gia Rai', 5],
  ['Ê Đê', 4],
  ['Ba Na', 3],
  ['Xơ Đăng', 2],
  ['Cơ Ho', 2],
  ['Hrê', 1.5],
  ['Mnông', 1.2],
  ['Thổ', 1],
  ['Giáy', 0.7],
  ['Khơ Mú', 1],
  ['Ra Glai', 1],
  ['Xtiêng', 0.9],
  ['Bru - Vân Kiều', 1],
  ['Cơ Tu', 0.7],
  ['Tà Ôi', 0.5],
  ['Mạ', 0.4],
  ['Gié Triêng', 0.6],
  ['Co', 0.4],
  ['Chơ Ro', 0.3],
  ['Hà Nhì', 0.3],
  ['Kháng', 0.2],
  ['Lào', 0.2],
  ['La Chí', 0.2],
  ['Phù Lá', 0.1],
  ['Lự', 0.1],
  ['Chứt', 0.1],
  ['Ngái', 0.05],
];

const RELIGION_DEFAULT: Weighted<string> = [
  ['khong', 92],
  ['phat_giao', 4.2],
  ['cong_giao', 2.4],
  ['tin_lanh', 0.3],
  ['cao_dai', 0.5],
  ['hoa_hao', 0.4],
  ['khac', 0.2],
];
const RELIGION_BY_ETHNICITY: Record<string, Weighted<string>> = {
  Khmer: [
    ['phat_giao', 62],
    ['khong', 38],
  ],
  Hoa: [
    ['khong', 70],
    ['phat_giao', 27],
    ['cong_giao', 3],
  ],
  Chăm: [
    ['khong', 55],
    ['hoi_giao', 25],
    ['khac', 20],
  ],
  Mông: [
    ['khong', 85],
    ['tin_lanh', 15],
  ],
  'Gia Rai': [
    ['khong', 80],
    ['tin_lanh', 14],
    ['cong_giao', 6],
  ],
  'Ê Đê': [
    ['khong', 78],
    ['tin_lanh', 16],
    ['cong_giao', 6],
  ],
  'Ba Na': [
    ['khong', 80],
    ['cong_giao', 14],
    ['tin_lanh', 6],
  ],
};

const PROFESSIONAL: Record<CellPool, Weighted<string>> = {
  village: [
    ['chua_dao_tao', 52],
    ['so_cap', 10],
    ['trung_cap', 17],
    ['cao_dang', 7],
    ['dai_hoc', 13],
    ['thac_si', 1],
  ],
  town: [
    ['chua_dao_tao', 35],
    ['so_cap', 8],
    ['trung_cap', 20],
    ['cao_dang', 9],
    ['dai_hoc', 25],
    ['thac_si', 3],
  ],
  ward: [
    ['chua_dao_tao', 25],
    ['so_cap', 6],
    ['trung_cap', 18],
    ['cao_dang', 10],
    ['dai_hoc', 36],
    ['thac_si', 5],
  ],
  agency: [
    ['trung_cap', 5],
    ['cao_dang', 3],
    ['dai_hoc', 68],
    ['thac_si', 22],
    ['tien_si', 2],
  ],
  hospital: [
    ['trung_cap', 18],
    ['cao_dang', 15],
    ['dai_hoc', 47],
    ['thac_si', 17],
    ['tien_si', 3],
  ],
  school: [
    ['trung_cap', 3],
    ['cao_dang', 18],
    ['dai_hoc', 66],
    ['thac_si', 12],
    ['tien_si', 1],
  ],
  enterprise: [
    ['chua_dao_tao', 12],
    ['so_cap', 10],
    ['trung_cap', 20],
    ['cao_dang', 12],
    ['dai_hoc', 41],
    ['thac_si', 5],
  ],
  military: [
    ['so_cap', 6],
    ['trung_cap', 26],
    ['cao_dang', 10],
    ['dai_hoc', 50],
    ['thac_si', 8],
  ],
  police: [
    ['so_cap', 4],
    ['trung_cap', 26],
    ['cao_dang', 8],
    ['dai_hoc', 54],
    ['thac_si', 8],
  ],
};

const FIELDS: Record<CellPool, readonly string[]> = {
  village: ['Trồng trọt', 'Chăn nuôi - Thú y', 'Kế toán', 'Quản lý đất đai', 'Sư phạm Tiểu học', 'Điều dưỡng'],
  town: ['Kế toán', 'Luật', 'Quản trị kinh doanh', 'Xây dựng dân dụng', 'Sư phạm Ngữ văn', 'Điện công nghiệp'],
  ward: ['Kế toán', 'Luật', 'Quản trị kinh doanh', 'Tài chính - Ngân hàng', 'Công nghệ thông tin', 'Xây dựng dân dụng'],
  agency: [
    'Luật',
    'Kinh tế',
    'Hành chính học',
    'Kế toán',
    'Tài chính - Ngân hàng',
    'Quản lý nhà nước',
    'Quản lý đất đai',
    'Công nghệ thông tin',
    'Xây dựng Đảng và Chính quyền nhà nước',
  ],
  hospital: ['Y đa khoa', 'Điều dưỡng', 'Dược', 'Y học cổ truyền', 'Xét nghiệm y học', 'Y tế công cộng'],
  school: [
    'Sư phạm Toán',
    'Sư phạm Ngữ văn',
    'Sư phạm Tiếng Anh',
    'Sư phạm Vật lý',
    'Sư phạm Hóa học',
    'Sư phạm Lịch sử',
    'Sư phạm Tiểu học',
    'Giáo dục Mầm non',
  ],
  enterprise: ['Kỹ thuật điện', 'Kế toán', 'Quản trị kinh doanh', 'Cơ khí chế tạo', 'Xây dựng', 'Tài chính - Ngân hàng', 'Công nghệ may'],
  military: ['Chỉ huy tham mưu', 'Công tác đảng, công tác chính trị', 'Hậu cần quân sự', 'Kỹ thuật quân sự'],
  police: ['Điều tra hình sự', 'An ninh điều tra', 'Cảnh sát giao thông', 'Phòng cháy, chữa cháy', 'Luật'],
};

/** Positions by pool, with the theory level they usually go with ('lead' = leadership posts). */
const POSITIONS: Record<CellPool, Weighted<readonly [string, 'lead' | 'staff']>> = {
  village: [],
  town: [],
  ward: [],
  agency: [
    [['Chuyên viên', 'staff'], 62],
    [['Phó Trưởng phòng', 'lead'], 13],
    [['Trưởng phòng', 'lead'], 8],
    [['Phó Giám đốc', 'lead'], 2.5],
    [['Giám đốc', 'lead'], 1],
    [['Nhân viên', 'staff'], 10],
    [['Kế toán', 'staff'], 3.5],
  ],
  hospital: [
    [['Bác sĩ', 'staff'], 34],
    [['Điều dưỡng', 'staff'], 34],
    [['Dược sĩ', 'staff'], 6],
    [['Kỹ thuật viên', 'staff'], 8],
    [['Phó Trưởng khoa', 'lead'], 7],
    [['Trưởng khoa', 'lead'], 5],
    [['Phó Giám đốc', 'lead'], 1.5],
    [['Giám đốc', 'lead'], 0.5],
    [['Nhân viên', 'staff'], 4],
  ],
  school: [
    [['Giáo viên', 'staff'], 78],
    [['Tổ trưởng chuyên môn', 'staff'], 10],
    [['Phó Hiệu trưởng', 'lead'], 5],
    [['Hiệu trưởng', 'lead'], 2.5],
    [['Nhân viên', 'staff'], 4.5],
  ],
  enterprise: [
    [['Công nhân', 'staff'], 32],
    [['Nhân viên', 'staff'], 28],
    [['Kỹ sư', 'staff'], 15],
    [['Tổ trưởng sản xuất', 'staff'], 9],
    [['Trưởng phòng', 'lead'], 9],
    [['Phó Giám đốc', 'lead'], 4],
    [['Giám đốc', 'lead'], 1.5],
    [['Kế toán trưởng', 'staff'], 1.5],
  ],
  military: [
    [['Trợ lý', 'staff'], 40],
    [['Chiến sĩ', 'staff'], 14],
    [['Trung đội trưởng', 'staff'], 16],
    [['Đại đội trưởng', 'lead'], 12],
    [['Chính trị viên', 'lead'], 8],
    [['Tiểu đoàn trưởng', 'lead'], 4],
    [['Chỉ huy trưởng', 'lead'], 2],
    [['Nhân viên', 'staff'], 4],
  ],
  police: [
    [['Cán bộ', 'staff'], 44],
    [['Điều tra viên', 'staff'], 14],
    [['Phó Đội trưởng', 'lead'], 14],
    [['Đội trưởng', 'lead'], 9],
    [['Phó Trưởng phòng', 'lead'], 5],
    [['Trưởng phòng', 'lead'], 2],
    [['Chiến sĩ', 'staff'], 12],
  ],
};
const VILLAGE_POSTS: Weighted<string | null> = [
  [null, 86],
  ['Trưởng thôn', 5],
  ['Chi hội trưởng Hội Nông dân', 3],
  ['Chi hội trưởng Hội Cựu chiến binh', 3],
  ['Bí thư Chi đoàn', 3],
];
const QUARTER_POSTS: Weighted<string | null> = [
  [null, 88],
  ['Tổ trưởng tổ dân phố', 5],
  ['Trưởng ban công tác Mặt trận', 4],
  ['Chi hội trưởng Hội Cựu chiến binh', 3],
];

const THEORY: Record<CellPool | 'lead', Weighted<string>> = {
  village: [
    ['chua', 38],
    ['so_cap', 47],
    ['trung_cap', 13],
    ['cao_cap', 2],
  ],
  town: [
    ['chua', 30],
    ['so_cap', 48],
    ['trung_cap', 18],
    ['cao_cap', 4],
  ],
  ward: [
    ['chua', 28],
    ['so_cap', 46],
    ['trung_cap', 21],
    ['cao_cap', 5],
  ],
  agency: [
    ['chua', 3],
    ['so_cap', 32],
    ['trung_cap', 46],
    ['cao_cap', 15],
    ['cu_nhan', 4],
  ],
  hospital: [
    ['chua', 22],
    ['so_cap', 52],
    ['trung_cap', 23],
    ['cao_cap', 3],
  ],
  school: [
    ['chua', 25],
    ['so_cap', 52],
    ['trung_cap', 21],
    ['cao_cap', 2],
  ],
  enterprise: [
    ['chua', 34],
    ['so_cap', 46],
    ['trung_cap', 17],
    ['cao_cap', 3],
  ],
  military: [
    ['chua', 4],
    ['so_cap', 30],
    ['trung_cap', 46],
    ['cao_cap', 15],
    ['cu_nhan', 5],
  ],
  police: [
    ['chua', 4],
    ['so_cap', 32],
    ['trung_cap', 46],
    ['cao_cap', 14],
    ['cu_nhan', 4],
  ],
  lead: [
    ['trung_cap', 30],
    ['cao_cap', 58],
    ['cu_nhan', 12],
  ],
};

const DISCIPLINE_REASONS: Record<'reprimand' | 'warning' | 'removal' | 'expulsion', readonly string[]> = {
  reprimand: [
    'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
    'Vi phạm quy định về những điều đảng viên không được làm',
    'Không thực hiện đúng quy định về sinh hoạt đảng',
    'Vi phạm Luật Giao thông đường bộ (điều khiển phương tiện khi trong máu có nồng độ cồn)',
    'Vi phạm chính sách dân số',
  ],
  warning: [
    'Vi phạm quy định về quản lý, sử dụng đất đai',
    'Vi phạm trong quản lý tài chính, tài sản công',
    'Vi phạm quy định về những điều đảng viên không được làm',
    'Thiếu trách nhiệm, buông lỏng quản lý để cấp dưới vi phạm',
  ],
  removal: [
    'Vi phạm nguyên tắc tập trung dân chủ, quy chế làm việc',
    'Vi phạm trong quản lý đầu tư xây dựng cơ bản',
    'Thiếu trách nhiệm trong lãnh đạo, chỉ đạo để xảy ra sai phạm kéo dài',
  ],
  expulsion: [
    'Vi phạm pháp luật đến mức bị truy cứu trách nhiệm hình sự',
    'Tham nhũng, lợi dụng chức vụ, quyền hạn trong khi thi hành công vụ',
    'Vi phạm nghiêm trọng quy định về những điều đảng viên không được làm',
  ],
};
const DISCIPLINE_DELAY_MONTHS = { reprimand: 6, warning: 9, removal: 12 } as const;
const MILESTONES = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
const LATE_REASONS = ['Ốm điều trị dài ngày', 'Chờ hoàn tất thủ tục chuyển công tác', 'Đi công tác dài ngày', 'Gia đình có việc đột xuất'];

// ---------------------------------------------------------------------------------------------------------------
// The generator

type Episode =
  | { kind: 'transfer'; from: string; to: string }
  | { kind: 'temporary'; from: string; to: string; until: string; training: boolean }
  | { kind: 'exemption'; from: string; to: string }
  | { kind: 'lost_contact'; from: string; to: string }
  | { kind: 'suspension'; from: string; to: string }
  | { kind: 'discipline'; from: string; to: string; form: 'reprimand' | 'warning' | 'removal' };

type Leaving = 'deceased' | 'struck_off' | 'allowed_to_leave' | 'expelled';

export interface MemberGeneratorOptions {
  rng: Rng;
  ids: UuidFactory;
  today: string;
  provinceName: string;
  /** "tỉnh Hưng Yên" */
  provinceLabel: string;
  /** Former communes of the province with their district: "xã Tân Lập, huyện Kim Động". */
  communes: readonly string[];
  cells: readonly CellRef[];
}

let workingCalendar: ReturnType<typeof createWorkingCalendar> | null = null;
/** Working days from the letter to the arrival (the calendar covers 2000–2035; before, weekdays × 5/7). */
function workingDaysBetween(from: string, to: string): number {
  if (from < '2000-01-01' || to > '2035-12-31') return Math.round((daysFrom(from, to) * 5) / 7);
  workingCalendar ??= createWorkingCalendar();
  return workingCalendar.workingDaysBetween(from, to);
}

/**
 * Date arithmetic on 'YYYY-MM-DD' without Date objects (civil-from-days, H. Hinnant): the generator moves dates a few
 * dozen times per member, and at province scale Date parsing dominated its time.
 */
function dayNumber(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const PAD2: string[] = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${PAD2[m]}-${PAD2[d]}`;
}

/** The date `days` later (earlier when negative). */
export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** A date in [from, to], both included. */
function dateBetween(rng: Rng, from: string, to: string): string {
  const a = dayNumber(from);
  return fromDayNumber(a + rng.int(0, dayNumber(to) - a));
}

/** Generates members one at a time into flat row arrays (see the file header). */
export class MemberGenerator {
  readonly members: MemberRow[] = [];
  readonly events: MemberEventRow[] = [];
  readonly disciplines: MemberDisciplineRow[] = [];
  readonly awards: MemberBadgeAwardRow[] = [];
  readonly stats: HistoryStats = {
    women: 0,
    probationary: 0,
    left: 0,
    deceased: 0,
    struckOff: 0,
    allowedToLeave: 0,
    expelled: 0,
    readmitted: 0,
    transfers: 0,
    lateTransfers: 0,
    inTransit: 0,
    temporaryTransfers: 0,
    temporarilyAway: 0,
    exempted: 0,
    lostContact: 0,
    suspended: 0,
    disciplines: 0,
    awards: 0,
    events: 0,
  };

  private readonly rng: Rng;
  private readonly today: string;
  private readonly cells: readonly CellRef[];
  private readonly byPool = new Map<CellPool, number[]>();
  private readonly provinceCode: string;
  private readonly cccdSerial = new Map<string, number>();
  private readonly lastAnniversary: string;
  private seq = 0;
  // Scratch state of the member being generated (reset by `add`).
  private evs: MemberEvent[] = [];
  private rows: MemberEventRow[] = [];
  private memberId = '';
  private roll = '';

  constructor(private readonly o: MemberGeneratorOptions) {
    this.rng = o.rng;
    this.today = o.today;
    this.cells = o.cells;
    o.cells.forEach((c, i) => {
      const list = this.byPool.get(c.pool) ?? [];
      list.push(i);
      this.byPool.set(c.pool, list);
    });
    this.provinceCode = CCCD_PROVINCE_CODES[o.provinceName] ?? '033';
    this.lastAnniversary = this.previousAnniversary(o.today);
  }

  /** The latest presentation day on or before the date. */
  private previousAnniversary(date: string): string {
    let best = '';
    for (const y of [Number(date.slice(0, 4)) - 1, Number(date.slice(0, 4))]) {
      for (const md of ['02-03', '05-19', '09-02', '11-07']) {
        const d = `${y}-${md}`;
        if (d <= date && d > best) best = d;
      }
    }
    return best;
  }

  /** One member whose roll today (or last roll) is `cell`; `probationary` asks for one admitted in the last year. */
  add(cell: CellRef, probationary: boolean): void {
    const { rng, today } = this;
    const pool = cell.pool;
    const gender: Gender = rng.chance(WOMEN_SHARE[pool]) ? 'nu' : 'nam';
    const armed = pool === 'military' || pool === 'police';
    let birth: string;
    let admitted: string;
    if (probationary) {
      admitted = dateBetween(rng, addDays(today, -340), addDays(today, -1));
      const age = band(rng, ADMISSION_AGE_RECENT);
      birth = addDays(addYears(admitted, -age), -rng.int(0, 364));
      birth = minDate(birth, minDate(MAX_BIRTH, addYears(admitted, -18)));
      birth = maxDate(birth, maxDate(MIN_BIRTH, addDays(addYears(admitted, -61), 1)));
    } else {
      // Late enough that the probation is over and the recognition recorded.
      const latest = addDays(addYears(today, -1), -90);
      const year = band(rng, armed ? BIRTH_ARMED : RESIDENTIAL.has(pool) ? BIRTH_RESIDENTIAL : BIRTH_WORKING);
      birth = dateBetween(rng, `${year}-01-01`, `${year}-12-31`);
      if (addYears(birth, 18) > latest) birth = addYears(latest, -rng.int(19, 40));
      const age = band(rng, armed ? ADMISSION_AGE_ARMED : ADMISSION_AGE);
      admitted = addDays(addYears(birth, age), rng.int(0, 364));
      if (admitted > latest) admitted = dateBetween(rng, addYears(birth, 18), latest);
    }
    const ceremony = minDate(addDays(admitted, rng.int(7, 40)), today);
    const birthYear = Number(birth.slice(0, 4));
    const ethnicityName = pickEthnicity(rng);
    const name = personName(rng, gender, { ethnicity: ethnicityName, birthYear });

    this.memberId = this.o.ids();
    this.evs = [];
    this.rows = [];
    const disciplinesBefore = this.disciplines.length;
    this.history(cell, admitted, ceremony, birth, probationary);
    const derived = derivedColumns(this.evs, today);
    this.badges(derived.status, disciplinesBefore);
    for (const r of this.rows) this.events.push(r);
    this.stats.events += this.rows.length;

    const st = this.stats;
    if (gender === 'nu') st.women++;
    if (derived.official_on == null) st.probationary++;
    if (derived.left_on) st.left++;
    if (derived.status === 'in_transit') st.inTransit++;
    if (derived.status === 'temporarily_away') st.temporarilyAway++;

    const file = this.file(cell, gender, birth, ethnicityName, derived.official_on ?? null, derived.status);
    this.members.push({
      id: this.memberId,
      full_name: name.fullName,
      family_name: name.family,
      middle_name: name.middle,
      given_name: name.given,
      name_sort_key: personSortKey(name.fullName),
      gender,
      birth_date: birth,
      ceremony_on: ceremony,
      ...file,
      ...derived,
      org_id: derived.org_id ?? cell.id,
      admitted_on: derived.admitted_on ?? admitted,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Life history

  private history(cell: CellRef, admitted: string, ceremony: string, birth: string, probationary: boolean): void {
    const { rng, today } = this;
    if (probationary) {
      this.push({ kind: 'admitted', date: admitted, orgId: cell.id, ceremonyOn: ceremony, decisionNo: this.decision(admitted, 'admit') });
      // A few are reprimanded or warned while on probation (§6, §11).
      if (rng.chance(0.004) && addDays(ceremony, 30) < addDays(today, -15)) {
        this.discipline(dateBetween(rng, addDays(ceremony, 30), addDays(today, -15)), rng.chance(0.6) ? 'reprimand' : 'warning');
      }
      return;
    }
    const officialOn = officialDateFor(ceremony);
    const recognized = minDate(addDays(officialOn, rng.int(3, 40)), addDays(today, -2));

    // How the membership ends, if it has.
    const y = Number(birth.slice(0, 4));
    const pDeath = y < 1945 ? 0.35 : y < 1950 ? 0.22 : y < 1955 ? 0.12 : y < 1960 ? 0.06 : y < 1970 ? 0.02 : 0.005;
    let leaving: Leaving | null = null;
    let leftOn: string | null = null;
    const r = rng.next();
    if (r < pDeath) leaving = 'deceased';
    else if (r < pDeath + 0.005) leaving = 'struck_off';
    else if (r < pDeath + 0.0062) leaving = 'allowed_to_leave';
    else if (r < pDeath + 0.0072) leaving = 'expelled';
    if (leaving) {
      const lo = leaving === 'deceased' ? maxDate(addDays(recognized, 30), addYears(today, -10)) : addDays(recognized, 180);
      const hi = addDays(today, -3);
      if (lo < hi) leftOn = dateBetween(rng, lo, hi);
      else leaving = null;
    }
    const noReadmission = leaving === 'allowed_to_leave' || (leaving === 'struck_off' && rng.chance(0.6)) || (leaving === 'expelled' && rng.chance(0.5));
    let readmittedOn: string | null = null;
    if (leaving && leaving !== 'deceased' && !noReadmission && leftOn && addMonths(leftOn, 37) < today && rng.chance(0.7)) {
      readmittedOn = dateBetween(rng, addMonths(leftOn, 36), minDate(addYears(leftOn, 8), addDays(today, -2)));
    }

    // Episodes between the recognition and the end (leaving, or today).
    const end = leftOn ?? today;
    const episodes = this.plan(cell.pool, birth, recognized, end, leaving === null);
    // The rolls, from the last one back: the member ends on `cell` (or, readmitted, was on another before leaving).
    const transfers = episodes.filter((e) => e.kind === 'transfer').length;
    const rolls: string[] = new Array<string>(transfers + 1);
    let last = cell;
    if (readmittedOn && rng.chance(0.5)) last = this.otherCell(cell, cell.pool, admitted);
    rolls[transfers] = last.id;
    let later = last;
    let ti = transfers;
    for (let i = episodes.length - 1; i >= 0; i--) {
      const e = episodes[i]!;
      if (e.kind !== 'transfer') continue;
      const previous = this.previousCell(later, birth, e.from);
      rolls[--ti] = previous.id;
      later = previous;
    }

    this.roll = rolls[0]!;
    this.push({ kind: 'admitted', date: admitted, orgId: this.roll, ceremonyOn: ceremony, decisionNo: this.decision(admitted, 'admit') });
    this.push({ kind: 'recognized_official', date: recognized, officialOn, decisionNo: this.decision(recognized, 'admit') });
    let transferIndex = 0;
    for (const e of episodes) {
      switch (e.kind) {
        case 'transfer': {
          const to = rolls[++transferIndex]!;
          this.push({ kind: 'transfer_out_started', date: e.from, toOrgId: to, decisionNo: this.decision(e.from, 'transfer') });
          this.push({ kind: 'transfer_in_confirmed', date: e.to, orgId: to });
          this.stats.transfers++;
          break;
        }
        case 'temporary':
          this.push({
            kind: 'temporary_out',
            date: e.from,
            hostOrgId: this.otherCell(this.cellOf(this.roll), this.cellOf(this.roll).pool, e.from).id,
            until: e.until,
            training: e.training,
            decisionNo: this.decision(e.from, 'transfer'),
          });
          if (e.to <= end && e.to < today) this.push({ kind: 'temporary_return', date: e.to });
          this.stats.temporaryTransfers++;
          break;
        case 'exemption':
          this.push({ kind: 'exempted', date: e.from, decisionNo: this.decision(e.from, 'cell') });
          if (e.to < end) this.push({ kind: 'exemption_ended', date: e.to, decisionNo: this.decision(e.to, 'cell') });
          this.stats.exempted++;
          break;
        case 'lost_contact':
          this.push({ kind: 'lost_contact', date: e.from });
          if (e.to < end) this.push({ kind: 'contact_restored', date: e.to });
          this.stats.lostContact++;
          break;
        case 'suspension':
          this.push({ kind: 'suspended', date: e.from, decisionNo: this.decision(e.from, 'committee') });
          if (e.to < end) this.push({ kind: 'suspension_ended', date: e.to, decisionNo: this.decision(e.to, 'committee') });
          this.stats.suspended++;
          break;
        case 'discipline':
          this.discipline(e.from, e.form);
          break;
      }
    }
    // A handful are in transit today: the letter is out, the receiving cell has not confirmed yet.
    if (!leaving && this.rng.chance(0.0025)) {
      const lastDate = this.evs[this.evs.length - 1]!.date;
      const lastKind = this.evs[this.evs.length - 1]!.kind;
      const from = addDays(today, -this.rng.int(2, 45));
      if (
        from > lastDate &&
        ['recognized_official', 'transfer_in_confirmed', 'temporary_return', 'contact_restored', 'suspension_ended', 'exemption_ended'].includes(lastKind)
      ) {
        const to = this.otherCell(this.cellOf(this.roll), this.cellOf(this.roll).pool, from).id;
        this.push({ kind: 'transfer_out_started', date: from, toOrgId: to, decisionNo: this.decision(from, 'transfer') });
      }
    }
    if (leaving && leftOn) {
      const decisionNo = this.decision(leftOn, leaving === 'deceased' ? 'cell' : 'committee');
      if (leaving === 'deceased') {
        this.push({ kind: 'deceased', date: leftOn });
        this.stats.deceased++;
      } else if (leaving === 'struck_off') {
        this.push({ kind: 'struck_off', date: leftOn, noReadmission, decisionNo });
        this.stats.struckOff++;
      } else if (leaving === 'allowed_to_leave') {
        this.push({ kind: 'allowed_to_leave', date: leftOn, noReadmission, decisionNo });
        this.stats.allowedToLeave++;
      } else {
        const d = this.discipline(leftOn, 'expulsion');
        this.push({ kind: 'expelled', date: leftOn, noReadmission, decisionNo: d });
        this.stats.expelled++;
      }
    }
    if (readmittedOn) {
      const c2 = minDate(addDays(readmittedOn, rng.int(7, 35)), today);
      this.push({ kind: 'readmitted', date: readmittedOn, orgId: cell.id, ceremonyOn: c2, decisionNo: this.decision(readmittedOn, 'admit') });
      this.roll = cell.id;
      const o2 = officialDateFor(c2);
      const r2 = addDays(o2, rng.int(3, 40));
      if (r2 < today) this.push({ kind: 'recognized_official', date: r2, officialOn: o2, decisionNo: this.decision(r2, 'admit') });
      this.stats.readmitted++;
    }
  }

  /**
   * The episodes of one official member's life between `from` and `to`, in order and never overlapping, each
   * starting after the previous one ended. `open` allows the last to stay open at `to` (today).
   */
  private plan(p: CellPool, birth: string, from: string, to: string, open: boolean): Episode[] {
    const { rng, today } = this;
    const wanted: Episode[] = [];
    const lo = addDays(from, 20);
    if (lo >= addDays(to, -30)) return wanted;
    const old = birth <= addYears(today, -58);
    const residential = RESIDENTIAL.has(p);
    // Official transfers: working people change jobs, the retired come home, soldiers are posted.
    let n = 0;
    const t = rng.next();
    if (residential) n = old ? (t < 0.55 ? 1 : t < 0.7 ? 2 : 0) : t < 0.22 ? 1 : t < 0.27 ? 2 : 0;
    else if (p === 'military' || p === 'police') n = t < 0.4 ? 1 : t < 0.6 ? 2 : t < 0.68 ? 3 : 0;
    else n = t < 0.33 ? 1 : t < 0.45 ? 2 : t < 0.49 ? 3 : 0;
    for (let i = 0; i < n; i++) {
      const start = dateBetween(rng, lo, to);
      const late = rng.chance(0.04);
      wanted.push({ kind: 'transfer', from: start, to: addDays(start, late ? rng.int(46, 120) : rng.int(2, 32)) });
    }
    if (!residential && rng.chance(0.035)) {
      const start = dateBetween(rng, lo, to);
      const training = rng.chance(0.35);
      const until = training ? addMonths(start, rng.int(6, 24)) : addDays(addMonths(start, rng.int(3, 11)), rng.int(0, 20));
      wanted.push({ kind: 'temporary', from: start, to: addDays(until, rng.int(-10, 10)), until, training });
    }
    if (rng.chance(0.004)) {
      const start = dateBetween(rng, lo, to);
      wanted.push({ kind: 'exemption', from: start, to: addDays(start, rng.int(180, 720)) });
    }
    if (rng.chance(residential ? 0.006 : 0.002)) {
      const start = dateBetween(rng, lo, to);
      wanted.push({ kind: 'lost_contact', from: start, to: addDays(start, rng.int(90, 700)) });
    }
    if (rng.chance(0.0015)) {
      const start = dateBetween(rng, lo, to);
      wanted.push({ kind: 'suspension', from: start, to: addDays(start, rng.int(90, 360)) });
    }
    const recent = maxDate(lo, addYears(today, -20));
    if (rng.chance(0.0045) && recent < addDays(to, -20)) {
      // Discipline keeps the member where he is until it lapses (§7, §11): nothing else happens meanwhile.
      const start = dateBetween(rng, recent, addDays(to, -20));
      const form = rng.weighted([
        ['reprimand', 55],
        ['warning', 30],
        ['removal', residential ? 0 : 15],
      ] as const);
      wanted.push({ kind: 'discipline', from: start, to: addMonths(addDays(start, 20), 12), form });
    }
    // In order; an episode that would overlap the previous one moves after it, or is dropped.
    wanted.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const out: Episode[] = [];
    let cursor = from;
    for (const e of wanted) {
      if (e.from <= addDays(cursor, 1)) {
        const shift = daysFrom(e.from, addDays(cursor, rng.int(30, 400)));
        e.from = addDays(e.from, shift);
        e.to = addDays(e.to, shift);
        if (e.kind === 'temporary') e.until = addDays(e.until, shift);
      }
      if (e.from >= addDays(to, -2)) continue;
      // Only a transfer must finish before the end; the others may stay open when allowed.
      const closes = e.to < addDays(to, -1);
      if (!closes && (e.kind === 'transfer' || (!open && e.kind !== 'discipline'))) continue;
      if (e.kind === 'temporary' && !closes && e.until <= today) continue;
      out.push(e);
      if (!closes) break;
      cursor = e.to;
    }
    // The elderly in village and quarter cells are often exempt from activities (age, illness), until death.
    const last = out.at(-1);
    if (residential && birth <= addYears(to, -72) && rng.chance(0.3) && (!last || last.to < addDays(to, -60))) {
      const start = maxDate(addDays(last ? last.to : from, rng.int(30, 200)), addDays(addYears(birth, 70), rng.int(0, 1500)));
      if (start < addDays(to, -3)) out.push({ kind: 'exemption', from: start, to: addDays(to, 1) });
    }
    return out;
  }

  /** Records a discipline decision dated `decidedOn`; returns its number. */
  private discipline(decidedOn: string, form: 'reprimand' | 'warning' | 'removal' | 'expulsion'): string {
    const rng = this.rng;
    const before2025 = decidedOn < '2025-07-01';
    let level: string;
    let no: string;
    if (form === 'expulsion') [level, no] = before2025 ? ['Ủy ban Kiểm tra Huyện ủy', 'UBKTHU'] : ['Ủy ban Kiểm tra Đảng ủy', 'UBKTĐU'];
    else if (form === 'removal') [level, no] = before2025 ? ['Ban Thường vụ Huyện ủy', 'HU'] : ['Ban Thường vụ Đảng ủy', 'ĐU'];
    else [level, no] = rng.chance(0.6) ? ['Chi bộ', 'CB'] : ['Đảng ủy', 'ĐU'];
    const decisionNo = `${rng.int(1, 399)}-QĐ/${no}`;
    this.disciplines.push({
      id: this.o.ids(),
      subject_kind: 'member',
      member_id: this.memberId,
      subject_org_id: this.roll || null,
      form,
      deciding_label: level,
      decision_no: decisionNo,
      decided_on: decidedOn,
      announced_on: minDate(addDays(decidedOn, rng.int(2, 14)), this.today),
      violation_on: addDays(decidedOn, -rng.int(30, 330)),
      violation_level: form,
      reason: rng.pick(DISCIPLINE_REASONS[form]),
    });
    this.stats.disciplines++;
    return decisionNo;
  }

  /**
   * Badges: a milestone reached before the last anniversary was mostly awarded at the first anniversary after it
   * (later when a discipline delayed it); a few are still owed.
   */
  private badges(status: string, disciplinesFrom: number): void {
    const first = this.evs[0]!.date;
    if (first > addYears(this.lastAnniversary, -30)) return;
    const reached = reachDates(this.evs, MILESTONES);
    let periods: StatusPeriod[] | null = null;
    for (let i = 0; i < MILESTONES.length; i++) {
      const on = reached[i];
      if (!on || on > this.lastAnniversary) continue;
      let at = nextAnniversary(on);
      for (let k = disciplinesFrom; k < this.disciplines.length; k++) {
        const d = this.disciplines[k]!;
        if (d.form === 'expulsion') continue;
        const until = addMonths(d.decided_on, DISCIPLINE_DELAY_MONTHS[d.form]);
        if (d.decided_on <= at && at < addMonths(d.announced_on, 12) && until > at) at = nextAnniversary(until);
      }
      if (at > this.lastAnniversary || !this.rng.chance(status === 'deceased' ? 0.97 : 0.95)) continue;
      periods ??= statusPeriods(this.evs);
      const p = periods.find((x) => x.from <= at && (x.to === null || at < x.to));
      if (!p || p.membership !== 'official' || !['active', 'exempt', 'temporarily_away'].includes(p.status)) continue;
      this.awards.push({
        id: this.o.ids(),
        member_id: this.memberId,
        milestone: MILESTONES[i]!,
        awarded_on: at,
        decision_no: `${100 + (hashString(`${at}:${MILESTONES[i]}`) % 900)}-QĐ/TU`,
        early_reason: null,
      });
      this.stats.awards++;
    }
  }

  /** Appends a domain event and its row (strictly after the previous event: the rows carry no order of their own). */
  private push(e: MemberEvent): void {
    const prev = this.evs[this.evs.length - 1];
    if (prev && e.date <= prev.date) e.date = addDays(prev.date, 1);
    this.evs.push(e);
    const details: Record<string, unknown> = {};
    let orgId: string | null = this.roll || null;
    let toOrgId: string | null = null;
    switch (e.kind) {
      case 'admitted':
      case 'readmitted':
        orgId = e.orgId;
        if (e.ceremonyOn) details.ceremonyOn = e.ceremonyOn;
        break;
      case 'recognized_official':
        if (e.officialOn) details.officialOn = e.officialOn;
        break;
      case 'transfer_out_started':
        toOrgId = e.toOrgId ?? null;
        break;
      case 'transfer_in_confirmed': {
        orgId = e.orgId;
        const out = this.evs[this.evs.length - 2]!;
        const used = workingDaysBetween(out.date, e.date);
        details.workingDaysInTransit = used;
        if (used > 30) {
          details.late = true;
          details.lateReason = this.rng.pick(LATE_REASONS);
          this.stats.lateTransfers++;
        }
        this.roll = e.orgId;
        break;
      }
      case 'temporary_out':
        orgId = null;
        toOrgId = e.hostOrgId;
        details.until = e.until;
        details.training = e.training === true;
        break;
      case 'struck_off':
      case 'allowed_to_leave':
      case 'expelled':
        if (e.noReadmission) details.noReadmission = true;
        break;
      default:
        break;
    }
    if (e.kind === 'admitted' || e.kind === 'readmitted') this.roll = e.orgId;
    this.rows.push({
      id: this.o.ids(),
      member_id: this.memberId,
      kind: e.kind,
      effective_date: e.date,
      decision_no: e.decisionNo ?? null,
      decision_date: e.decisionNo
        ? e.kind === 'admitted' || e.kind === 'readmitted' || e.kind === 'transfer_out_started'
          ? e.date
          : addDays(e.date, -this.rng.int(0, 10))
        : null,
      org_id: orgId,
      to_org_id: toOrgId,
      details: JSON.stringify(details),
      actor_id: null,
    });
  }

  /**
   * "123-QĐ/HU": admissions, transfers (introduction letters, "GT") and committee decisions came from the district
   * committee before 1 July 2025 and from the commune's since; the grassroots committee decides on exemptions.
   */
  private decision(date: string, what: 'admit' | 'transfer' | 'cell' | 'committee'): string {
    const issuer = what === 'cell' || date >= '2025-07-01' ? 'ĐU' : 'HU';
    return `${this.rng.int(1, 999)}-${what === 'transfer' ? 'GT' : 'QĐ'}/${issuer}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Cells

  private readonly cellIndex = new Map<string, number>();
  private cellOf(id: string): CellRef {
    if (this.cellIndex.size === 0) this.cells.forEach((c, i) => this.cellIndex.set(c.id, i));
    return this.cells[this.cellIndex.get(id)!]!;
  }

  /** A cell other than `not`, from the pool when it has one, preferring one that existed on the date. */
  private otherCell(not: CellRef, p: CellPool, on: string): CellRef {
    const list = this.byPool.get(p);
    let found: CellRef | null = null;
    for (let k = 0; k < 8; k++) {
      const c = list && list.length > 1 && k < 6 ? this.cells[this.rng.pick(list)]! : this.cells[this.rng.int(0, this.cells.length - 1)]!;
      if (c.id === not.id) continue;
      found = c;
      if (c.established <= on) break;
    }
    return found ?? this.cells.find((c) => c.id !== not.id) ?? not;
  }

  /** The cell a member left on a transfer into `later`: the retired often came home from an office or a unit. */
  private previousCell(later: CellRef, birth: string, on: string): CellRef {
    const rng = this.rng;
    let p: CellPool;
    if (RESIDENTIAL.has(later.pool) && birth <= addYears(on, -50) && rng.chance(0.75)) p = rng.weighted(WORKING_POOLS);
    else p = rng.chance(0.6) ? later.pool : rng.pick(ALL_POOLS);
    return this.otherCell(later, p, on);
  }

  // -------------------------------------------------------------------------------------------------------------
  // The file

  private file(cell: CellRef, gender: Gender, birth: string, ethnicityName: string, officialOn: string | null, status: string) {
    const { rng, today } = this;
    const p = cell.pool;
    const birthYear = Number(birth.slice(0, 4));
    const age = Number(today.slice(0, 4)) - birthYear;
    const ethnicity = ethnicityName === 'Khác' ? rng.weighted(OTHER_ETHNIC) : ethnicityName;
    const religion = rng.weighted(RELIGION_BY_ETHNICITY[ethnicity] ?? RELIGION_DEFAULT);
    const residential = RESIDENTIAL.has(p);
    // General education: 12/12 for nearly everyone of working age; older rural members often 7/10 or 9/12.
    let education = 'thpt';
    if (residential && birthYear < 1965)
      education = rng.weighted([
        ['thpt', 45],
        ['thcs', 47],
        ['tieu_hoc', 8],
      ] as const);
    else if (residential && birthYear < 1980)
      education = rng.weighted([
        ['thpt', 78],
        ['thcs', 22],
      ] as const);
    else if (residential) education = rng.chance(0.04) ? 'thcs' : 'thpt';
    let professional = rng.weighted(PROFESSIONAL[p]);
    if (residential && birthYear >= 1985 && professional === 'chua_dao_tao' && rng.chance(0.4)) professional = 'dai_hoc';
    if (education !== 'thpt' && ['cao_dang', 'dai_hoc', 'thac_si', 'tien_si'].includes(professional))
      professional = rng.chance(0.5) ? 'chua_dao_tao' : 'so_cap';
    const field = professional === 'chua_dao_tao' ? null : rng.pick(FIELDS[p]);
    const retiredAge = gender === 'nam' ? 61 : 57;
    let occupation: string;
    let workplace: string | null = cell.workplace;
    let position: string | null = null;
    let lead = false;
    if (residential) {
      workplace = null;
      if (age >= retiredAge && rng.chance(0.75)) occupation = 'nghi_huu';
      else if (p === 'village')
        occupation = rng.weighted([
          ['nong_dan', 60],
          ['khac', 24],
          ['cong_nhan', 12],
          ['hoc_sinh_sinh_vien', age < 24 ? 30 : 0],
          ['nghi_huu', age >= 55 ? 10 : 0],
        ] as const);
      else
        occupation = rng.weighted([
          ['khac', 55],
          ['cong_nhan', 20],
          ['nong_dan', 5],
          ['hoc_sinh_sinh_vien', age < 24 ? 20 : 0],
          ['nghi_huu', age >= 55 ? 15 : 0],
        ] as const);
      position = rng.weighted(p === 'village' ? VILLAGE_POSTS : QUARTER_POSTS);
    } else {
      occupation =
        p === 'agency'
          ? rng.chance(0.9)
            ? 'cong_chuc'
            : 'vien_chuc'
          : p === 'school' || p === 'hospital'
            ? 'vien_chuc'
            : p === 'enterprise'
              ? 'cong_nhan'
              : 'luc_luong_vu_trang';
      const [title, kind] = rng.weighted(POSITIONS[p]);
      position = title;
      lead = kind === 'lead' && age >= 32;
      if (kind === 'lead' && !lead) position = p === 'school' ? 'Giáo viên' : p === 'hospital' ? 'Bác sĩ' : 'Chuyên viên';
    }
    let theory = rng.weighted(lead ? THEORY.lead : THEORY[p]);
    if (officialOn == null && (theory === 'cao_cap' || theory === 'cu_nhan')) theory = 'so_cap';
    const stateManagement =
      occupation === 'cong_chuc'
        ? rng.weighted([
            [null, 30],
            ['chuyen_vien', 48],
            ['chuyen_vien_chinh', lead ? 40 : 18],
            ['chuyen_vien_cao_cap', lead ? 8 : 1],
          ] as const)
        : null;

    // Origin and addresses: most were born in the province, some elsewhere.
    const here = this.o.communes.length > 0 && rng.chance(0.78);
    const hometown = here
      ? residential && rng.chance(0.7)
        ? cell.address.replace(/^[^,]*, /, '')
        : `${rng.pick(this.o.communes)}, ${this.o.provinceLabel}`
      : elsewhere(rng.pick(PLACE_NAMES), rng.pick(DISTRICT_NAMES), rng.pick(PROVINCES_2025));
    const current = residential || this.o.communes.length === 0 ? cell.address : `${rng.pick(this.o.communes)}, ${this.o.provinceLabel}`;
    const permanent = rng.chance(0.9) ? current : hometown;

    // Papers: CCCD (province of registration, century and gender, year, serial), card and sheet numbers.
    const cccd = this.cccd(here || rng.chance(0.5) ? this.provinceCode : rng.pick(CCCD_CODES), gender, birthYear);
    this.seq++;
    const cardNo = officialOn ? String((this.seq * 7_654_321 + 13_579_111) % 100_000_000).padStart(8, '0') : null;
    const cardIssued = officialOn ? minDate(addDays(officialOn, rng.int(60, 700)), today) : null;
    const phone =
      status === 'deceased'
        ? rng.chance(0.2)
          ? this.phone()
          : null
        : age > 75
          ? rng.chance(0.35)
            ? this.phone()
            : null
          : rng.chance(0.8)
            ? this.phone()
            : null;
    return {
      birth_year: birthYear,
      cccd,
      sheet_no: String(this.seq).padStart(6, '0'),
      card_no: cardNo,
      card_issued_on: cardIssued,
      birthplace: rng.chance(0.85) ? hometown : current,
      hometown,
      permanent_address: permanent,
      current_address: current,
      ethnicity: ETHNIC_CODE.get(ethnicity) ?? '01',
      religion,
      phone,
      occupation,
      workplace,
      position,
      general_education: education,
      professional_level: professional,
      professional_field: field,
      theory_level: theory,
      state_management: stateManagement,
      youth_union_on: birthYear >= 1960 && rng.chance(0.7) ? dateBetween(rng, addYears(birth, 15), addYears(birth, 18)) : null,
    };
  }

  /**
   * 12 digits: 3 for the province, 1 for century and gender (1900s: 0 men, 1 women; 2000s: 2, 3), 2 for the year of
   * birth, 6 of serial. The serial is a counter per prefix pushed through a bijection of 0–999,999, so every number
   * is distinct without remembering the ones handed out.
   */
  private cccd(province: string, gender: Gender, birthYear: number): string {
    const century = (birthYear >= 2000 ? 2 : 0) + (gender === 'nu' ? 1 : 0);
    const prefix = `${province}${century}${String(birthYear % 100).padStart(2, '0')}`;
    const k = this.cccdSerial.get(prefix) ?? 0;
    this.cccdSerial.set(prefix, k + 1);
    const serial = (k * 737_411 + (hashString(prefix) % 1_000_000)) % 1_000_000;
    return `${prefix}${String(serial).padStart(6, '0')}`;
  }

  private phone(): string {
    const rng = this.rng;
    return `${rng.pick(['09', '03', '08', '07', '05'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  }
}

function band(rng: Rng, bands: Bands): number {
  const [lo, hi] = rng.weighted(bands);
  return rng.int(lo, hi);
}

/**
 * A birthplace in another province, in the two-tier form of today's addresses: "xã Tân Lập, tỉnh Nghệ An",
 * "thành phố Hồ Chí Minh" for a centrally-run city. No district: a drawn district name would be another province's.
 * (The district is still drawn, so the generation after it does not change.)
 */
function elsewhere(place: string, _district: string, province: { name: string; city: boolean }): string {
  return `xã ${place}, ${province.city ? 'thành phố' : 'tỉnh'} ${province.name}`;
}
