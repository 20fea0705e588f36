/**
 * Organisation kinds and sector types (domain.md §3). They are stored as catalogue rows in the database so an
 * administrator can extend them; these are the rows the first migration installs and the flags the rules read.
 */
export interface OrgKind {
  code: string;
  name: string;
  /** Level in the hierarchy, 1 = province; used for ordering and sanity checks, not as a fixed depth. */
  level: number;
  /** A grassroots organisation (TCCSĐ): đảng bộ cơ sở or chi bộ cơ sở. */
  isGrassroots: boolean;
  /** A cell (chi bộ) where members meet: chi bộ cơ sở or chi bộ trực thuộc. */
  isCell: boolean;
}

export const ORG_KINDS: readonly OrgKind[] = [
  { code: 'dang_bo_tinh', name: 'Đảng bộ tỉnh, thành phố', level: 1, isGrassroots: false, isCell: false },
  { code: 'dang_bo_cap_tren_co_so', name: 'Đảng bộ cấp trên cơ sở', level: 2, isGrassroots: false, isCell: false },
  { code: 'dang_bo_co_so', name: 'Đảng bộ cơ sở', level: 3, isGrassroots: true, isCell: false },
  { code: 'chi_bo_co_so', name: 'Chi bộ cơ sở', level: 3, isGrassroots: true, isCell: true },
  { code: 'dang_bo_bo_phan', name: 'Đảng bộ bộ phận', level: 4, isGrassroots: false, isCell: false },
  { code: 'chi_bo_truc_thuoc', name: 'Chi bộ trực thuộc', level: 5, isGrassroots: false, isCell: true },
  { code: 'to_dang', name: 'Tổ đảng', level: 6, isGrassroots: false, isCell: false },
];

export interface SectorType {
  code: string;
  name: string;
}

export const SECTOR_TYPES: readonly SectorType[] = [
  { code: 'xa', name: 'Xã' },
  { code: 'phuong', name: 'Phường' },
  { code: 'thi_tran', name: 'Thị trấn (trước 01/7/2025)' },
  { code: 'dac_khu', name: 'Đặc khu' },
  { code: 'co_quan_hanh_chinh', name: 'Cơ quan hành chính' },
  { code: 'don_vi_su_nghiep', name: 'Đơn vị sự nghiệp' },
  { code: 'dn_nha_nuoc', name: 'Doanh nghiệp nhà nước' },
  { code: 'dn_ngoai_nha_nuoc', name: 'Doanh nghiệp ngoài nhà nước' },
  { code: 'luc_luong_vu_trang', name: 'Lực lượng vũ trang' },
  { code: 'khac', name: 'Loại hình khác' },
];

export function kindByCode(code: string): OrgKind | undefined {
  return ORG_KINDS.find((k) => k.code === code);
}
