/**
 * The demo and benchmark generators, without a database: determinism, the shape of the tree, the member roster,
 * and a simulation of the 2025 reorganisation plan on the generated tree.
 */
import { describe, expect, it } from 'vitest';
import { ORG_KINDS, SECTOR_TYPES } from '../../domain/org-kinds.ts';
import { childPath, depthOf } from '../../domain/org-path.ts';
import { planReorganization, type PlanNode } from '../../domain/reorg-plan.ts';
import { personSortKey, splitPersonName } from '../../domain/text.ts';
import { createdEventId } from './bulk-insert.ts';
import { generateNation } from './national.ts';
import { FAMILY_NAMES, NEW_COMMUNES_2025, PLACE_NAMES, personName, placeNamer } from './names.ts';
import { generateProvince, type GeneratedProvince, type MemberEventRow, type MemberRow, type OrgSeedRow, type ReorgInput } from './province.ts';
import type { Selectable } from 'kysely';
import type { MemberEventTable } from '../db/schema.ts';
import { CATALOGUES } from '../../domain/catalogues.ts';
import { anniversariesBetween } from '../../domain/badges.ts';
import { inForceOn, validateDiscipline } from '../../domain/discipline.ts';
import { reachDates, reachesYearsOn } from '../../domain/party-age.ts';
import { ruleSetOn } from '../../domain/rulesets.ts';
import { derivedColumns, rowToEvent } from '../../domain/member-events.ts';
import { addYears, createRng } from './random.ts';
import { addDays } from '../../domain/dates.ts';
import { officialDateFor, statusOn, statusPeriods, TERMINAL_STATUSES, validateEvent, type MemberEvent } from '../../domain/member-status.ts';
import { createUuidFactory, deriveUuid, UUID_V7_RE } from './uuid.ts';

const DEMO = {
  seed: 2025,
  districts: 8,
  grassrootsPerDistrict: 12,
  cellsPerPartyCommittee: [3, 8] as [number, number],
  membersPerCell: [4, 35] as [number, number],
};
const TODAY = '2026-11-22';
const GRASSROOTS = new Set(['dang_bo_co_so', 'chi_bo_co_so']);
const CELLS = new Set(['chi_bo_co_so', 'chi_bo_truc_thuoc']);

const demo = generateProvince(DEMO);

function count<T>(items: Iterable<T>, pred: (x: T) => boolean): number {
  let n = 0;
  for (const x of items) if (pred(x)) n++;
  return n;
}

/** A Vietnamese letter outside ASCII: a diacritic or đ. */
const VN_LETTER = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

describe('random and ids', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 50 }, () => c.uint32())).not.toEqual(sa);
  });

  it('keeps helpers within their ranges', () => {
    const r = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
      const d = r.dateBetween('2024-02-27', '2024-03-02');
      expect(d >= '2024-02-27' && d <= '2024-03-02').toBe(true);
      expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
    expect(r.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    const w =
      count(
        Array.from({ length: 4000 }, () =>
          r.weighted([
            ['a', 3],
            ['b', 1],
          ] as const),
        ),
        (x) => x === 'a',
      ) / 4000;
    expect(w).toBeGreaterThan(0.7);
    expect(w).toBeLessThan(0.8);
    expect(
      count(
        Array.from({ length: 4000 }, () => r.chance(0.1)),
        Boolean,
      ),
    ).toBeLessThan(520);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('makes deterministic, increasing v7-shaped ids', () => {
    const make = () => createUuidFactory(createRng(1), '2025-01-01T00:00:00Z');
    const f = make();
    const ids = Array.from({ length: 10_000 }, () => f());
    expect(Array.from({ length: 10_000 }, make())).toEqual(ids);
    for (const id of ids) expect(id).toMatch(UUID_V7_RE);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2025-01-01T00:00:00Z'));
    const d = deriveUuid(ids[0]!, 'x');
    expect(d).toMatch(UUID_V7_RE);
    expect(deriveUuid(ids[0]!, 'x')).toBe(d);
    expect(deriveUuid(ids[0]!, 'y')).not.toBe(d);
  });
});

describe('names', () => {
  it('produces NFC names split the way the domain splits them', () => {
    const r = createRng(5);
    for (let i = 0; i < 3000; i++) {
      const p = personName(r, i % 3 ? 'nam' : 'nu', { birthYear: 1940 + (i % 66), ethnicity: i % 10 === 0 ? 'Mông' : undefined });
      expect(p.fullName).toBe(p.fullName.normalize('NFC'));
      expect(splitPersonName(p.fullName)).toEqual({ family: p.family, middle: p.middle, given: p.given });
    }
  });

  it('follows the family-name frequencies', () => {
    const r = createRng(9);
    const names = Array.from({ length: 20_000 }, () => personName(r, 'nam').family);
    const share = (f: string) => count(names, (x) => x === f) / names.length;
    expect(share('Nguyễn')).toBeGreaterThan(0.33);
    expect(share('Nguyễn')).toBeLessThan(0.43);
    expect(share('Trần')).toBeGreaterThan(0.08);
    expect(share('Lê')).toBeGreaterThan(0.07);
    expect(FAMILY_NAMES.every(([f]) => f === f.normalize('NFC'))).toBe(true);
  });

  it('has well over 100 distinct place names, and more on demand', () => {
    expect(new Set(PLACE_NAMES).size).toBeGreaterThan(150);
    expect(PLACE_NAMES.every((p) => p === p.normalize('NFC'))).toBe(true);
    const namer = placeNamer(createRng(3));
    const drawn = Array.from({ length: 600 }, () => namer.next());
    expect(new Set(drawn).size).toBe(600);
  });
});

describe('generateProvince: determinism', () => {
  it('gives identical output for the same seed', () => {
    const again = generateProvince(DEMO);
    expect(again.orgs).toEqual(demo.orgs);
    expect(again.members).toEqual(demo.members);
    expect(again.events).toEqual(demo.events);
    expect(again.disciplines).toEqual(demo.disciplines);
    expect(again.awards).toEqual(demo.awards);
    expect(again.reorg2025).toEqual(demo.reorg2025);
  });

  it('gives different output for another seed', () => {
    const other = generateProvince({ ...DEMO, seed: 2026 });
    expect(other.orgs[0]!.org.id).not.toBe(demo.orgs[0]!.org.id);
    expect(other.orgs.map((o) => o.version.name)).not.toEqual(demo.orgs.map((o) => o.version.name));
    expect(other.members.slice(0, 50).map((m) => m.full_name)).not.toEqual(demo.members.slice(0, 50).map((m) => m.full_name));
  });
});

describe('generateProvince: the tree before 1 July 2025', () => {
  const byId = new Map(demo.orgs.map((r) => [r.org.id, r]));

  it('has the demo sizes', () => {
    const grassroots = count(demo.orgs, (r) => GRASSROOTS.has(r.version.kind_code));
    const cells = count(demo.orgs, (r) => CELLS.has(r.version.kind_code));
    expect(grassroots).toBeGreaterThanOrEqual(90);
    expect(grassroots).toBeLessThanOrEqual(130);
    expect(cells).toBeGreaterThanOrEqual(330);
    expect(cells).toBeLessThanOrEqual(480);
    expect(demo.members.length).toBeGreaterThanOrEqual(8000);
    expect(demo.members.length).toBeLessThanOrEqual(12_000);
    expect(demo.stats).toMatchObject({ grassroots, cells, members: demo.members.length, orgs: demo.orgs.length });
  });

  it('has one province root, districts and sector blocs under it', () => {
    const roots = demo.orgs.filter((r) => r.version.parent_id === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]!.version).toMatchObject({ kind_code: 'dang_bo_tinh', depth: 0, name: 'Đảng bộ tỉnh Hưng Yên', code: '01' });
    const level1 = demo.orgs.filter((r) => r.version.depth === 1);
    expect(level1.every((r) => r.version.kind_code === 'dang_bo_cap_tren_co_so')).toBe(true);
    expect(count(level1, (r) => /^Đảng bộ (huyện|thị xã|thành phố) /u.test(r.version.name))).toBe(8);
    // Hưng Yên's own district-level units before 1 July 2025, never another province's.
    expect(level1.map((r) => r.version.name).filter((n) => /^Đảng bộ (huyện|thị xã|thành phố) /u.test(n))).toEqual([
      'Đảng bộ thành phố Hưng Yên',
      'Đảng bộ thị xã Mỹ Hào',
      'Đảng bộ huyện Văn Lâm',
      'Đảng bộ huyện Văn Giang',
      'Đảng bộ huyện Yên Mỹ',
      'Đảng bộ huyện Khoái Châu',
      'Đảng bộ huyện Ân Thi',
      'Đảng bộ huyện Kim Động',
    ]);
    expect(level1.some((r) => r.version.name.startsWith('Đảng bộ Khối các cơ quan'))).toBe(true);
    expect(level1.some((r) => r.version.name.startsWith('Đảng bộ Khối doanh nghiệp'))).toBe(true);
  });

  it('keeps paths, depths, codes and dates consistent', () => {
    const codes = new Set<string>();
    for (const r of demo.orgs) {
      const v = r.version;
      expect(v.org_id).toBe(r.org.id);
      expect(r.org.id).toMatch(UUID_V7_RE);
      expect(v.id).toMatch(UUID_V7_RE);
      expect(v.valid_from).toBe(r.org.established_on);
      expect(v.valid_to).toBeNull();
      expect(r.org.ended_on).toBeNull();
      expect(r.org.current_path).toBe(v.path);
      expect(r.event.kind).toBe('created');
      expect(r.event.effective_date).toBe(r.org.established_on);
      if (r.event.decision_date) expect(r.event.decision_date <= r.event.effective_date).toBe(true);
      if (r.event.decision_no) expect(r.event.decision_no).toMatch(/^\d+-QĐ\/\S+$/u);
      expect(r.org.established_on >= '1945-01-01' && r.org.established_on <= '2020-12-31').toBe(true);
      expect(v.depth).toBe(depthOf(v.path));
      expect(v.code).toMatch(/^\d{2}(\.\d{2,})*$/);
      expect(codes.has(v.code!)).toBe(false);
      codes.add(v.code!);
      if (v.parent_id) {
        const p = byId.get(v.parent_id)!;
        expect(p).toBeDefined();
        expect(v.path).toBe(childPath(p.version.path, r.org.id));
        expect(v.depth).toBe(p.version.depth + 1);
        expect(v.code!.startsWith(`${p.version.code}.`)).toBe(true);
        expect(r.org.established_on >= p.org.established_on).toBe(true);
        // Generators emit parents before children (bulk inserts rely on it).
        expect(demo.orgs.indexOf(p)).toBeLessThan(demo.orgs.indexOf(r));
      } else {
        expect(v.path).toBe(childPath(null, r.org.id));
      }
    }
    expect(new Set(demo.orgs.map((r) => r.org.id)).size).toBe(demo.orgs.length);
    expect(new Set(demo.orgs.map((r) => r.version.id)).size).toBe(demo.orgs.length);
    const rootDate = demo.orgs[0]!.org.established_on;
    expect(demo.orgs.every((r) => r.org.established_on >= rootDate)).toBe(true);
  });

  it('places kinds and sectors where they belong', () => {
    const children = new Map<string, OrgSeedRow[]>();
    for (const r of demo.orgs) if (r.version.parent_id) children.set(r.version.parent_id, [...(children.get(r.version.parent_id) ?? []), r]);
    for (const r of demo.orgs) {
      const kids = children.get(r.org.id) ?? [];
      const k = r.version.kind_code;
      if (k === 'chi_bo_co_so' || k === 'chi_bo_truc_thuoc') expect(kids).toHaveLength(0);
      if (k === 'dang_bo_co_so') {
        expect(kids.length).toBeGreaterThanOrEqual(3);
        expect(kids.length).toBeLessThanOrEqual(8);
        expect(kids.every((c) => c.version.kind_code === 'chi_bo_truc_thuoc')).toBe(true);
      }
      if (GRASSROOTS.has(k)) {
        expect(SECTOR_TYPES.some((s) => s.code === r.version.sector_code)).toBe(true);
        expect(byId.get(r.version.parent_id!)!.version.kind_code).toBe('dang_bo_cap_tren_co_so');
        expect(r.version.name).toMatch(k === 'dang_bo_co_so' ? /^Đảng bộ /u : /^Chi bộ /u);
      } else {
        expect(r.version.sector_code).toBeNull();
      }
      // Names are distinct among siblings.
      const names = kids.map((c) => c.version.name);
      expect(new Set(names).size).toBe(names.length);
    }
    const sectors = new Map<string, number>();
    for (const r of demo.orgs) if (GRASSROOTS.has(r.version.kind_code)) sectors.set(r.version.sector_code!, (sectors.get(r.version.sector_code!) ?? 0) + 1);
    for (const s of ['xa', 'thi_tran', 'co_quan_hanh_chinh', 'don_vi_su_nghiep', 'dn_ngoai_nha_nuoc', 'luc_luong_vu_trang'])
      expect(sectors.get(s) ?? 0).toBeGreaterThan(0);
    // Communes and towns are the largest group; the armed forces a small one.
    expect((sectors.get('xa') ?? 0) + (sectors.get('thi_tran') ?? 0) + (sectors.get('phuong') ?? 0)).toBeGreaterThan(30);
    expect(sectors.get('luc_luong_vu_trang')!).toBeLessThan(20);
  });

  it('writes names in NFC with Vietnamese diacritics', () => {
    for (const r of demo.orgs) expect(r.version.name).toBe(r.version.name.normalize('NFC'));
    for (const m of demo.members) {
      expect(m.full_name).toBe(m.full_name.normalize('NFC'));
      expect(m.full_name).toBe(`${m.family_name} ${m.middle_name} ${m.given_name}`);
      expect(splitPersonName(m.full_name)).toEqual({ family: m.family_name, middle: m.middle_name, given: m.given_name });
      expect(m.name_sort_key).toBe(personSortKey(m.full_name));
    }
    expect(count(demo.orgs, (r) => VN_LETTER.test(r.version.name)) / demo.orgs.length).toBeGreaterThan(0.9);
    expect(count(demo.members, (m) => VN_LETTER.test(m.full_name)) / demo.members.length).toBeGreaterThan(0.8);
    expect(new Set(demo.members.map((m) => m.full_name)).size).toBeGreaterThan(demo.members.length * 0.5);
  });
});

describe('generateProvince: members', () => {
  const kindOf = new Map(demo.orgs.map((r) => [r.org.id, r.version.kind_code]));

  it('puts members on cells only', () => {
    for (const m of demo.members) expect(CELLS.has(kindOf.get(m.org_id)!)).toBe(true);
    expect(new Set(demo.members.map((m) => m.id)).size).toBe(demo.members.length);
  });

  it('has about 30% women', () => {
    const women = count(demo.members, (m) => m.gender === 'nu') / demo.members.length;
    expect(women).toBeGreaterThanOrEqual(0.25);
    expect(women).toBeLessThanOrEqual(0.35);
  });

  it('has plausible dates', () => {
    let neverOfficial = 0;
    for (const m of demo.members) {
      expect(m.birth_date! >= '1940-01-01' && m.birth_date! <= '2006-12-31').toBe(true);
      expect(m.admitted_on >= addYears(m.birth_date!, 18)).toBe(true);
      expect(m.admitted_on < addYears(m.birth_date!, 61)).toBe(true);
      expect(m.admitted_on <= TODAY).toBe(true);
      expect(m.ceremony_on! >= m.admitted_on && m.ceremony_on! <= addDays(m.admitted_on, 40)).toBe(true);
      if (m.official_on == null) {
        neverOfficial++;
        expect(m.admitted_on > addYears(TODAY, -1)).toBe(true);
        expect(m.left_on).toBeNull();
      } else {
        // Exactly the end of the 12 months of probation from the ceremony (§6).
        expect(m.official_on).toBe(officialDateFor(m.ceremony_on!));
        expect(m.official_on! <= TODAY).toBe(true);
      }
      if (m.left_on) {
        expect(m.left_on > m.official_on!).toBe(true);
        expect(m.left_on < TODAY).toBe(true);
      }
    }
    expect(neverOfficial / demo.members.length).toBeGreaterThan(0.015);
    expect(neverOfficial / demo.members.length).toBeLessThan(0.05);
    const left = count(demo.members, (m) => m.left_on != null);
    expect(left).toBeGreaterThan(0);
    expect(left / demo.members.length).toBeLessThan(0.06);
  });

  it('breaks the size rules rarely, but sometimes', () => {
    const official = new Map<string, number>();
    const total = new Map<string, number>();
    for (const m of demo.members) {
      if (m.left_on) continue;
      total.set(m.org_id, (total.get(m.org_id) ?? 0) + 1);
      if (m.official_on) official.set(m.org_id, (official.get(m.org_id) ?? 0) + 1);
    }
    const cells = demo.orgs.filter((r) => CELLS.has(r.version.kind_code));
    const fewOfficial = count(cells, (c) => (official.get(c.org.id) ?? 0) < 3);
    expect(fewOfficial).toBeGreaterThan(0);
    expect(fewOfficial / cells.length).toBeLessThan(0.07);
    const bases = demo.orgs.filter((r) => r.version.kind_code === 'chi_bo_co_so');
    const oversized = count(bases, (c) => (total.get(c.org.id) ?? 0) >= 30);
    expect(oversized / bases.length).toBeLessThan(0.15);
    // Across a few seeds some chi bộ cơ sở have outgrown 30 members.
    let anyOversized = oversized;
    for (const seed of [1, 2, 3]) {
      const p = generateProvince({ ...DEMO, seed });
      const t = new Map<string, number>();
      for (const m of p.members) if (!m.left_on) t.set(m.org_id, (t.get(m.org_id) ?? 0) + 1);
      anyOversized += count(p.orgs, (r) => r.version.kind_code === 'chi_bo_co_so' && (t.get(r.org.id) ?? 0) >= 30);
    }
    expect(anyOversized).toBeGreaterThan(0);
  });
});

describe('generateProvince: member files', () => {
  const n = demo.members.length;
  const share = (pred: (m: MemberRow) => boolean) => count(demo.members, pred) / n;
  const versionOf = new Map(demo.orgs.map((r) => [r.org.id, r.version]));
  /** The grassroots organisation a cell belongs to (a chi bộ cơ sở is its own). */
  const grassrootsOf = (cellId: string) => {
    const v = versionOf.get(cellId)!;
    return v.kind_code === 'chi_bo_co_so' ? v : versionOf.get(v.parent_id!)!;
  };

  it("uses the catalogues' codes exactly", () => {
    const columns: Record<string, string> = {
      ethnicity: 'ethnicity',
      religion: 'religion',
      general_education: 'general_education',
      professional_level: 'professional_level',
      theory_level: 'theory_level',
      occupation: 'occupation',
      state_management: 'state_management',
    };
    for (const [column, catalogue] of Object.entries(columns)) {
      const codes = new Set(CATALOGUES[catalogue]!.map((i) => i.code));
      for (const m of demo.members) {
        const v = (m as Record<string, unknown>)[column];
        if (v != null) expect(codes.has(v as string), `${column} ${String(v)}`).toBe(true);
      }
    }
  });

  it('is mostly Kinh, with minorities, and mostly without religion', () => {
    const kinh = share((m) => m.ethnicity === '01');
    expect(kinh).toBeGreaterThan(0.8);
    expect(kinh).toBeLessThan(0.9);
    expect(new Set(demo.members.map((m) => m.ethnicity)).size).toBeGreaterThan(15);
    expect(share((m) => m.religion === 'khong')).toBeGreaterThan(0.85);
    expect(share((m) => m.religion === 'phat_giao')).toBeGreaterThan(0.02);
    expect(share((m) => m.religion === 'cong_giao')).toBeGreaterThan(0.01);
    // The name follows the group: Mông men are "Giàng A Páo", not "Nguyễn Văn An".
    const mong = demo.members.filter((m) => m.ethnicity === '08');
    expect(mong.length).toBeGreaterThan(10);
    expect(mong.every((m) => !['Nguyễn', 'Trần', 'Phạm'].includes(m.family_name))).toBe(true);
  });

  it('has education, professional and theory levels, older rural members less schooled', () => {
    expect(share((m) => m.general_education === 'thpt')).toBeGreaterThan(0.75);
    const oldVillage = demo.members.filter((m) => m.birth_date! < '1960-01-01' && grassrootsOf(m.org_id).sector_code === 'xa' && m.workplace == null);
    expect(count(oldVillage, (m) => m.general_education !== 'thpt') / oldVillage.length).toBeGreaterThan(0.3);
    for (const level of ['chua', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'])
      expect(
        share((m) => m.theory_level === level),
        level,
      ).toBeGreaterThan(0.005);
    expect(share((m) => m.theory_level === 'so_cap' || m.theory_level === 'trung_cap')).toBeGreaterThan(0.5);
    for (const level of ['chua_dao_tao', 'trung_cap', 'cao_dang', 'dai_hoc', 'thac_si'])
      expect(
        share((m) => m.professional_level === level),
        level,
      ).toBeGreaterThan(0.01);
    // Leaders hold senior theory more often than the rest.
    const heads = demo.members.filter((m) => /^(Giám đốc|Hiệu trưởng|Trưởng phòng|Trưởng khoa)$/u.test(m.position ?? ''));
    expect(count(heads, (m) => m.theory_level === 'cao_cap' || m.theory_level === 'cu_nhan') / heads.length).toBeGreaterThan(0.5);
  });

  it('gives occupations by the kind of organisation, workplaces to working members', () => {
    for (const m of demo.members) {
      const g = grassrootsOf(m.org_id);
      const cellName = versionOf.get(m.org_id)!.name;
      if (g.sector_code === 'luc_luong_vu_trang' || /^Chi bộ (Công an|Quân sự) /u.test(cellName)) expect(m.occupation).toBe('luc_luong_vu_trang');
      else if (g.sector_code === 'dn_nha_nuoc' || g.sector_code === 'dn_ngoai_nha_nuoc') expect(m.occupation).toBe('cong_nhan');
      else if (/^(Chi bộ|Đảng bộ) (Trường|Bệnh viện|Trung tâm Y tế|Phòng khám)/u.test(g.name) || /^Chi bộ (Trường|Trạm Y tế) /u.test(cellName))
        expect(m.occupation).toBe('vien_chuc');
      else if (['xa', 'phuong', 'thi_tran'].includes(g.sector_code ?? '') && m.workplace == null) {
        expect(['nong_dan', 'nghi_huu', 'khac', 'cong_nhan', 'hoc_sinh_sinh_vien']).toContain(m.occupation);
      }
      if (m.workplace == null) expect(['nong_dan', 'nghi_huu', 'khac', 'cong_nhan', 'hoc_sinh_sinh_vien']).toContain(m.occupation);
      else expect(m.position).toBeTruthy();
    }
    const village = demo.members.filter((m) => grassrootsOf(m.org_id).sector_code === 'xa' && m.workplace == null);
    expect(count(village, (m) => m.occupation === 'nong_dan') / village.length).toBeGreaterThan(0.3);
    expect(count(village, (m) => m.occupation === 'nghi_huu') / village.length).toBeGreaterThan(0.1);
    expect(share((m) => m.occupation === 'cong_chuc')).toBeGreaterThan(0.05);
  });

  it('gives unique 12-digit CCCDs that carry the gender, century and year of birth', () => {
    const seen = new Set<string>();
    for (const m of demo.members) {
      expect(m.cccd).toMatch(/^\d{12}$/);
      seen.add(m.cccd!);
      const year = Number(m.birth_date!.slice(0, 4));
      expect(Number(m.cccd![3])).toBe((year >= 2000 ? 2 : 0) + (m.gender === 'nu' ? 1 : 0));
      expect(m.cccd!.slice(4, 6)).toBe(m.birth_date!.slice(2, 4));
    }
    expect(seen.size).toBe(n);
    expect(share((m) => m.cccd!.startsWith('033'))).toBeGreaterThan(0.8);
    // Party card numbers are text with leading zeros kept; only official members have one.
    expect(demo.members.every((m) => (m.card_no == null) === (m.official_on == null) && (m.card_no == null || /^\d{8}$/.test(m.card_no)))).toBe(true);
    expect(demo.members.some((m) => m.card_no?.startsWith('0'))).toBe(true);
    expect(new Set(demo.members.map((m) => m.sheet_no)).size).toBe(n);
    expect(share((m) => m.phone != null)).toBeGreaterThan(0.5);
    expect(share((m) => m.phone != null)).toBeLessThan(0.95);
    expect(demo.members.every((m) => m.phone == null || /^0\d{9}$/.test(m.phone))).toBe(true);
    // Addresses name the province's own places.
    expect(share((m) => (m.current_address ?? '').endsWith('tỉnh Hưng Yên'))).toBeGreaterThan(0.95);
    expect(share((m) => (m.hometown ?? '').endsWith('tỉnh Hưng Yên'))).toBeGreaterThan(0.6);
    // Elsewhere: a commune and its province, a centrally-run city called "thành phố", no district of another province.
    const addresses = demo.members.flatMap((m) => [m.hometown, m.birthplace, m.current_address, m.permanent_address]).filter((a): a is string => a != null);
    const elsewhere = addresses.filter((a) => !a.endsWith('tỉnh Hưng Yên'));
    expect(elsewhere.length).toBeGreaterThan(100);
    expect(elsewhere.every((a) => /^xã [^,]+, (tỉnh|thành phố) [^,]+$/u.test(a))).toBe(true);
    expect(elsewhere.some((a) => a.endsWith('thành phố Hồ Chí Minh'))).toBe(true);
    expect(addresses.some((a) => /tỉnh (Hà Nội|Huế|Hải Phòng|Đà Nẵng|Hồ Chí Minh|Cần Thơ)$/u.test(a))).toBe(false);
    const districts =
      /huyện (Văn Lâm|Văn Giang|Yên Mỹ|Khoái Châu|Ân Thi|Kim Động|Phù Cừ|Tiên Lữ), tỉnh Hưng Yên$|thị xã Mỹ Hào, tỉnh Hưng Yên$|thành phố Hưng Yên, tỉnh Hưng Yên$/u;
    expect(addresses.filter((a) => /(huyện|thị xã|thành phố) [^,]+, tỉnh/u.test(a)).every((a) => districts.test(a))).toBe(true);
  });
});

describe('generateProvince: member histories', () => {
  const eventsOf = new Map<string, MemberEvent[]>();
  const rowsOf = new Map<string, MemberEventRow[]>();
  for (const r of demo.events) {
    const e = rowToEvent({
      ...r,
      details: JSON.parse(r.details as string) as Record<string, unknown>,
      created_at: new Date(0),
    } as Selectable<MemberEventTable>);
    if (!eventsOf.has(r.member_id)) {
      eventsOf.set(r.member_id, []);
      rowsOf.set(r.member_id, []);
    }
    eventsOf.get(r.member_id)!.push(e);
    rowsOf.get(r.member_id)!.push(r);
  }
  const kindOf = new Map(demo.orgs.map((r) => [r.org.id, r.version.kind_code]));
  const n = demo.members.length;
  const kinds = (k: string, year?: string) => count(demo.events, (e) => e.kind === k && (!year || e.effective_date.startsWith(year)));

  it("passes the domain's validation event by event, in strictly increasing dates", () => {
    for (const m of demo.members) {
      const events = eventsOf.get(m.id)!;
      expect(events[0]!.kind).toBe('admitted');
      for (let i = 0; i < events.length; i++) {
        if (i > 0) expect(events[i]!.date > events[i - 1]!.date).toBe(true);
        const errors = validateEvent(events.slice(0, i), events[i]!);
        expect(errors, `${m.id} ${events[i]!.kind} ${events[i]!.date}`).toEqual([]);
      }
      expect(events.at(-1)!.date <= TODAY).toBe(true);
    }
  });

  it('stores the columns the members service would derive', () => {
    for (const m of demo.members) {
      const derived = derivedColumns(eventsOf.get(m.id)!, TODAY);
      for (const [k, v] of Object.entries(derived)) if (v !== undefined) expect((m as Record<string, unknown>)[k], k).toEqual(v);
    }
  });

  it('keeps every member on one roll of a cell: transfers are two halves, hosts are other cells', () => {
    for (const m of demo.members) {
      const rows = rowsOf.get(m.id)!;
      for (const r of rows) {
        if (r.org_id) expect(CELLS.has(kindOf.get(r.org_id)!)).toBe(true);
        if (r.to_org_id) expect(CELLS.has(kindOf.get(r.to_org_id)!)).toBe(true);
      }
      const periods = statusPeriods(eventsOf.get(m.id)!);
      for (let i = 0; i < periods.length; i++) {
        const p = periods[i]!;
        expect(p.orgId).toBeTruthy();
        if (p.hostOrgId) expect(p.hostOrgId).not.toBe(p.orgId);
        if (p.status === 'in_transit') expect(p.toOrgId).not.toBe(p.orgId);
        if (i > 0) expect(p.from).toBe(periods[i - 1]!.to);
      }
      rows.forEach((r, i) => {
        if (r.kind === 'transfer_in_confirmed') {
          expect(rows[i - 1]!.kind).toBe('transfer_out_started');
          expect(r.org_id).toBe(rows[i - 1]!.to_org_id);
          expect(rows[i - 1]!.org_id).not.toBe(r.org_id);
        }
      });
      expect(m.org_id).toBe(periods.at(-1)!.orgId);
    }
  });

  it('has realistic yearly flows (domain.md §14, per 90,000 members: thousands of transfers, a few hundred deaths)', () => {
    for (const year of ['2022', '2023', '2024', '2025']) {
      const transfers = kinds('transfer_out_started', year) / n;
      expect(transfers, year).toBeGreaterThan(0.02);
      expect(transfers, year).toBeLessThan(0.08);
      const deaths = kinds('deceased', year) / n;
      expect(deaths, year).toBeGreaterThan(0.0015);
      expect(deaths, year).toBeLessThan(0.007);
    }
    const admitted = count(demo.members, (m) => m.admitted_on.startsWith('2024')) / n;
    expect(admitted).toBeGreaterThan(0.01);
    // Admissions spread over half a century.
    expect(count(demo.members, (m) => m.admitted_on < '1980-01-01')).toBeGreaterThan(n * 0.03);
    expect(count(demo.members, (m) => m.admitted_on >= '2015-01-01')).toBeGreaterThan(n * 0.15);
  });

  it('includes every kind of history the domain knows, rare ones rarely', () => {
    const status = (s: string) => count(demo.members, (m) => m.status === s);
    expect(status('in_transit')).toBeGreaterThan(2);
    expect(status('in_transit')).toBeLessThan(n * 0.01);
    for (const s of ['deceased', 'exempt', 'temporarily_away', 'struck_off', 'left', 'expelled', 'lost_contact']) expect(status(s), s).toBeGreaterThan(0);
    expect(status('active') / n).toBeGreaterThan(0.88);
    const late = count(demo.events, (e) => e.kind === 'transfer_in_confirmed' && (JSON.parse(e.details as string) as { late?: boolean }).late === true);
    expect(late).toBeGreaterThan(0);
    expect(late / kinds('transfer_in_confirmed')).toBeLessThan(0.1);
    for (const k of [
      'temporary_out',
      'temporary_return',
      'exempted',
      'exemption_ended',
      'lost_contact',
      'contact_restored',
      'suspended',
      'suspension_ended',
      'allowed_to_leave',
      'readmitted',
    ]) {
      expect(kinds(k), k).toBeGreaterThan(0);
    }
    expect(kinds('readmitted') / n).toBeLessThan(0.005);
    expect(
      demo.events
        .filter((e) => e.kind !== 'transfer_in_confirmed' && e.kind !== 'deceased' && e.decision_no)
        .every((e) => /^\d+-(QĐ|GT)\/(UBKT)?(HU|ĐU)$/u.test(e.decision_no!)),
    ).toBe(true);
    expect(demo.stats.history.transfers).toBe(kinds('transfer_in_confirmed'));
  });

  it('disciplines only members who were members then, with the forms their membership allows', () => {
    const per1000 = (demo.disciplines.length / n) * 1000;
    expect(per1000).toBeGreaterThan(1);
    expect(per1000).toBeLessThan(10);
    for (const form of ['reprimand', 'warning', 'removal', 'expulsion'])
      expect(
        count(demo.disciplines, (d) => d.form === form),
        form,
      ).toBeGreaterThan(0);
    for (const d of demo.disciplines) {
      const events = eventsOf.get(d.member_id)!;
      const before = events.filter((e) => e.date < d.decided_on);
      const on = statusOn(before, d.decided_on)!;
      expect(on).not.toBeNull();
      expect(TERMINAL_STATUSES).not.toContain(on.status);
      expect(validateDiscipline(on.membership, d.form)).toBeNull();
      expect(d.announced_on >= d.decided_on && d.announced_on <= TODAY).toBe(true);
      expect(d.violation_on! < d.decided_on).toBe(true);
      expect(d.decision_no).toMatch(/^\d+-QĐ\//u);
      if (d.form === 'expulsion') expect(events.some((e) => e.kind === 'expelled' && e.date === d.decided_on)).toBe(true);
      // No transfer starts while it is in force (§7).
      const decision = { form: d.form, decidedOn: d.decided_on, announcedOn: d.announced_on };
      for (const e of events) if (e.kind === 'transfer_out_started') expect(inForceOn(decision, e.date)).toBe(false);
    }
    expect(count(demo.members, (m) => m.status === 'expelled')).toBe(
      count(demo.disciplines, (d) => d.form === 'expulsion') -
        count(demo.members, (m) => m.status !== 'expelled' && eventsOf.get(m.id)!.some((e) => e.kind === 'expelled')),
    );
  });

  it('awards badges on anniversaries for milestones reached, with a small backlog left', () => {
    const rules = ruleSetOn(TODAY);
    const last = anniversariesBetween(addDays(TODAY, -366), TODAY, rules).at(-1)!;
    const seen = new Set<string>();
    const awardsOf = new Map<string, number[]>();
    for (const a of demo.awards) {
      const key = `${a.member_id}:${a.milestone}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      awardsOf.set(a.member_id, [...(awardsOf.get(a.member_id) ?? []), a.milestone]);
      expect(rules.badges.anniversaries).toContain(a.awarded_on.slice(5));
      expect(a.awarded_on <= TODAY).toBe(true);
      const reached = reachesYearsOn(eventsOf.get(a.member_id)!, a.milestone);
      expect(reached).not.toBeNull();
      expect(reached! <= a.awarded_on).toBe(true);
      expect(a.decision_no).toMatch(/^\d+-QĐ\/TU$/u);
    }
    // Of the milestones reached before the last anniversary by members still in the Party, most were awarded.
    let reached = 0;
    let awarded = 0;
    for (const m of demo.members) {
      if (m.status !== 'active' && m.status !== 'exempt') continue;
      const dates = reachDates(eventsOf.get(m.id)!, rules.badges.milestones);
      rules.badges.milestones.forEach((ms, i) => {
        if (dates[i] && dates[i]! < last) {
          reached++;
          if (awardsOf.get(m.id)?.includes(ms)) awarded++;
        }
      });
    }
    expect(reached).toBeGreaterThan(1000);
    expect(awarded / reached).toBeGreaterThan(0.85);
    expect(awarded / reached).toBeLessThan(0.99);
    expect(demo.awards.some((a) => a.milestone >= 50)).toBe(true);
  });
});

interface SimNode {
  id: string;
  parent: string | null;
  kind: string;
  name: string;
  sector: string | null;
  ended: boolean;
}

/** Applies a reorganisation plan to a tiny in-memory tree, failing on any reference it cannot resolve. */
function simulate(p: GeneratedProvince): Map<string, SimNode> {
  const nodes = new Map<string, SimNode>();
  for (const r of p.orgs)
    nodes.set(r.org.id, {
      id: r.org.id,
      parent: r.version.parent_id,
      kind: r.version.kind_code,
      name: r.version.name,
      sector: r.version.sector_code,
      ended: false,
    });
  const refs = new Map<string, string>();
  const live = (key: string, where: string): SimNode => {
    const n = nodes.get(refs.get(key) ?? key);
    if (!n) throw new Error(`${where}: unknown id or ref ${key}`);
    if (n.ended) throw new Error(`${where}: ${n.name} has ended`);
    return n;
  };
  const activeChildren = (id: string) => [...nodes.values()].filter((n) => n.parent === id && !n.ended);
  p.reorg2025.operations.forEach((op, i) => {
    const at = `op ${i} (${op.type})`;
    switch (op.type) {
      case 'create': {
        const parent = live(op.parent, at);
        if (refs.has(op.ref)) throw new Error(`${at}: duplicate ref ${op.ref}`);
        const id = `ref:${op.ref}`;
        refs.set(op.ref, id);
        nodes.set(id, { id, parent: parent.id, kind: op.kindCode, name: op.name, sector: op.sectorCode ?? null, ended: false });
        break;
      }
      case 'move': {
        const n = live(op.org, at);
        const to = live(op.newParent, at);
        for (let cur: SimNode | undefined = to; cur; cur = cur.parent ? nodes.get(cur.parent) : undefined) {
          if (cur.id === n.id) throw new Error(`${at}: cycle`);
        }
        if (n.parent === to.id) throw new Error(`${at}: already there`);
        n.parent = to.id;
        break;
      }
      case 'merge': {
        const target = live(op.target, at);
        for (const s of op.sources.map((k) => live(k, at))) {
          if (s.id === target.id) throw new Error(`${at}: merge into itself`);
          for (const c of activeChildren(s.id)) c.parent = target.id;
          s.ended = true;
        }
        break;
      }
      case 'rename': {
        const n = live(op.org, at);
        if (n.name === op.name) throw new Error(`${at}: same name`);
        n.name = op.name;
        break;
      }
      case 'reclassify': {
        const n = live(op.org, at);
        if (op.kindCode) n.kind = op.kindCode;
        if (op.sectorCode !== undefined) n.sector = op.sectorCode;
        break;
      }
      case 'dissolve': {
        const n = live(op.org, at);
        const left = activeChildren(n.id);
        if (left.length > 0) throw new Error(`${at}: ${n.name} still has ${left.length} children`);
        n.ended = true;
        break;
      }
    }
  });
  return nodes;
}

function checkReorg(p: GeneratedProvince): void {
  const plan: ReorgInput = p.reorg2025;
  expect(plan).toMatchObject({ effectiveDate: '2025-07-01', decisionDate: '2025-06-20' });
  expect(plan.decisionNo).toMatch(/^\d+-QĐ\/TU$/u);
  expect(plan.operations.length).toBeGreaterThan(0);
  expect(plan.operations.length).toBeLessThanOrEqual(5000);
  const districts = p.orgs.filter((r) => r.version.depth === 1 && /^Đảng bộ (huyện|thị xã|thành phố|quận) /u.test(r.version.name));
  // The district committees are dissolved last, each of them.
  const dissolves = plan.operations.filter((o) => o.type === 'dissolve');
  expect(dissolves.map((o) => o.org).sort()).toEqual(districts.map((d) => d.org.id).sort());
  expect(plan.operations.slice(-dissolves.length).every((o) => o.type === 'dissolve')).toBe(true);

  const after = simulate(p);
  const active = [...after.values()].filter((n) => !n.ended);
  expect(active.some((n) => n.kind === 'dang_bo_cap_tren_co_so' && /huyện/u.test(n.name))).toBe(false);
  for (const n of active) if (n.parent) expect(after.get(n.parent)!.ended).toBe(false);
  // The new communes and wards are directly under the province and hold the former communes.
  const created = active.filter((n) => n.id.startsWith('ref:'));
  expect(created.length).toBeGreaterThan(0);
  for (const c of created) {
    expect(c.kind).toBe('dang_bo_cap_tren_co_so');
    expect(['xa', 'phuong']).toContain(c.sector);
    expect(c.parent).toBe(p.root.id);
    const formers = active.filter((n) => n.parent === c.id && ['xa', 'phuong', 'thi_tran'].includes(n.sector ?? ''));
    expect(formers.length).toBeGreaterThan(0);
  }
  // Nothing is left in the legacy town sector, and the grassroots are all still there (merged ones aside).
  expect(active.some((n) => n.sector === 'thi_tran')).toBe(false);
  const merged = plan.operations.filter((o) => o.type === 'merge').reduce((a, o) => a + (o.type === 'merge' ? o.sources.length : 0), 0);
  expect(count(active, (n) => GRASSROOTS.has(n.kind))).toBe(count(p.orgs, (r) => GRASSROOTS.has(r.version.kind_code)) - merged);
  // Cells of a merged committee move to the target: none is lost.
  expect(count(active, (n) => CELLS.has(n.kind))).toBe(count(p.orgs, (r) => CELLS.has(r.version.kind_code)));
}

describe('generateProvince: the 2025 reorganisation plan', () => {
  it('resolves every reference, empties and dissolves every district', () => {
    checkReorg(demo);
    const ops = demo.reorg2025.operations;
    expect(count(ops, (o) => o.type === 'create')).toBeGreaterThanOrEqual(8);
    expect(count(ops, (o) => o.type === 'rename')).toBeGreaterThan(0);
    expect(count(ops, (o) => o.type === 'move')).toBeGreaterThan(90);
  });

  it('holds for other seeds too, with a few merges among them', () => {
    let merges = 0;
    for (const seed of [1, 2, 3, 4]) {
      const p = generateProvince({ ...DEMO, seed, members: false });
      checkReorg(p);
      merges += count(p.reorg2025.operations, (o) => o.type === 'merge');
    }
    expect(merges).toBeGreaterThan(0);
  });

  it('is accepted by the domain planner', () => {
    const direct = new Map<string, number>();
    for (const m of demo.members) {
      if (m.admitted_on <= '2025-07-01' && (!m.left_on || m.left_on > '2025-07-01')) direct.set(m.org_id, (direct.get(m.org_id) ?? 0) + 1);
    }
    const nodes = new Map<string, PlanNode>(
      demo.orgs.map((r) => [
        r.org.id,
        {
          id: r.org.id,
          parentId: r.version.parent_id,
          path: r.version.path,
          name: r.version.name,
          code: r.version.code,
          kindCode: r.version.kind_code,
          sectorCode: r.version.sector_code,
          directMembers: direct.get(r.org.id) ?? 0,
          visible: true,
          writable: true,
          changedLaterOn: null,
        },
      ]),
    );
    let n = 0;
    const plan = planReorganization(demo.reorg2025.operations, {
      nodes,
      kindNames: new Map(ORG_KINDS.map((k) => [k.code, k.name])),
      sectorNames: new Map(SECTOR_TYPES.map((s) => [s.code, s.name])),
      newId: () => `new-${++n}`,
    });
    expect(plan.conflicts).toEqual([]);
    expect(plan.ok).toBe(true);
    expect(plan.counts.dissolved).toBe(8);
    expect(plan.memberMoves).toEqual([]);
  });
});

/**
 * The new communes and wards of a province the demo knows, by former district: each is named "Đảng bộ <one of the
 * real ones of NQ 1666>" of the district its former communes came from, in that district's order, without gaps.
 */
function checkRealCommunes(p: GeneratedProvince, allUsed: boolean): void {
  const real = NEW_COMMUNES_2025['Hưng Yên']!;
  const after = simulate(p);
  const byId = new Map(p.orgs.map((r) => [r.org.id, r.version]));
  const districtName = (id: string) => byId.get(id)!.name.replace(/^Đảng bộ (huyện|thị xã|thành phố) /u, '');
  const named = new Map<string, string[]>();
  for (const c of [...after.values()].filter((n) => n.id.startsWith('ref:'))) {
    const formers = [...after.values()].filter(
      (n) => n.parent === c.id && byId.get(n.id)?.sector_code && ['xa', 'phuong', 'thi_tran'].includes(byId.get(n.id)!.sector_code!),
    );
    const from = new Set(formers.map((n) => districtName(byId.get(n.id)!.parent_id!)));
    expect(from.size).toBe(1);
    const district = [...from][0]!;
    const unit = c.name.replace(/^Đảng bộ /u, '');
    expect(real[district]).toContain(unit);
    expect(c.sector).toBe(unit.startsWith('phường ') ? 'phuong' : 'xa');
    named.set(district, [...(named.get(district) ?? []), unit]);
  }
  for (const [district, units] of named) {
    const list = real[district]!;
    expect(units).toEqual(list.slice(0, units.length));
    if (allUsed) expect(units).toEqual(list);
  }
}

describe('generateProvince: the communes and wards after 1 July 2025', () => {
  it('are exactly the real ones of their former district (NQ 1666), the first ones where the demo has fewer', () => {
    checkRealCommunes(demo, false);
    const names = demo.reorg2025.operations.flatMap((o) => (o.type === 'create' ? [o.name] : []));
    expect(names).toContain('Đảng bộ phường Phố Hiến');
    expect(names).toContain('Đảng bộ xã Như Quỳnh');
    expect(names).toHaveLength(16);
  });

  it('give the addresses of members on the roll after it: "…, xã Như Quỳnh, tỉnh Hưng Yên"', () => {
    const units = Object.values(NEW_COMMUNES_2025['Hưng Yên']!).flat();
    const on = demo.members.filter((m) => !m.left_on && m.current_address?.endsWith(', tỉnh Hưng Yên'));
    expect(on.length).toBeGreaterThan(1000);
    for (const m of on) {
      const parts = m.current_address!.split(', ');
      expect(units).toContain(parts[parts.length - 2]);
      expect(m.current_address).not.toMatch(/(huyện|thị xã|thành phố|thị trấn) /u);
    }
    expect(demo.members.some((m) => !m.left_on && m.current_address!.endsWith('xã Như Quỳnh, tỉnh Hưng Yên'))).toBe(true);
  });

  it('fold the extra groups into the real ones where the generator makes more', () => {
    const p = generateProvince({ seed: 1, districts: 10, grassrootsPerDistrict: 100, members: false });
    checkRealCommunes(p, true);
    expect(count(p.reorg2025.operations, (o) => o.type === 'create')).toBe(Object.values(NEW_COMMUNES_2025['Hưng Yên']!).flat().length);
  });
});

describe('generateProvince: bench scale', () => {
  it('gives about 1,000 grassroots organisations and 4,000 cells, and a valid plan', () => {
    const p = generateProvince({ seed: 1, districts: 10, grassrootsPerDistrict: 100, members: false });
    expect(p.members).toHaveLength(0);
    expect(p.stats.grassroots).toBeGreaterThanOrEqual(950);
    expect(p.stats.grassroots).toBeLessThanOrEqual(1200);
    expect(p.stats.cells).toBeGreaterThanOrEqual(3400);
    expect(p.stats.cells).toBeLessThanOrEqual(4600);
    expect(new Set(p.orgs.map((r) => r.version.code)).size).toBe(p.orgs.length);
    checkReorg(p);
  });
});

describe('generateNation', () => {
  const small = { seed: 11, provinces: 3, grassrootsPerProvince: 120, communesPerProvince: 9, batchSize: 250 };

  function collect(opts: Parameters<typeof generateNation>[0]): { rows: OrgSeedRow[]; batches: number[]; stats: unknown } {
    const rows: OrgSeedRow[] = [];
    const batches: number[] = [];
    const it = generateNation(opts);
    for (;;) {
      const r = it.next();
      if (r.done) return { rows, batches, stats: r.value };
      batches.push(r.value.length);
      rows.push(...r.value);
    }
  }

  it('streams bounded batches of a consistent post-2025 tree', () => {
    const { rows, batches, stats } = collect(small);
    expect(batches.every((b) => b > 0 && b <= 250)).toBe(true);
    expect(batches.slice(0, -1).every((b) => b === 250)).toBe(true);
    const seen = new Map<string, OrgSeedRow>();
    for (const r of rows) {
      const v = r.version;
      if (v.parent_id === null) {
        expect(v.kind_code).toBe('dang_bo_tinh');
        expect(v.depth).toBe(0);
      } else {
        const parent = seen.get(v.parent_id);
        expect(parent).toBeDefined();
        expect(v.path).toBe(childPath(parent!.version.path, r.org.id));
        expect(v.depth).toBe(parent!.version.depth + 1);
        expect(r.org.established_on >= parent!.org.established_on).toBe(true);
        // nothing established after the generator's cap: a version in the future would hold the tree's horizon back
        expect(r.org.established_on <= '2026-06-30').toBe(true);
        expect(v.code!.startsWith(`${parent!.version.code}.`)).toBe(true);
      }
      expect(v.name).toBe(v.name.normalize('NFC'));
      expect(r.org.current_path).toBe(v.path);
      seen.set(r.org.id, r);
    }
    expect(count(rows, (r) => r.version.parent_id === null)).toBe(3);
    expect(rows.some((r) => r.version.name.includes('Trung ương'))).toBe(false);
    // No district tier: communes and wards sit directly under the province.
    expect(rows.some((r) => /^Đảng bộ huyện /u.test(r.version.name))).toBe(false);
    expect(count(rows, (r) => r.version.depth === 1 && ['xa', 'phuong', 'dac_khu'].includes(r.version.sector_code ?? ''))).toBe(27);
    expect(count(rows, (r) => GRASSROOTS.has(r.version.kind_code))).toBe(360);
    expect(stats).toMatchObject({ provinces: 3, communes: 27, grassroots: 360, orgs: rows.length });
    expect(new Set(rows.map((r) => r.version.code)).size).toBe(rows.length);
    expect(collect(small).rows).toEqual(rows);
  });

  it('reaches the national size by default', () => {
    let orgs = 0;
    let grassroots = 0;
    let roots = 0;
    let largest = 0;
    for (const batch of generateNation({ seed: 1 })) {
      largest = Math.max(largest, batch.length);
      orgs += batch.length;
      for (const r of batch) {
        if (GRASSROOTS.has(r.version.kind_code)) grassroots++;
        if (r.version.parent_id === null) roots++;
      }
    }
    expect(roots).toBe(34);
    expect(largest).toBeLessThanOrEqual(2000);
    expect(grassroots).toBeGreaterThan(50_000);
    expect(grassroots).toBeLessThan(54_000);
    expect(orgs).toBeGreaterThan(270_000);
    expect(orgs).toBeLessThan(330_000);
  }, 60_000);
});

describe('bulk insert helpers', () => {
  it('derives a stable event id per org', () => {
    const id = demo.orgs[0]!.org.id;
    expect(createdEventId(id)).toBe(createdEventId(id));
    expect(createdEventId(id)).toMatch(UUID_V7_RE);
    const all = new Set(demo.orgs.map((r) => createdEventId(r.org.id)));
    expect(all.size).toBe(demo.orgs.length);
    for (const r of demo.orgs) expect(all.has(r.org.id)).toBe(false);
  });
});
