/**
 * Catalogues of the member file (domain.md §4), installed as rows by a migration so administrators can extend them.
 * Codes are stable; names are what users read. The 54 ethnic groups follow the official list (Tổng cục Thống kê).
 */
export interface CatalogueItem {
  code: string;
  name: string;
}

const items = (names: string[]): CatalogueItem[] => names.map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name }));

export const ETHNIC_GROUPS: CatalogueItem[] = [
  ...items([
    'Kinh', 'Tày', 'Thái', 'Hoa', 'Khmer', 'Mường', 'Nùng', 'Mông', 'Dao', 'Gia Rai', 'Ngái', 'Ê Đê', 'Ba Na', 'Xơ Đăng',
    'Sán Chay', 'Cơ Ho', 'Chăm', 'Sán Dìu', 'Hrê', 'Mnông', 'Ra Glai', 'Xtiêng', 'Bru - Vân Kiều', 'Thổ', 'Giáy', 'Cơ Tu',
    'Gié Triêng', 'Mạ', 'Khơ Mú', 'Co', 'Tà Ôi', 'Chơ Ro', 'Kháng', 'Xinh Mun', 'Hà Nhì', 'Chu Ru', 'Lào', 'La Chí',
    'La Ha', 'Phù Lá', 'La Hủ', 'Lự', 'Lô Lô', 'Chứt', 'Mảng', 'Pà Thẻn', 'Cơ Lao', 'Cống', 'Bố Y', 'Si La', 'Pu Péo',
    'Brâu', 'Ơ Đu', 'Rơ Măm',
  ]),
  { code: '55', name: 'Người nước ngoài' },
];

export const CATALOGUES: Record<string, CatalogueItem[]> = {
  ethnicity: ETHNIC_GROUPS,
  religion: [
    { code: 'khong', name: 'Không' },
    { code: 'phat_giao', name: 'Phật giáo' },
    { code: 'cong_giao', name: 'Công giáo' },
    { code: 'tin_lanh', name: 'Tin Lành' },
    { code: 'cao_dai', name: 'Cao Đài' },
    { code: 'hoa_hao', name: 'Phật giáo Hòa Hảo' },
    { code: 'hoi_giao', name: 'Hồi giáo' },
    { code: 'khac', name: 'Tôn giáo khác' },
  ],
  general_education: [
    { code: 'tieu_hoc', name: 'Tiểu học' },
    { code: 'thcs', name: 'Trung học cơ sở' },
    { code: 'thpt', name: 'Trung học phổ thông' },
  ],
  professional_level: [
    { code: 'chua_dao_tao', name: 'Chưa qua đào tạo' },
    { code: 'so_cap', name: 'Sơ cấp' },
    { code: 'trung_cap', name: 'Trung cấp' },
    { code: 'cao_dang', name: 'Cao đẳng' },
    { code: 'dai_hoc', name: 'Đại học' },
    { code: 'thac_si', name: 'Thạc sĩ' },
    { code: 'tien_si', name: 'Tiến sĩ' },
  ],
  theory_level: [
    { code: 'chua', name: 'Chưa qua đào tạo' },
    { code: 'so_cap', name: 'Sơ cấp' },
    { code: 'trung_cap', name: 'Trung cấp' },
    { code: 'cao_cap', name: 'Cao cấp' },
    { code: 'cu_nhan', name: 'Cử nhân' },
  ],
  occupation: [
    { code: 'cong_chuc', name: 'Cán bộ, công chức' },
    { code: 'vien_chuc', name: 'Viên chức' },
    { code: 'cong_nhan', name: 'Công nhân, người lao động trong doanh nghiệp' },
    { code: 'nong_dan', name: 'Nông dân' },
    { code: 'luc_luong_vu_trang', name: 'Lực lượng vũ trang' },
    { code: 'hoc_sinh_sinh_vien', name: 'Học sinh, sinh viên' },
    { code: 'nghi_huu', name: 'Nghỉ hưu' },
    { code: 'khac', name: 'Khác' },
  ],
  state_management: [
    { code: 'chuyen_vien', name: 'Chuyên viên' },
    { code: 'chuyen_vien_chinh', name: 'Chuyên viên chính' },
    { code: 'chuyen_vien_cao_cap', name: 'Chuyên viên cao cấp' },
  ],
};
