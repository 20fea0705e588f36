/**
 * The whole country after the 2025 reorganisation, for benchmarks: 34 provincial committees as roots (the Central
 * Committee is not an organisation of the tree), ~3,300 commune and ward committees, ~52,000 grassroots
 * organisations and ~245,000 cells: about 300,000 organisations. Rows are streamed in batches so memory stays
 * bounded whatever the size. Members (~5.6 million, domain.md §14) come from generateNationMembers, also streamed:
 * a lean roster (name, gender, birth, admission, recognition) for the benchmarks at national scale.
 */
import { addDays } from '../../domain/dates.ts';
import {
  CellNamer,
  type CellPool,
  companyName,
  partyPrefix,
  patronNamer,
  placeNamer,
  PROVINCES_2025,
  PROVINCES_UNCHANGED_2025,
  provinceLabel,
  type ProvinceInfo,
  type UniqueNamer,
} from './names.ts';
import { dateAfter, type MemberRow, type OrgSeedRow, TreeBuilder, type TreeNode } from './province.ts';
import { personSortKey } from '../../domain/text.ts';
import { personName } from './names.ts';
import { addYears, createRng, minDate, type Rng } from './random.ts';
import { createUuidFactory } from './uuid.ts';

export interface NationOptions {
  seed: number;
  /** Provincial committees (default 34, the real list; beyond it names repeat with a number). */
  provinces?: number;
  /** Grassroots organisations per province (default 1,530: 52,020 in all). */
  grassrootsPerProvince?: number;
  /** Commune, ward and special-zone committees per province (default 98: 3,332 in all). */
  communesPerProvince?: number;
  /** Cells of a đảng bộ cơ sở that is not a former commune (default [3, 12]); former communes have more. */
  cellsPerPartyCommittee?: [number, number];
  /** Rows per batch (default 2,000). */
  batchSize?: number;
  idBaseTime?: string;
}

export interface NationStats {
  orgs: number;
  provinces: number;
  communes: number;
  grassroots: number;
  partyCommittees: number;
  cells: number;
  batches: number;
}

const NATION_CAP = '2026-06-30';
const REORG_DAY = '2025-07-01';

interface LocalTemplate {
  name: (l: CommuneCtx, rng: Rng) => string;
  sector: string;
  dangBo: number;
  pool: CellPool;
}

interface CommuneCtx {
  /** "xã Tân Hưng" */
  label: string;
  formerPlaces: string[];
  patrons: UniqueNamer;
  province: string;
}

const COMMUNE_UNITS: readonly (readonly [LocalTemplate, number])[] = [
  [
    { name: (c, r) => `Trường THCS ${r.chance(0.6) ? r.pick(c.formerPlaces) : c.patrons.next()}`, sector: 'don_vi_su_nghiep', dangBo: 0.03, pool: 'school' },
    14,
  ],
  [{ name: (c, r) => `Trường Tiểu học ${r.pick(c.formerPlaces)}`, sector: 'don_vi_su_nghiep', dangBo: 0.02, pool: 'school' }, 12],
  [{ name: (c, r) => `Trường Mầm non ${r.pick(c.formerPlaces)}`, sector: 'don_vi_su_nghiep', dangBo: 0, pool: 'school' }, 8],
  [{ name: (c) => `Trạm Y tế ${c.label}`, sector: 'don_vi_su_nghiep', dangBo: 0, pool: 'hospital' }, 4],
  [{ name: (c) => `Trung tâm Dịch vụ tổng hợp ${c.label}`, sector: 'don_vi_su_nghiep', dangBo: 0.1, pool: 'agency' }, 4],
  [{ name: (c) => `Trung tâm Phục vụ hành chính công ${c.label}`, sector: 'co_quan_hanh_chinh', dangBo: 0.05, pool: 'agency' }, 3],
  [{ name: (c, r) => `Hợp tác xã Dịch vụ nông nghiệp ${r.pick(c.formerPlaces)}`, sector: 'khac', dangBo: 0.02, pool: 'enterprise' }, 6],
  [{ name: (c, r) => `Quỹ Tín dụng nhân dân ${r.pick(c.formerPlaces)}`, sector: 'khac', dangBo: 0, pool: 'agency' }, 2],
  [{ name: (c, r) => companyName(r, r.chance(0.5) ? r.pick(c.formerPlaces) : c.province), sector: 'dn_ngoai_nha_nuoc', dangBo: 0.25, pool: 'enterprise' }, 20],
  [{ name: (c, r) => `Trường THPT ${r.chance(0.5) ? r.pick(c.formerPlaces) : c.patrons.next()}`, sector: 'don_vi_su_nghiep', dangBo: 0.2, pool: 'school' }, 5],
];

const PARTY_AGENCIES: readonly string[] = [
  'Ban Tổ chức Tỉnh ủy',
  'Ban Tuyên giáo và Dân vận Tỉnh ủy',
  'Ủy ban Kiểm tra Tỉnh ủy',
  'Văn phòng Tỉnh ủy',
  'Ban Nội chính Tỉnh ủy',
  'Báo và Phát thanh, Truyền hình {p}',
  'Trường Chính trị {p}',
  'Cơ quan Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
  'Tòa án nhân dân tỉnh',
  'Viện Kiểm sát nhân dân tỉnh',
  'Cơ quan Hội đồng nhân dân tỉnh',
  'Ban Chính sách, chiến lược Tỉnh ủy',
];
const PEOPLES_COMMITTEE_UNITS: readonly string[] = [
  'Sở Nội vụ',
  'Sở Tài chính',
  'Sở Tư pháp',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Nông nghiệp và Môi trường',
  'Sở Khoa học và Công nghệ',
  'Sở Giáo dục và Đào tạo',
  'Sở Y tế',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Thanh tra tỉnh',
  'Văn phòng Ủy ban nhân dân tỉnh',
  'Sở Dân tộc và Tôn giáo',
  'Bệnh viện Đa khoa tỉnh',
  'Bệnh viện Sản - Nhi',
  'Bệnh viện Y học cổ truyền',
  'Bệnh viện Phổi',
  'Bệnh viện Tâm thần',
  'Ban Quản lý các khu công nghiệp',
  'Trường Cao đẳng Y tế {p}',
  'Trường Cao đẳng Kỹ thuật - Công nghệ {p}',
  'Đài Khí tượng thủy văn {p}',
  'Công ty TNHH MTV Khai thác công trình thủy lợi {p}',
  'Công ty Cổ phần Nước sạch {p}',
  'Công ty TNHH MTV Xổ số kiến thiết {p}',
  'Trung tâm Kiểm soát bệnh tật {p}',
];
/** Deconcentrated offices numbered by region since 2025 ("Chi cục Thuế khu vực III"). */
const REGIONAL_UNITS: readonly string[] = ['Chi cục Thuế', 'Chi cục Thống kê', 'Chi cục Thi hành án dân sự', 'Hạt Kiểm lâm', 'Kho bạc Nhà nước'];

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) [out, n] = [out + s, n - v];
  return out;
}

const POLICE_UNITS: readonly string[] = [
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
  'Phòng Cảnh sát cơ động',
  'Phòng Kỹ thuật hình sự',
  'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
];

/**
 * The establishment date of a child: organisations re-founded in the 2025 reorganisation got theirs within weeks
 * of their new superior; under an older superior (the armed forces) they spread over the decades after it.
 */
function childDate(rng: Rng, parent: string): string {
  const to = minDate(parent >= '2025-01-01' ? addDays(parent, 90) : minDate(addYears(parent, 40), '2020-12-31'), NATION_CAP);
  return dateAfter(rng, parent, parent, to, NATION_CAP);
}

/**
 * Streams the organisation rows of the whole country, parents before children, in batches of at most
 * `batchSize`. The generator's return value carries the totals.
 */
export function* generateNation(opts: NationOptions): Generator<OrgSeedRow[], NationStats, undefined> {
  const rng = createRng(opts.seed);
  const structRng = rng.fork('structure');
  const nameRng = rng.fork('names');
  const ids = createUuidFactory(rng.fork('ids'), opts.idBaseTime ?? '2025-07-01T00:00:00Z');
  const provinces = opts.provinces ?? 34;
  const perProvince = opts.grassrootsPerProvince ?? 1530;
  const communes = Math.max(1, opts.communesPerProvince ?? 98);
  const [cMin, cMax] = opts.cellsPerPartyCommittee ?? [3, 12];
  const batchSize = Math.max(1, opts.batchSize ?? 2000);
  // A former commune keeps all its village cells: many more than an agency has.
  const formerCells: [number, number] = [Math.max(cMin, cMax - 2), 2 * cMax];
  const otherCells: [number, number] = [cMin, cMax];

  const stats: NationStats = { orgs: 0, provinces: 0, communes: 0, grassroots: 0, partyCommittees: 0, cells: 0, batches: 0 };
  const buf: OrgSeedRow[] = [];
  const builder = new TreeBuilder(ids, structRng, (row) => {
    buf.push(row);
    stats.orgs++;
    const k = row.version.kind_code;
    if (k === 'dang_bo_co_so' || k === 'chi_bo_co_so') stats.grassroots++;
    if (k === 'dang_bo_co_so') stats.partyCommittees++;
    if (k === 'chi_bo_co_so' || k === 'chi_bo_truc_thuoc') stats.cells++;
  });

  /** Adds a grassroots organisation with its cells. */
  const grassroots = (parent: TreeNode, name: string, sector: string, dangBo: number, pool: CellPool, cells: [number, number]) => {
    const kind = structRng.chance(dangBo) ? 'dang_bo_co_so' : 'chi_bo_co_so';
    const established = childDate(structRng, parent.established);
    const node = builder.add(parent, { name: `${partyPrefix(kind)} ${name}`, kind, sector, established, issuer: 'ĐU' });
    if (kind === 'dang_bo_co_so') {
      const namer = new CellNamer(nameRng, pool);
      const n = structRng.int(cells[0], cells[1]);
      for (let i = 0; i < n; i++) {
        const est = childDate(structRng, node.established);
        builder.add(node, { name: namer.next(), kind: 'chi_bo_truc_thuoc', established: est, issuer: 'ĐU' });
      }
    }
  };

  function* flush(all: boolean): Generator<OrgSeedRow[], void, undefined> {
    while (buf.length >= batchSize || (all && buf.length > 0)) {
      stats.batches++;
      yield buf.splice(0, batchSize);
    }
  }

  for (let pi = 0; pi < provinces; pi++) {
    const base = PROVINCES_2025[pi % PROVINCES_2025.length]!;
    const round = Math.floor(pi / PROVINCES_2025.length);
    const info: ProvinceInfo = { name: round === 0 ? base.name : `${base.name} ${round + 1}`, city: base.city };
    const word = info.city ? 'thành phố' : 'tỉnh';
    const unchanged = round === 0 && PROVINCES_UNCHANGED_2025.includes(info.name);
    const places = placeNamer(nameRng);
    const patrons = patronNamer(nameRng);
    const rootEstablished = unchanged ? structRng.dateBetween('1945-09-02', '1948-12-31') : REORG_DAY;
    const root = builder.add(
      null,
      { name: `Đảng bộ ${provinceLabel(info)}`, kind: 'dang_bo_tinh', established: rootEstablished, issuer: 'TW' },
      String(pi + 1).padStart(2, '0'),
    );
    stats.provinces++;

    // The provincial committees directly under the province: party agencies and the People's Committee (both
    // formed in February 2025), the military and the police.
    const feb2025 = (): string => dateAfter(structRng, root.established, '2025-02-01', '2025-02-28', NATION_CAP);
    const partyAgencies = builder.add(root, {
      name: `Đảng bộ các cơ quan Đảng ${word} ${info.name}`,
      kind: 'dang_bo_cap_tren_co_so',
      established: feb2025(),
      issuer: 'TU',
    });
    const peoplesCommittee = builder.add(root, {
      name: `Đảng bộ Ủy ban nhân dân ${word} ${info.name}`,
      kind: 'dang_bo_cap_tren_co_so',
      established: feb2025(),
      issuer: 'TU',
    });
    const old = (): string => dateAfter(structRng, root.established, '1946-01-01', '1960-12-31', NATION_CAP);
    const military = builder.add(root, { name: `Đảng bộ Quân sự ${word} ${info.name}`, kind: 'dang_bo_cap_tren_co_so', established: old(), issuer: 'TU' });
    const police = builder.add(root, { name: `Đảng bộ Công an ${word} ${info.name}`, kind: 'dang_bo_cap_tren_co_so', established: old(), issuer: 'TU' });

    // Commune, ward and special-zone committees.
    const communeNodes: { node: TreeNode; label: string }[] = [];
    for (let ci = 0; ci < communes; ci++) {
      const special = ci === communes - 1 && communes > 10 && structRng.chance(0.35);
      const sector = special ? 'dac_khu' : structRng.chance(info.city ? 0.55 : 0.17) ? 'phuong' : 'xa';
      const label = `${sector === 'dac_khu' ? 'đặc khu' : sector === 'phuong' ? 'phường' : 'xã'} ${places.next()}`;
      const node = builder.add(root, {
        name: `Đảng bộ ${label}`,
        kind: 'dang_bo_cap_tren_co_so',
        sector,
        established: REORG_DAY > root.established ? REORG_DAY : root.established,
        issuer: 'TU',
      });
      communeNodes.push({ node, label });
      stats.communes++;
    }
    yield* flush(false);

    // Provincial share of the grassroots: a quarter, most of it police (a cell per commune) and the People's
    // Committee's departments, hospitals, schools and enterprises.
    const nProvincial = Math.min(perProvince, Math.round(perProvince * 0.25));
    const nPolice = Math.round(nProvincial * 0.32);
    const nMilitary = Math.round(nProvincial * 0.08);
    const nParty = Math.round(nProvincial * 0.1);
    const nPeoples = nProvincial - nPolice - nMilitary - nParty;
    const used = new Set<string>();
    const unique = (name: string): string => {
      let out = name;
      for (let k = 2; used.has(out); k++) out = `${name} số ${k}`;
      used.add(out);
      return out;
    };
    const partyNames = nameRng.shuffle(PARTY_AGENCIES.map((n) => n.replace('{p}', info.name)));
    for (let i = 0; i < nParty; i++) {
      const listed = partyNames.pop();
      const name = listed ?? `${i % 2 ? 'Tòa án nhân dân' : 'Viện Kiểm sát nhân dân'} khu vực ${Math.floor(i / 2) + 1}`;
      grassroots(partyAgencies, unique(name), 'co_quan_hanh_chinh', 0.3, 'agency', otherCells);
    }
    yield* flush(false);
    const peoplesNames = nameRng.shuffle(PEOPLES_COMMITTEE_UNITS.map((n) => n.replace('{p}', info.name)));
    const regional = new Map<string, number>();
    let healthCentres = 0;
    for (let i = 0; i < nPeoples; i++) {
      const listed = peoplesNames.pop();
      if (listed) {
        const sector = /^(Sở|Thanh tra|Văn phòng|Ban)/u.test(listed) ? 'co_quan_hanh_chinh' : listed.startsWith('Công ty') ? 'dn_nha_nuoc' : 'don_vi_su_nghiep';
        const pool: CellPool = listed.startsWith('Bệnh viện')
          ? 'hospital'
          : listed.startsWith('Trường')
            ? 'school'
            : sector === 'dn_nha_nuoc'
              ? 'enterprise'
              : 'agency';
        grassroots(peoplesCommittee, unique(listed), sector, 0.6, pool, otherCells);
        continue;
      }
      const r = structRng.next();
      if (r < 0.35) {
        grassroots(peoplesCommittee, unique(`Trường THPT ${patrons.next()}`), 'don_vi_su_nghiep', 0.25, 'school', otherCells);
      } else if (r < 0.5) {
        // One regional health centre per former district, named after a commune of the area.
        const area = communeNodes[healthCentres++ % communeNodes.length]!.label.replace(/^(xã|phường|đặc khu) /u, '');
        grassroots(peoplesCommittee, unique(`Trung tâm Y tế khu vực ${area}`), 'don_vi_su_nghiep', 0.8, 'hospital', otherCells);
      } else if (r < 0.62) {
        const unit = structRng.pick(REGIONAL_UNITS);
        const k = (regional.get(unit) ?? 0) + 1;
        regional.set(unit, k);
        grassroots(peoplesCommittee, unique(`${unit} khu vực ${toRoman(k)}`), 'co_quan_hanh_chinh', 0.15, 'agency', otherCells);
      } else {
        const sector = structRng.chance(0.2) ? 'dn_nha_nuoc' : 'dn_ngoai_nha_nuoc';
        let name = companyName(nameRng, info.name);
        for (let k = 0; k < 5 && used.has(name); k++) name = companyName(nameRng, info.name);
        grassroots(peoplesCommittee, unique(name), sector, 0.35, 'enterprise', otherCells);
      }
      if (buf.length >= batchSize) yield* flush(false);
    }
    for (let i = 0; i < nMilitary; i++) {
      const name = i === 0 ? `Cơ quan Bộ Chỉ huy Quân sự ${word}` : i <= 10 ? `Ban Chỉ huy Phòng thủ khu vực ${i}` : `Trung đoàn ${700 + i}`;
      grassroots(military, unique(name), 'luc_luong_vu_trang', 0.85, 'military', otherCells);
    }
    yield* flush(false);
    // The police committee holds a cell per commune police station, then the provincial departments.
    const policeNames = nameRng.shuffle(POLICE_UNITS);
    let squad = 0;
    for (let i = 0; i < nPolice; i++) {
      const commune = communeNodes[i];
      const listed = commune ? undefined : policeNames.pop();
      const name = commune ? `Công an ${commune.label}` : (listed ?? `Đội Cảnh sát cơ động số ${++squad}`);
      grassroots(police, unique(name), 'luc_luong_vu_trang', commune ? 0.15 : 0.8, 'police', otherCells);
      if (buf.length >= batchSize) yield* flush(false);
    }

    // The rest under the communes: the former commune committees with their village cells, the commune's
    // offices and military, schools, clinics, co-operatives and enterprises.
    const inCommunes = perProvince - nProvincial;
    for (const [ci, { node, label }] of communeNodes.entries()) {
      const k = Math.floor(inCommunes / communes) + (ci < inCommunes % communes ? 1 : 0);
      const formerCount = Math.min(k, structRng.int(2, 4));
      const sectorWord = node.sector === 'phuong' ? 'phường' : 'xã';
      const pool: CellPool = node.sector === 'phuong' ? 'ward' : 'village';
      const formerPlaces: string[] = [];
      for (let i = 0; i < formerCount; i++) {
        const place = places.next();
        formerPlaces.push(place);
        grassroots(node, `${sectorWord} ${place}`, node.sector === 'dac_khu' ? 'xa' : node.sector!, 1, pool, formerCells);
      }
      const ctx: CommuneCtx = { label, formerPlaces: formerPlaces.length ? formerPlaces : [label], patrons, province: info.name };
      const localUsed = new Set<string>();
      const fixed: [string, string, number, CellPool][] = [
        [`Cơ quan Đảng - Mặt trận - Đoàn thể ${label}`, 'co_quan_hanh_chinh', 0.4, 'agency'],
        [`Cơ quan Ủy ban nhân dân ${label}`, 'co_quan_hanh_chinh', 0.5, 'agency'],
        [`Quân sự ${label}`, 'luc_luong_vu_trang', 0.05, 'military'],
      ];
      for (let i = formerCount; i < k; i++) {
        const f = fixed[i - formerCount];
        if (f) {
          grassroots(node, f[0], f[1], f[2], f[3], otherCells);
          continue;
        }
        const t = structRng.weighted(COMMUNE_UNITS);
        let name = t.name(ctx, nameRng);
        for (let n = 2; localUsed.has(name); n++) name = `${t.name(ctx, nameRng)}${n > 4 ? ` số ${n}` : ''}`;
        localUsed.add(name);
        grassroots(node, name, t.sector, t.dangBo, t.pool, otherCells);
      }
      if (buf.length >= batchSize) yield* flush(false);
    }
  }
  yield* flush(true);
  return stats;
}

export interface NationMemberOptions {
  seed: number;
  /** Members per cell (default [6, 35]: ~20.5 on average, ~5.6 million over the ~276,000 cells). */
  perCell?: [number, number];
  /** "Today": admissions end a year before it, so everyone generated is official (default 2026-06-30). */
  today?: string;
  batchSize?: number;
}

/**
 * Members for every cell, in batches: about 30% women, births 1940–2004, admission at 18–45 and recognised a year
 * later. Names follow the generator of names.ts (Kinh naming), so searches hit the usual common names as often as
 * they do in real rolls. Deterministic from the seed and the order of the cells.
 */
export function* generateNationMembers(cells: Iterable<string>, opts: NationMemberOptions): Generator<MemberRow[], number, undefined> {
  const rng = createRng(opts.seed).fork('nation-members');
  const ids = createUuidFactory(rng.fork('ids'), opts.today ?? NATION_CAP);
  const [lo, hi] = opts.perCell ?? [6, 35];
  const latest = addYears(opts.today ?? NATION_CAP, -1);
  const size = opts.batchSize ?? 2000;
  let buf: MemberRow[] = [];
  let n = 0;
  for (const cell of cells) {
    const count = rng.int(lo, hi);
    for (let i = 0; i < count; i++) {
      const gender = rng.chance(0.3) ? 'nu' : 'nam';
      const year = rng.int(1940, 2004);
      const birth = rng.dateBetween(`${year}-01-01`, `${year}-12-31`);
      const admitted = minDate(addDays(addYears(birth, rng.int(18, 45)), rng.int(0, 364)), latest);
      const name = personName(rng, gender, { birthYear: year });
      buf.push({
        id: ids(),
        org_id: cell,
        full_name: name.fullName,
        family_name: name.family,
        middle_name: name.middle,
        given_name: name.given,
        name_sort_key: personSortKey(name.fullName),
        gender,
        birth_date: birth,
        admitted_on: admitted,
        official_on: addYears(admitted, 1),
        left_on: null,
      });
      n++;
      if (buf.length >= size) {
        yield buf;
        buf = [];
      }
    }
  }
  if (buf.length) yield buf;
  return n;
}
