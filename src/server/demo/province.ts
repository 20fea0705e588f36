/**
 * A whole province as it stood before the 1 July 2025 reorganisation (province → districts and sector blocs →
 * grassroots organisations → cells, with a minimal member roster), plus the bulk reorganisation plan that removes
 * the district tier (domain.md §3). Everything is derived from the seed: same options, same rows, same ids.
 */
import { addDays } from '../../domain/dates.ts';
import { childPath } from '../../domain/org-path.ts';
import type { OrgTable, OrgVersionTable } from '../db/schema.ts';
import {
  CellNamer,
  companyName,
  districtNamer,
  FORMER_DISTRICTS,
  NEW_COMMUNES_2025,
  type CellPool,
  partyPrefix,
  patronNamer,
  placeNamer,
  PROVINCES_2025,
  type UniqueNamer,
} from './names.ts';
import { addYears, createRng, maxDate, minDate, type Rng } from './random.ts';
import { createUuidFactory, type UuidFactory } from './uuid.ts';
import {
  MemberGenerator,
  type CellRef,
  type HistoryStats,
  type MemberBadgeAwardRow,
  type MemberDisciplineRow,
  type MemberEventRow,
  type MemberRow,
} from './members.ts';
import type { ReorgOp } from '../../domain/reorg-plan.ts';

// ---------------------------------------------------------------------------------------------------------------
// Row and plan shapes

export type OrgRow = Omit<OrgTable, 'created_at'>;
export type OrgVersionRow = OrgVersionTable;
export interface OrgCreatedEvent {
  kind: 'created';
  effective_date: string;
  decision_no: string | null;
  decision_date: string | null;
}
/** One organisation as generated: its identity, its single version, the event that created it. */
export interface OrgSeedRow {
  org: OrgRow;
  version: OrgVersionRow;
  event: OrgCreatedEvent;
}

export type { MemberRow, MemberEventRow, MemberDisciplineRow, MemberBadgeAwardRow, HistoryStats };

/** The operations of a bulk reorganisation: the planner's own type (docs/api.md, "Bulk reorganisation"). */
export type { ReorgOp };

export interface ReorgInput {
  effectiveDate: string;
  decisionNo: string;
  decisionDate: string;
  operations: ReorgOp[];
}

// ---------------------------------------------------------------------------------------------------------------
// Tree building, shared with the national generator

export interface TreeNode {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  name: string;
  code: string;
  kind: string;
  sector: string | null;
  established: string;
  /** Codes handed out to children so far. */
  childSeq: number;
}

export interface NodeSpec {
  name: string;
  kind: string;
  sector?: string | null;
  established: string;
  /** Suffix of the creating decision's number: 'TU' gives "125-QĐ/TU". */
  issuer: string;
}

/** Makes tree nodes and their rows: id, path, depth, dotted code, 'created' event. */
export class TreeBuilder {
  constructor(
    private readonly ids: UuidFactory,
    private readonly rng: Rng,
    private readonly sink: (row: OrgSeedRow) => void,
  ) {}

  add(parent: TreeNode | null, spec: NodeSpec, rootCode = '01'): TreeNode {
    const id = this.ids();
    const seq = parent ? ++parent.childSeq : 0;
    const code = parent ? `${parent.code}.${String(seq).padStart(2, '0')}` : rootCode;
    const path = childPath(parent ? parent.path : null, id);
    const established = parent ? maxDate(spec.established, parent.established) : spec.established;
    const node: TreeNode = {
      id,
      parentId: parent ? parent.id : null,
      path,
      depth: parent ? parent.depth + 1 : 0,
      name: spec.name.normalize('NFC'),
      code,
      kind: spec.kind,
      sector: spec.sector ?? null,
      established,
      childSeq: 0,
    };
    // Decisions from the first years often carry no number in the records that survive.
    const undocumented = established < '1960-01-01' && this.rng.chance(0.5);
    this.sink({
      org: { id, established_on: established, ended_on: null, end_reason: null, current_path: path },
      version: {
        id: this.ids(),
        org_id: id,
        valid_from: established,
        valid_to: null,
        parent_id: node.parentId,
        path,
        depth: node.depth,
        name: node.name,
        code,
        kind_code: node.kind,
        sector_code: node.sector,
      },
      event: {
        kind: 'created',
        effective_date: established,
        decision_no: undocumented ? null : `${this.rng.int(1, 999)}-QĐ/${spec.issuer}`,
        decision_date: undocumented ? null : addDays(established, -this.rng.int(0, 25)),
      },
    });
    return node;
  }
}

/**
 * A date in [from, to] that is never before `notBefore`; when notBefore is past `to` it stays within a few years
 * of notBefore and not after `cap`.
 */
export function dateAfter(rng: Rng, notBefore: string, from: string, to: string, cap = '2025-06-30'): string {
  const lo = maxDate(notBefore, from);
  const hi = to >= lo ? to : minDate(addYears(lo, 3), cap);
  return rng.dateBetween(lo, maxDate(lo, hi));
}

// ---------------------------------------------------------------------------------------------------------------
// Grassroots templates

/** What happens to an organisation under a district in the 2025 reorganisation. */
type Role =
  | 'commune' // the former commune/town/ward committee: moves under its new commune
  | 'local' // schools, clinics, co-operatives of one commune: move under that commune's new committee
  | 'seat' // district government bodies: move under the commune that holds the district seat, renamed
  | 'agency' // deconcentrated and district-wide services: move to the province's agencies bloc
  | 'enterprise' // enterprises: to the enterprise bloc (private ones sometimes stay local)
  | 'military'
  | 'police';

type DistrictLabel = 'huyện' | 'thị xã' | 'thành phố' | 'quận';

interface DistrictCtx {
  node: TreeNode;
  label: DistrictLabel;
  place: string;
  /** "huyện Kim Động" */
  phrase: string;
  communes: GrassrootsNode[];
  grassroots: GrassrootsNode[];
}

interface GrassrootsNode extends TreeNode {
  role: Role;
  pool: CellPool;
  /** For former communes: the place name and its label ('xã', 'phường', 'thị trấn'). */
  local?: { label: string; place: string };
  /** The former commune an organisation belongs to, for 'local' roles. */
  home?: GrassrootsNode;
  /** Name (without party prefix) after 1 July 2025 where the unit is renamed; {seat} is replaced by the new commune. */
  after?: string;
  cells: TreeNode[];
  members: number;
}

interface Template {
  role: Role;
  sector: string;
  /** Share of đảng bộ cơ sở (with cells) rather than chi bộ cơ sở. */
  dangBo: number;
  pool: CellPool;
  years: [string, string];
  name: (d: DistrictCtx, rng: Rng, ctx: ProvinceCtx) => string;
  after?: (d: DistrictCtx) => string;
  /** May appear once per district only. */
  once?: boolean;
}

const toArea = (d: DistrictCtx) => (name: string) => name.replace(d.phrase, `khu vực ${d.place}`);

function committeeTitle(label: DistrictLabel): string {
  return label === 'huyện' ? 'Huyện ủy' : label === 'thị xã' ? 'Thị ủy' : label === 'quận' ? 'Quận ủy' : 'Thành ủy';
}

const SEAT_TEMPLATES: Template[] = [
  {
    role: 'seat',
    sector: 'co_quan_hanh_chinh',
    dangBo: 0.85,
    pool: 'agency',
    years: ['1950-01-01', '1990-12-31'],
    once: true,
    name: (d) => `Cơ quan ${committeeTitle(d.label)} ${d.place}`,
    after: () => 'Cơ quan Đảng ủy {seat}',
  },
  {
    role: 'seat',
    sector: 'co_quan_hanh_chinh',
    dangBo: 0.85,
    pool: 'agency',
    years: ['1955-01-01', '1995-12-31'],
    once: true,
    name: (d) => `Cơ quan Chính quyền ${d.phrase}`,
    after: () => 'Cơ quan Ủy ban nhân dân {seat}',
  },
  {
    role: 'seat',
    sector: 'co_quan_hanh_chinh',
    dangBo: 0.3,
    pool: 'agency',
    years: ['1960-01-01', '2000-12-31'],
    once: true,
    name: (d) => `Khối Mặt trận Tổ quốc và các đoàn thể ${d.phrase}`,
    after: () => 'Cơ quan Mặt trận Tổ quốc và các đoàn thể {seat}',
  },
];

const OTHER_TEMPLATES: (readonly [Template, number])[] = [
  // District-wide services: to the agencies bloc, renamed "khu vực".
  [
    {
      role: 'agency',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.9,
      pool: 'hospital',
      years: ['1960-01-01', '2005-12-31'],
      once: true,
      name: (d) => `Trung tâm Y tế ${d.phrase}`,
      after: (d) => toArea(d)(`Trung tâm Y tế ${d.phrase}`),
    },
    3,
  ],
  [
    {
      role: 'agency',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.9,
      pool: 'hospital',
      years: ['1960-01-01', '2005-12-31'],
      once: true,
      name: (d) => `Bệnh viện Đa khoa ${d.phrase}`,
      after: (d) => toArea(d)(`Bệnh viện Đa khoa ${d.phrase}`),
    },
    3,
  ],
  [
    {
      role: 'agency',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.1,
      pool: 'school',
      years: ['1975-01-01', '2010-12-31'],
      once: true,
      name: (d) => `Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${d.phrase}`,
      after: (d) => toArea(d)(`Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên ${d.phrase}`),
    },
    1.5,
  ],
  [
    {
      role: 'agency',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.05,
      pool: 'agency',
      years: ['1995-01-01', '2008-12-31'],
      once: true,
      name: (d) => `Bảo hiểm xã hội ${d.phrase}`,
      after: (d) => toArea(d)(`Bảo hiểm xã hội ${d.phrase}`),
    },
    1.5,
  ],
  [
    {
      role: 'agency',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.2,
      pool: 'school',
      years: ['1960-01-01', '2010-12-31'],
      name: (_d, _r, ctx) => `Trường THPT ${ctx.patrons.next()}`,
    },
    10,
  ],
  // Deconcentrated state agencies: to the agencies bloc, renamed "khu vực".
  ...(['Chi cục Thuế', 'Kho bạc Nhà nước', 'Chi cục Thống kê', 'Chi cục Thi hành án dân sự'] as const).map(
    (unit) =>
      [
        {
          role: 'agency',
          sector: 'co_quan_hanh_chinh',
          dangBo: 0.1,
          pool: 'agency',
          years: ['1990-01-01', '2010-12-31'],
          once: true,
          name: (d: DistrictCtx) => `${unit} ${d.phrase}`,
          after: (d: DistrictCtx) => `${unit} khu vực ${d.place}`,
        } satisfies Template,
        1.5,
      ] as const,
  ),
  ...(['Tòa án nhân dân', 'Viện Kiểm sát nhân dân'] as const).map(
    (unit) =>
      [
        {
          role: 'agency',
          sector: 'co_quan_hanh_chinh',
          dangBo: 0.05,
          pool: 'agency',
          years: ['1960-01-01', '1995-12-31'],
          once: true,
          name: (d: DistrictCtx) => `${unit} ${d.phrase}`,
          after: (d: DistrictCtx) => `${unit} khu vực ${d.place}`,
        } satisfies Template,
        1.5,
      ] as const,
  ),
  // District-seat units that become the new commune's.
  [
    {
      role: 'seat',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.05,
      pool: 'agency',
      years: ['1975-01-01', '2010-12-31'],
      once: true,
      name: (d) => `Trung tâm Văn hóa, Thông tin và Thể thao ${d.phrase}`,
      after: () => 'Trung tâm Dịch vụ tổng hợp {seat}',
    },
    1.5,
  ],
  [
    {
      role: 'seat',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.05,
      pool: 'agency',
      years: ['2000-01-01', '2015-12-31'],
      once: true,
      name: (d) => `Ban Quản lý dự án đầu tư xây dựng ${d.phrase}`,
      after: () => 'Ban Quản lý dự án đầu tư xây dựng {seat}',
    },
    1,
  ],
  // State enterprises and their branches.
  [
    {
      role: 'enterprise',
      sector: 'dn_nha_nuoc',
      dangBo: 0.5,
      pool: 'enterprise',
      years: ['1976-01-01', '2005-12-31'],
      once: true,
      name: (d) => `Điện lực ${d.place}`,
    },
    1.5,
  ],
  [
    {
      role: 'enterprise',
      sector: 'dn_nha_nuoc',
      dangBo: 0.4,
      pool: 'enterprise',
      years: ['1988-01-01', '2005-12-31'],
      once: true,
      name: (d) => `Chi nhánh Ngân hàng Nông nghiệp và Phát triển Nông thôn ${d.phrase}`,
      after: (d) => `Chi nhánh Ngân hàng Nông nghiệp và Phát triển Nông thôn khu vực ${d.place}`,
    },
    1.5,
  ],
  [
    {
      role: 'enterprise',
      sector: 'dn_nha_nuoc',
      dangBo: 0.2,
      pool: 'enterprise',
      years: ['1976-01-01', '2008-12-31'],
      once: true,
      name: (d) => `Bưu điện ${d.phrase}`,
      after: (d) => `Bưu điện khu vực ${d.place}`,
    },
    1,
  ],
  [
    {
      role: 'enterprise',
      sector: 'dn_nha_nuoc',
      dangBo: 0.6,
      pool: 'enterprise',
      years: ['1976-01-01', '2005-12-31'],
      once: true,
      name: (d) => `Công ty TNHH MTV Khai thác công trình thủy lợi ${d.place}`,
    },
    1,
  ],
  // Non-state enterprises.
  [
    {
      role: 'enterprise',
      sector: 'dn_ngoai_nha_nuoc',
      dangBo: 0.3,
      pool: 'enterprise',
      years: ['1995-01-01', '2020-12-31'],
      name: (d, rng, ctx) => companyName(rng, rng.chance(0.5) ? d.place : ctx.province.name),
    },
    22,
  ],
  // Units of one commune.
  [
    {
      role: 'local',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.02,
      pool: 'school',
      years: ['1960-01-01', '2015-12-31'],
      name: (_d, rng, ctx) => `Trường THCS ${rng.chance(0.7) ? '{home}' : ctx.patrons.next()}`,
    },
    9,
  ],
  [{ role: 'local', sector: 'don_vi_su_nghiep', dangBo: 0.01, pool: 'school', years: ['1960-01-01', '2015-12-31'], name: () => 'Trường Tiểu học {home}' }, 5],
  [{ role: 'local', sector: 'don_vi_su_nghiep', dangBo: 0, pool: 'school', years: ['1975-01-01', '2015-12-31'], name: () => 'Trường Mầm non {home}' }, 3],
  [
    {
      role: 'local',
      sector: 'don_vi_su_nghiep',
      dangBo: 0.05,
      pool: 'hospital',
      years: ['1975-01-01', '2010-12-31'],
      name: () => 'Phòng khám Đa khoa khu vực {home}',
    },
    1.5,
  ],
  [
    {
      role: 'local',
      sector: 'khac',
      dangBo: 0.02,
      pool: 'enterprise',
      years: ['1960-01-01', '2018-12-31'],
      name: () => 'Hợp tác xã Dịch vụ nông nghiệp {home}',
    },
    4,
  ],
  [{ role: 'local', sector: 'khac', dangBo: 0, pool: 'agency', years: ['1995-01-01', '2015-12-31'], name: () => 'Quỹ Tín dụng nhân dân {home}' }, 2],
];

const MILITARY: Template = {
  role: 'military',
  sector: 'luc_luong_vu_trang',
  dangBo: 0.9,
  pool: 'military',
  years: ['1946-01-01', '1965-12-31'],
  once: true,
  name: (d) => `Quân sự ${d.phrase}`,
};
const POLICE: Template = {
  role: 'police',
  sector: 'luc_luong_vu_trang',
  dangBo: 0.95,
  pool: 'police',
  years: ['1946-01-01', '1965-12-31'],
  once: true,
  name: (d) => `Công an ${d.phrase}`,
  after: (d) => `Công an khu vực ${d.place}`,
};

// Province-level grassroots under the blocs and the armed forces' committees.
const PROVINCE_AGENCIES: readonly string[] = [
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Tư pháp',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Giao thông vận tải',
  'Sở Công Thương',
  'Sở Nội vụ',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Khoa học và Công nghệ',
  'Sở Tài nguyên và Môi trường',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Thông tin và Truyền thông',
  'Sở Xây dựng',
  'Thanh tra tỉnh',
  'Cơ quan Văn phòng Ủy ban nhân dân tỉnh',
  'Bệnh viện Đa khoa tỉnh',
  'Cục Thuế tỉnh',
  'Kho bạc Nhà nước tỉnh',
  'Cục Thống kê tỉnh',
  'Bảo hiểm xã hội tỉnh',
  'Tòa án nhân dân tỉnh',
  'Viện Kiểm sát nhân dân tỉnh',
  'Cục Thi hành án dân sự tỉnh',
  'Trường Chính trị tỉnh',
  'Bệnh viện Sản - Nhi tỉnh',
  'Bệnh viện Y học cổ truyền tỉnh',
  'Ban Quản lý các khu công nghiệp tỉnh',
];
const PROVINCE_ENTERPRISES: readonly string[] = [
  'Công ty Điện lực {p}',
  'Viễn thông {p}',
  'Bưu điện tỉnh {p}',
  'Công ty TNHH MTV Khai thác công trình thủy lợi {p}',
  'Công ty Cổ phần Nước sạch {p}',
  'Ngân hàng Nông nghiệp và Phát triển Nông thôn Chi nhánh {p}',
  'Ngân hàng TMCP Ngoại thương Chi nhánh {p}',
  'Ngân hàng TMCP Công Thương Chi nhánh {p}',
  'Ngân hàng TMCP Đầu tư và Phát triển Chi nhánh {p}',
  'Công ty TNHH MTV Xổ số kiến thiết {p}',
];
const PROVINCE_POLICE: readonly string[] = [
  'Phòng Cảnh sát hình sự',
  'Phòng Cảnh sát giao thông',
  'Phòng An ninh chính trị nội bộ',
  'Phòng Tham mưu',
  'Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
  'Phòng Hậu cần',
  'Trại Tạm giam',
  'Phòng Cảnh sát điều tra tội phạm về ma túy',
  'Phòng Cảnh sát quản lý hành chính về trật tự xã hội',
  'Phòng Cảnh sát điều tra tội phạm về trật tự xã hội',
  'Phòng An ninh kinh tế',
  'Phòng Xây dựng phong trào',
];

// ---------------------------------------------------------------------------------------------------------------
// Generator

export interface ProvinceOptions {
  seed: number;
  /** Place name of the province ("Hưng Yên"); a centrally-run city of the 2025 list is labelled "thành phố". */
  name?: string;
  /** Code of the root; children get dotted codes below it. Default "01". */
  code?: string;
  districts: number;
  /** Grassroots organisations (đảng bộ cơ sở and chi bộ cơ sở) per district; the province level adds ~8% more. */
  grassrootsPerDistrict: number;
  /** Cells of a đảng bộ cơ sở: commune committees draw from the upper 60% of the range, others from the lowest 30%. */
  cellsPerPartyCommittee?: [number, number];
  /**
   * Members of a cell: village and quarter cells draw from the upper part of the range, office and company cells
   * mostly from the middle, some from the bottom. A đảng bộ cơ sở is topped up to 30 members, a chi bộ cơ sở kept
   * under 30, except a few of each (the size-rule warnings).
   */
  membersPerCell?: [number, number];
  /** Establishment date of the province committee (default: a date in 1945–1948). */
  foundedOn?: string;
  /** "Today" for member statuses; probationary members were admitted in the 12 months before it. */
  today?: string;
  /** Instant of the first generated id (UUID v7 timestamp). */
  idBaseTime?: string;
  /** Generate the member roster (default true). */
  members?: boolean;
}

export interface ProvinceStats {
  orgs: number;
  districts: number;
  grassroots: number;
  partyCommittees: number;
  baseCells: number;
  /** Cells: chi bộ trực thuộc plus chi bộ cơ sở. */
  cells: number;
  members: number;
  women: number;
  probationary: number;
  left: number;
  operations: number;
  /** What the members' histories hold: transfers, deaths, disciplines, awards… */
  history: HistoryStats;
}

export interface GeneratedProvince {
  root: { id: string; name: string };
  orgs: OrgSeedRow[];
  members: MemberRow[];
  /** Every member's life events, in member order and date order within a member. */
  events: MemberEventRow[];
  disciplines: MemberDisciplineRow[];
  awards: MemberBadgeAwardRow[];
  reorg2025: ReorgInput;
  stats: ProvinceStats;
}

interface ProvinceCtx {
  province: { name: string; city: boolean };
  patrons: UniqueNamer;
}

const DEFAULT_CELLS: [number, number] = [3, 8];
const DEFAULT_MEMBERS: [number, number] = [4, 35];

export function generateProvince(opts: ProvinceOptions): GeneratedProvince {
  const rng = createRng(opts.seed);
  const structRng = rng.fork('structure');
  const nameRng = rng.fork('names');
  const memberRng = rng.fork('members');
  const reorgRng = rng.fork('reorg');
  const ids = createUuidFactory(rng.fork('ids'), opts.idBaseTime ?? '2025-01-01T00:00:00Z');
  const today = opts.today ?? '2026-11-22';
  const cellRange = opts.cellsPerPartyCommittee ?? DEFAULT_CELLS;
  const memberRange = opts.membersPerCell ?? DEFAULT_MEMBERS;
  if (cellRange[0] < 1 || cellRange[1] < cellRange[0]) throw new RangeError('cellsPerPartyCommittee: bad range');
  if (memberRange[0] < 1 || memberRange[1] < memberRange[0]) throw new RangeError('membersPerCell: bad range');

  const provinceName = (opts.name ?? 'Hưng Yên').normalize('NFC');
  const province = { name: provinceName, city: PROVINCES_2025.some((p) => p.city && p.name === provinceName) };
  const provinceWord = province.city ? 'thành phố' : 'tỉnh';
  const ctx: ProvinceCtx = { province, patrons: patronNamer(nameRng) };

  const orgs: OrgSeedRow[] = [];
  const builder = new TreeBuilder(ids, structRng, (row) => orgs.push(row));
  const places = placeNamer(nameRng);
  const districtNames = districtNamer(nameRng);

  // Root
  const rootEstablished = opts.foundedOn ?? structRng.dateBetween('1945-09-02', '1948-12-31');
  const root = builder.add(
    null,
    { name: `Đảng bộ ${provinceWord} ${provinceName}`, kind: 'dang_bo_tinh', established: rootEstablished, issuer: 'TW' },
    opts.code ?? '01',
  );

  // Districts
  const districts: DistrictCtx[] = [];
  // A province the demo knows keeps its own former districts' names (the drawn names are still drawn, so the rest
  // of the generation does not change with them); another gets names from the list.
  const known = FORMER_DISTRICTS[provinceName];
  const knownNames = { towns: [...(known?.towns ?? [])], rural: [...(known?.rural ?? [])] };
  for (let i = 0; i < opts.districts; i++) {
    let label: DistrictLabel;
    if (province.city) label = i < Math.ceil(opts.districts * 0.4) ? 'quận' : 'huyện';
    else label = i === 0 ? 'thành phố' : i === 1 && opts.districts >= 5 ? 'thị xã' : 'huyện';
    const drawn = label === 'thành phố' && !districtNames.has(provinceName) ? provinceName : districtNames.next();
    const own =
      !known || province.city ? undefined : label === 'thành phố' ? known.city : label === 'thị xã' ? knownNames.towns.shift() : knownNames.rural.shift();
    const place = own ?? drawn;
    districtNames.reserve(place);
    const established =
      label === 'huyện' || label === 'quận'
        ? dateAfter(structRng, root.established, '1946-01-01', '1980-12-31')
        : dateAfter(structRng, root.established, '1990-01-01', '2012-12-31');
    const node = builder.add(root, { name: `Đảng bộ ${label} ${place}`, kind: 'dang_bo_cap_tren_co_so', established, issuer: 'TU' });
    districts.push({ node, label, place, phrase: `${label} ${place}`, communes: [], grassroots: [] });
  }

  // Sector blocs and the armed forces' committees, directly under the province.
  const blocAgencies = builder.add(root, {
    name: `Đảng bộ Khối các cơ quan ${provinceWord}`,
    kind: 'dang_bo_cap_tren_co_so',
    established: dateAfter(structRng, root.established, '1990-01-01', '2008-12-31'),
    issuer: 'TU',
  });
  const blocEnterprises = builder.add(root, {
    name: `Đảng bộ Khối doanh nghiệp ${provinceWord}`,
    kind: 'dang_bo_cap_tren_co_so',
    established: dateAfter(structRng, root.established, '2000-01-01', '2010-12-31'),
    issuer: 'TU',
  });
  const military = builder.add(root, {
    name: `Đảng bộ Quân sự ${provinceWord}`,
    kind: 'dang_bo_cap_tren_co_so',
    established: dateAfter(structRng, root.established, '1946-01-01', '1960-12-31'),
    issuer: 'TU',
  });
  const police = builder.add(root, {
    name: `Đảng bộ Công an ${provinceWord}`,
    kind: 'dang_bo_cap_tren_co_so',
    established: dateAfter(structRng, root.established, '1946-01-01', '1960-12-31'),
    issuer: 'TU',
  });

  const allGrassroots: GrassrootsNode[] = [];
  const addGrassroots = (parent: TreeNode, t: Template, name: string, issuer: string, extra: Partial<GrassrootsNode> = {}): GrassrootsNode => {
    const kind = structRng.chance(t.dangBo) ? 'dang_bo_co_so' : 'chi_bo_co_so';
    const established = dateAfter(structRng, parent.established, t.years[0], t.years[1]);
    const node = builder.add(parent, { name: `${partyPrefix(kind)} ${name}`, kind, sector: t.sector, established, issuer });
    const g: GrassrootsNode = { ...node, role: t.role, pool: t.pool, cells: [], members: 0, ...extra };
    allGrassroots.push(g);
    return g;
  };

  // Grassroots under each district
  const communeShare = 0.42;
  const usedNames = new Set<string>();
  for (const d of districts) {
    const issuer = d.label === 'huyện' ? 'HU' : d.label === 'quận' ? 'QU' : 'ThU';
    const g = opts.grassrootsPerDistrict;
    const nCommunes = Math.max(1, Math.min(g, Math.round(g * communeShare)));
    for (let i = 0; i < nCommunes; i++) {
      let label: string;
      let sector: string;
      if (d.label === 'quận') [label, sector] = ['phường', 'phuong'];
      else if (d.label === 'thành phố') [label, sector] = structRng.chance(0.7) ? ['phường', 'phuong'] : ['xã', 'xa'];
      else if (d.label === 'thị xã') [label, sector] = structRng.chance(0.5) ? ['phường', 'phuong'] : ['xã', 'xa'];
      else [label, sector] = i === 0 ? ['thị trấn', 'thi_tran'] : ['xã', 'xa'];
      // A few wards of a city keep the numbered names of the old urban districts.
      const numbered = sector === 'phuong' && structRng.chance(0.08);
      const place = numbered ? String(i + 1) : places.next();
      const local = numbered ? { label: 'Phường', place } : { label, place };
      const name = `${local.label} ${place}`;
      const t: Template = {
        role: 'commune',
        sector,
        dangBo: 1,
        pool: sector === 'xa' ? 'village' : sector === 'thi_tran' ? 'town' : 'ward',
        years: ['1946-01-01', '1975-12-31'],
        name: () => name,
      };
      const node = addGrassroots(d.node, t, name, issuer, { local });
      d.communes.push(node);
      d.grassroots.push(node);
    }
    const rest = g - nCommunes;
    const fixed: Template[] = [];
    // Every district has its committee's office, its military command and (most) its police; small test
    // districts skip some so the armed forces do not crowd the statistics.
    if (rest >= 1) fixed.push(SEAT_TEMPLATES[0]!);
    if (rest >= 3) fixed.push(MILITARY);
    if (rest >= 10 || (rest >= 4 && structRng.chance(0.4))) fixed.push(POLICE);
    if (rest >= 8) fixed.push(SEAT_TEMPLATES[1]!);
    if (rest >= 14) fixed.push(SEAT_TEMPLATES[2]!);
    const onceUsed = new Set<Template>();
    for (let i = 0; i < rest; i++) {
      let t = fixed[i];
      if (!t) {
        do t = structRng.weighted(OTHER_TEMPLATES);
        while (t.once && onceUsed.has(t) && onceUsed.size < OTHER_TEMPLATES.length);
      }
      if (t.once) onceUsed.add(t);
      const needsHome = t.role === 'local' || (t.role === 'enterprise' && t.sector === 'dn_ngoai_nha_nuoc');
      const tpl = t;
      const draw = (): [string, GrassrootsNode | undefined] => {
        const h = needsHome ? structRng.pick(d.communes) : undefined;
        const n = tpl.name(d, nameRng, ctx);
        return [h ? n.replace('{home}', localName(h.local!)) : n, h];
      };
      let [name, home] = draw();
      for (let k = 0; k < 5 && usedNames.has(name); k++) [name, home] = draw();
      // Distinct within the province (many end up side by side in a bloc): a second one becomes "… số 2".
      if (usedNames.has(name)) {
        let k = 2;
        while (usedNames.has(`${name} số ${k}`)) k++;
        name = `${name} số ${k}`;
      }
      usedNames.add(name);
      const node = addGrassroots(d.node, t, name, issuer, { home, after: t.after?.(d) });
      d.grassroots.push(node);
    }
  }

  // Province-level grassroots: about 8% on top of the districts'.
  const nProvince = Math.max(4, Math.round(opts.districts * opts.grassrootsPerDistrict * 0.08));
  const shares: [TreeNode, number][] = [
    [blocAgencies, 0.45],
    [blocEnterprises, 0.35],
    [military, 0.1],
    [police, 0.1],
  ];
  const agencyNames = nameRng.shuffle(PROVINCE_AGENCIES);
  const enterpriseNames = nameRng.shuffle(PROVINCE_ENTERPRISES.map((n) => n.replace('{p}', provinceName)));
  const policeNames = nameRng.shuffle(PROVINCE_POLICE);
  let regiment = structRng.int(700, 880);
  let squad = 0;
  for (const [parent, share] of shares) {
    const n = Math.max(1, Math.round(nProvince * share));
    for (let i = 0; i < n; i++) {
      let t: Template;
      let name: string;
      if (parent === blocAgencies) {
        name = agencyNames.pop() ?? `Trường THPT ${ctx.patrons.next()}`;
        t = {
          role: 'agency',
          sector: /^(Bệnh viện|Trường|Ban Quản lý|Bảo hiểm)/.test(name) ? 'don_vi_su_nghiep' : 'co_quan_hanh_chinh',
          dangBo: 0.55,
          pool: name.startsWith('Bệnh viện') ? 'hospital' : name.startsWith('Trường') ? 'school' : 'agency',
          years: ['1955-01-01', '2010-12-31'],
          name: () => name,
        };
      } else if (parent === blocEnterprises) {
        const listed = enterpriseNames.pop();
        name = listed ?? companyName(nameRng, provinceName);
        for (let k = 0; k < 5 && !listed && usedNames.has(name); k++) name = companyName(nameRng, provinceName);
        t = {
          role: 'enterprise',
          sector: listed ? 'dn_nha_nuoc' : 'dn_ngoai_nha_nuoc',
          dangBo: 0.5,
          pool: 'enterprise',
          years: ['1976-01-01', '2018-12-31'],
          name: () => name,
        };
      } else if (parent === military) {
        name = i === 0 ? `Cơ quan Bộ Chỉ huy Quân sự ${provinceWord}` : `Trung đoàn ${regiment++}`;
        t = { role: 'military', sector: 'luc_luong_vu_trang', dangBo: 0.9, pool: 'military', years: ['1946-01-01', '1990-12-31'], name: () => name };
      } else {
        name = policeNames.pop() ?? `Đội Cảnh sát cơ động số ${++squad}`;
        t = { role: 'police', sector: 'luc_luong_vu_trang', dangBo: 0.8, pool: 'police', years: ['1946-01-01', '2000-12-31'], name: () => name };
      }
      if (usedNames.has(name)) {
        let k = 2;
        while (usedNames.has(`${name} số ${k}`)) k++;
        name = `${name} số ${k}`;
      }
      usedNames.add(name);
      addGrassroots(parent, t, name, parent === military || parent === police ? 'ĐU' : 'ĐUK');
    }
  }

  // Cells under each đảng bộ cơ sở, with their members' sizes; the members come once every cell exists, so that
  // their histories can move between any of them.
  const pending: { cell: CellRef; size: number; g: GrassrootsNode }[] = [];
  const districtOf = new Map<GrassrootsNode, DistrictCtx>();
  for (const d of districts) for (const g of d.grassroots) districtOf.set(g, d);
  const provinceLabelText = `${provinceWord} ${provinceName}`;
  const communeText = (g: GrassrootsNode, d: DistrictCtx) => `${g.local!.label === 'Phường' ? 'phường' : g.local!.label} ${g.local!.place}, ${d.phrase}`;
  const seatOf = (g: GrassrootsNode): string => {
    const d = districtOf.get(g);
    const c = g.home ?? d?.communes[0] ?? districts[0]?.communes[0];
    const cd = c ? districtOf.get(c) : undefined;
    return c && cd ? `${communeText(c, cd)}, ${provinceLabelText}` : provinceLabelText;
  };
  const cellRef = (g: GrassrootsNode, cell: TreeNode, fillPool: CellPool): CellRef => {
    const pool = memberPool(cell.name, fillPool);
    const residential = pool === 'village' || pool === 'town' || pool === 'ward';
    const d = districtOf.get(g);
    const unit = cell.name.replace(/^Chi bộ /u, '');
    return {
      id: cell.id,
      pool,
      established: cell.established,
      workplace: residential ? null : g.role === 'commune' ? unit : g.name.replace(/^(Đảng bộ|Chi bộ) /u, ''),
      address: residential && g.local && d ? `${unit}, ${communeText(g, d)}, ${provinceLabelText}` : seatOf(g),
    };
  };
  // Commune committees have many village cells, agencies and enterprises few.
  const [cMin, cMax] = cellRange;
  const communeCells: [number, number] = [Math.floor(cMin + (cMax - cMin) * 0.4), cMax];
  const otherCells: [number, number] = [cMin, Math.floor(cMin + (cMax - cMin) * 0.3)];
  for (const g of allGrassroots) {
    const isCommune = g.role === 'commune';
    if (g.kind === 'dang_bo_co_so') {
      const n = structRng.int(...(isCommune ? communeCells : otherCells));
      const namer = new CellNamer(nameRng, g.pool, g.local);
      const institutional = isCommune ? Math.min(n - 1, structRng.int(1, 3)) : 0;
      for (let i = 0; i < n; i++) {
        const established = dateAfter(structRng, g.established, g.established, minDate(addYears(g.established, 25), '2020-12-31'));
        const cell = builder.add(g, { name: namer.next(i >= n - institutional), kind: 'chi_bo_truc_thuoc', established, issuer: 'ĐU' });
        g.cells.push(cell);
      }
      if (opts.members !== false) {
        const pools = g.cells.map((_, i): CellPool => (i >= n - institutional ? 'agency' : g.pool));
        const sizes = g.cells.map((_, i) => cellSize(memberRng, pools[i]!, memberRange));
        // A đảng bộ cơ sở has at least 30 members, except for a few the superior allowed to stay smaller.
        let total = sizes.reduce((a, b) => a + b, 0);
        if (total < 30 && !memberRng.chance(0.03)) {
          while (total < 30) {
            const k = memberRng.int(0, sizes.length - 1);
            sizes[k]!++;
            total++;
          }
        }
        g.cells.forEach((cell, i) => pending.push({ cell: cellRef(g, cell, pools[i]!), size: sizes[i]!, g }));
      }
    } else if (opts.members !== false) {
      // A chi bộ cơ sở stays under 30 members, except a few that have outgrown it.
      const size = memberRng.chance(0.035) ? memberRng.int(30, 34) : Math.min(29, cellSize(memberRng, g.pool, memberRange));
      pending.push({ cell: cellRef(g, g, g.pool), size, g });
    }
  }
  const communes: string[] = [];
  for (const d of districts) for (const c of d.communes) communes.push(communeText(c, d));
  const gen = new MemberGenerator({
    rng: memberRng,
    ids,
    today,
    provinceName,
    provinceLabel: provinceLabelText,
    communes,
    cells: pending.map((x) => x.cell),
  });
  for (const { cell, size, g } of pending) g.members += fillCell(gen, memberRng, cell, size);
  const members = gen.members;

  // The reorganisation of 1 July 2025.
  const newUnit = new Map<GrassrootsNode, string>();
  const reorg2025 = planReorg2025({
    rng: reorgRng,
    root,
    districts,
    places,
    blocAgencies,
    blocEnterprises,
    military,
    police,
    realCommunes: known && !province.city ? NEW_COMMUNES_2025[provinceName] : undefined,
    newUnit,
  });
  // Today's addresses of members still on the roll after it are in the two-tier form of the new units:
  // "thôn …, xã Như Quỳnh, tỉnh Hưng Yên" for "thôn …, thị trấn …, huyện Văn Lâm, tỉnh Hưng Yên". Birthplaces and
  // hometowns stay as they were recorded.
  const newText = new Map<string, string>();
  for (const [g, unit] of newUnit) {
    const d = districtOf.get(g);
    if (d) newText.set(`${communeText(g, d)}, ${provinceLabelText}`, `${unit}, ${provinceLabelText}`);
  }
  const today2025 = (a: string | null | undefined): string | null | undefined => {
    if (!a) return a;
    const cut = a.indexOf(', ');
    const whole = newText.get(a);
    if (whole) return whole;
    const tail = cut >= 0 ? newText.get(a.slice(cut + 2)) : undefined;
    return tail ? `${a.slice(0, cut)}, ${tail}` : a;
  };
  for (const m of members) {
    if (m.left_on && m.left_on < '2025-07-01') continue;
    m.current_address = today2025(m.current_address);
    m.permanent_address = today2025(m.permanent_address);
  }

  const cellsTotal = allGrassroots.reduce((a, g) => a + g.cells.length + (g.kind === 'chi_bo_co_so' ? 1 : 0), 0);
  const partyCommittees = allGrassroots.filter((g) => g.kind === 'dang_bo_co_so').length;
  return {
    root: { id: root.id, name: root.name },
    orgs,
    members,
    events: gen.events,
    disciplines: gen.disciplines,
    awards: gen.awards,
    reorg2025,
    stats: {
      orgs: orgs.length,
      districts: districts.length,
      grassroots: allGrassroots.length,
      partyCommittees,
      baseCells: allGrassroots.length - partyCommittees,
      cells: cellsTotal,
      members: members.length,
      women: gen.stats.women,
      probationary: gen.stats.probationary,
      left: gen.stats.left,
      operations: reorg2025.operations.length,
      history: gen.stats,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Members

/** Members of one cell: village and quarter cells draw from the upper part of the range, others lower. */
function cellSize(rng: Rng, pool: CellPool, [min, max]: [number, number]): number {
  const span = max - min;
  if (pool === 'village' || pool === 'town' || pool === 'ward') return rng.int(min + Math.round(span * 0.65), max);
  // Offices and companies: mostly mid-sized cells, some small ones that elect only a secretary.
  if (rng.chance(0.12)) return rng.int(min, min + Math.round(span * 0.15));
  return rng.int(min + Math.round(span * 0.3), max - Math.round(span * 0.05));
}

/** "Tân Lập", or "Phường 3" for a numbered ward. */
function localName(local: { label: string; place: string }): string {
  return /^\d+$/.test(local.place) ? `${local.label} ${local.place}` : local.place;
}

/**
 * Fills one cell with `size` members and returns the count. A few cells (~3%) are left with fewer than three
 * official members, the case the size rules warn about.
 */
function fillCell(gen: MemberGenerator, rng: Rng, cell: CellRef, size: number): number {
  let official = size;
  let probationary = 0;
  if (rng.chance(0.03)) {
    official = rng.int(1, 2);
    probationary = rng.int(0, 2);
  } else {
    for (let i = 0; i < size; i++) if (rng.chance(0.03)) probationary++;
    official = size - probationary;
  }
  for (let i = 0; i < official; i++) gen.add(cell, false);
  for (let i = 0; i < probationary; i++) gen.add(cell, true);
  return official + probationary;
}

/** What the members of a cell do: a commune's institutional cells by their name, the others by their organisation. */
function memberPool(cellName: string, pool: CellPool): CellPool {
  if (pool !== 'agency') return pool;
  if (/^Chi bộ Công an /u.test(cellName)) return 'police';
  if (/^Chi bộ Quân sự /u.test(cellName)) return 'military';
  if (/^Chi bộ Trường /u.test(cellName)) return 'school';
  if (/^Chi bộ Trạm Y tế /u.test(cellName)) return 'hospital';
  return 'agency';
}

// ---------------------------------------------------------------------------------------------------------------
// The 2025 reorganisation plan

interface ReorgCtx {
  rng: Rng;
  root: TreeNode;
  districts: DistrictCtx[];
  places: UniqueNamer;
  blocAgencies: TreeNode;
  blocEnterprises: TreeNode;
  military: TreeNode;
  police: TreeNode;
  /** The real new communes and wards by former district ("phường Phố Hiến"), for a province the demo knows. */
  realCommunes?: Readonly<Record<string, readonly string[]>>;
  /** Filled with each former commune's new unit ("xã Như Quỳnh"). */
  newUnit?: Map<GrassrootsNode, string>;
}

/** Splits former communes into groups of 2–4 (a district with a single commune gives a group of one). */
function groupCommunes<T>(rng: Rng, items: T[]): T[][] {
  const groups: T[][] = [];
  let i = 0;
  while (i < items.length) {
    const left = items.length - i;
    let size: number;
    if (left <= 4) size = left;
    else size = rng.int(2, Math.min(4, left - 2));
    groups.push(items.slice(i, i + size));
    i += size;
  }
  // A lone leftover joins the previous group when that stays within four.
  const last = groups[groups.length - 1];
  const prev = groups[groups.length - 2];
  if (last && prev && last.length === 1 && prev.length < 4) {
    prev.push(...last);
    groups.pop();
  }
  return groups;
}

function planReorg2025(c: ReorgCtx): ReorgInput {
  const { rng, root } = c;
  const creates: ReorgOp[] = [];
  const moves: ReorgOp[] = [];
  const merges: ReorgOp[] = [];
  const renames: ReorgOp[] = [];
  const dissolves: ReorgOp[] = [];
  let seq = root.childSeq;
  let region = 0;
  const taken = new Set<string>();

  for (const [di, d] of c.districts.entries()) {
    // Former commune names stay unused: a new commune takes a new name.
    for (const g of d.communes) if (g.local) c.places.reserve(g.local.place);
    const groups = groupCommunes(rng, d.communes);
    // The district seat: the group with the former town, else the first one.
    const seatGroup = groups.find((gr) => gr.some((g) => g.sector === 'thi_tran')) ?? groups[0];
    // A district with its real new communes: group i becomes the i-th real one; where there are more groups than
    // real units, neighbouring groups fold into one (evenly, in order). The draws below stay as they were.
    const real = c.realCommunes?.[d.place];
    const unitOf = (gi: number) => (real ? (groups.length <= real.length ? gi : Math.floor((gi * real.length) / groups.length)) : gi);
    const refOf = new Map<GrassrootsNode, string>();
    let seatRef = '';
    let seatLabel = '';
    for (const [gi, group] of groups.entries()) {
      const unit = unitOf(gi);
      const ref = `new-${di + 1}-${unit + 1}`;
      const hasWard = group.some((g) => g.sector === 'phuong');
      const hasTown = group.some((g) => g.sector === 'thi_tran');
      const drawnSector = hasWard || (hasTown && rng.chance(0.35)) ? 'phuong' : 'xa';
      const drawnPlace = c.places.next();
      const realName = real?.[unit];
      const sector = realName ? (realName.startsWith('phường ') ? 'phuong' : 'xa') : drawnSector;
      const label = sector === 'phuong' ? 'phường' : 'xã';
      const place = realName ? realName.replace(/^(phường|xã) /u, '') : drawnPlace;
      if (!realName || gi === 0 || unitOf(gi - 1) !== unit) {
        const name = `Đảng bộ ${label} ${place}`;
        seq++;
        creates.push({
          type: 'create',
          ref,
          parent: root.id,
          name,
          kindCode: 'dang_bo_cap_tren_co_so',
          sectorCode: sector,
          code: `${root.code}.${String(seq).padStart(2, '0')}`,
        });
      }
      if (group === seatGroup) [seatRef, seatLabel] = [ref, `${label} ${place}`];
      for (const g of group) {
        refOf.set(g, ref);
        c.newUnit?.set(g, `${label} ${place}`);
        moves.push({ type: 'move', org: g.id, newParent: ref });
        // "Thị trấn" is no unit any more: the former town committee takes its new unit's sector.
        if (g.sector === 'thi_tran') moves.push({ type: 'reclassify', org: g.id, sectorCode: sector });
      }
      // Merge the smallest former commune committee into the next smallest, where both are small and their
      // cells' names do not clash.
      const committees = group.filter((g) => g.kind === 'dang_bo_co_so').sort((a, b) => a.members - b.members);
      const [small, other] = committees;
      if (group.length >= 3 && small && other && rng.chance(0.4)) {
        const names = new Set(other.cells.map((x) => x.name));
        if (small.cells.every((x) => !names.has(x.name))) merges.push({ type: 'merge', sources: [small.id], target: other.id });
      }
    }
    for (const g of d.grassroots) {
      if (g.role === 'commune') continue;
      let target: string;
      let newName: string | undefined;
      switch (g.role) {
        case 'local':
          target = refOf.get(g.home!) ?? seatRef;
          break;
        case 'seat':
          target = seatRef;
          newName = g.after?.replace('{seat}', seatLabel);
          break;
        case 'agency':
          target = c.blocAgencies.id;
          newName = g.after;
          break;
        case 'enterprise':
          if (g.sector === 'dn_ngoai_nha_nuoc' && g.home && rng.chance(0.5)) target = refOf.get(g.home) ?? seatRef;
          else target = c.blocEnterprises.id;
          newName = g.after;
          break;
        case 'military':
          target = c.military.id;
          newName = `Ban Chỉ huy Phòng thủ khu vực ${++region} - ${d.place}`;
          break;
        case 'police':
          target = c.police.id;
          newName = g.after;
          break;
      }
      moves.push({ type: 'move', org: g.id, newParent: target });
      if (newName) {
        const full = `${partyPrefix(g.kind)} ${newName}`;
        if (full !== g.name && !taken.has(full)) {
          taken.add(full);
          renames.push({ type: 'rename', org: g.id, name: full });
        }
      }
    }
    dissolves.push({ type: 'dissolve', org: d.node.id });
  }

  return {
    effectiveDate: '2025-07-01',
    decisionNo: `${rng.int(1000, 2999)}-QĐ/TU`,
    decisionDate: '2025-06-20',
    operations: [...creates, ...moves, ...merges, ...renames, ...dissolves],
  };
}
