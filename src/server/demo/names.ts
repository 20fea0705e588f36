/**
 * Vietnamese names for generated data: people (family, middle and given names with realistic frequencies, by
 * gender and ethnicity), places (communes, wards, districts, provinces) and party organisations by sector. Every
 * string is NFC; the lists use the traditional tone placement of official documents ("Hòa", "Thủy").
 */
import type { Rng } from './random.ts';

export type Gender = 'nam' | 'nu';

export interface PersonName {
  fullName: string;
  family: string;
  middle: string;
  given: string;
}

// ---------------------------------------------------------------------------------------------------------------
// People

/** Family names with their approximate share of the population, in per cent. */
export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.4],
  ['Trần', 11.0],
  ['Lê', 9.5],
  ['Phạm', 7.0],
  ['Hoàng', 3.0],
  ['Huỳnh', 2.1],
  ['Phan', 4.5],
  ['Vũ', 2.0],
  ['Võ', 1.9],
  ['Đặng', 2.1],
  ['Bùi', 2.0],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1.0],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trương', 0.7],
  ['Đoàn', 0.6],
  ['Đào', 0.5],
  ['Trịnh', 0.5],
  ['Lương', 0.4],
  ['Mai', 0.4],
  ['Cao', 0.4],
  ['Hà', 0.4],
  ['Lưu', 0.3],
  ['Tạ', 0.3],
  ['Lâm', 0.3],
  ['Châu', 0.2],
  ['Chu', 0.2],
  ['Kiều', 0.2],
  ['Phùng', 0.2],
  ['Tô', 0.2],
  ['Thái', 0.2],
  ['Vương', 0.2],
  ['Triệu', 0.15],
  ['Quách', 0.1],
  ['Doãn', 0.1],
  ['Lại', 0.1],
  ['Tăng', 0.1],
  ['Tống', 0.1],
  ['Hứa', 0.1],
  ['Thân', 0.1],
  ['Đàm', 0.1],
  ['Nghiêm', 0.1],
  ['Mạc', 0.08],
  ['Giang', 0.08],
  ['Khúc', 0.05],
  ['Âu', 0.05],
  ['Phí', 0.05],
  ['Ông', 0.05],
  ['Cù', 0.05],
  ['Lục', 0.05],
  ['Tôn', 0.05],
  ['La', 0.05],
  ['Văn', 0.05],
  ['Kim', 0.05],
  ['Khổng', 0.03],
];

/** Middle names of men; "Văn" dominates, more so in older generations. */
const MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ['Văn', 40],
  ['Đức', 8],
  ['Minh', 8],
  ['Quang', 5],
  ['Hữu', 5],
  ['Thanh', 4],
  ['Ngọc', 3],
  ['Xuân', 3],
  ['Công', 3],
  ['Duy', 2.5],
  ['Đình', 3],
  ['Tiến', 2],
  ['Trọng', 2],
  ['Mạnh', 1.5],
  ['Thế', 2],
  ['Anh', 1.5],
  ['Hoàng', 1.5],
  ['Bá', 1.5],
  ['Việt', 1.5],
  ['Quốc', 2],
  ['Trung', 1],
  ['Gia', 1],
  ['Hồng', 1],
  ['Kim', 0.6],
  ['Tuấn', 0.8],
  ['Đăng', 1],
  ['Huy', 0.8],
  ['Khắc', 1],
  ['Nhật', 0.8],
  ['Thành', 1],
  ['Phúc', 0.6],
  ['Chí', 1],
  ['Tấn', 1.2],
  ['Thái', 0.6],
  ['Như', 0.4],
  ['Sỹ', 0.6],
  ['Trí', 0.5],
  ['Bảo', 0.6],
  ['Hải', 0.6],
  ['Phú', 0.4],
];

/** Middle names of women; "Thị" dominates, more so in older generations. */
const MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ['Thị', 55],
  ['Ngọc', 5],
  ['Thu', 4],
  ['Thanh', 4],
  ['Minh', 2.5],
  ['Hồng', 3],
  ['Kim', 3],
  ['Thúy', 2],
  ['Phương', 2],
  ['Hải', 1.5],
  ['Bích', 1.5],
  ['Mai', 1],
  ['Quỳnh', 1],
  ['Diệu', 1],
  ['Khánh', 1.5],
  ['Bảo', 1],
  ['Hoài', 1],
  ['Mỹ', 1.5],
  ['Như', 1],
  ['Tuyết', 0.8],
  ['Vân', 0.5],
  ['Thùy', 1.5],
  ['Cẩm', 0.8],
  ['Lan', 0.8],
  ['Hà', 0.6],
  ['Tú', 0.5],
  ['Xuân', 1],
  ['Huyền', 0.4],
  ['Diễm', 0.5],
  ['Trà', 0.4],
];

/** Second word after "Thị" in four-word women's names ("Nguyễn Thị Thu Hà"). */
const MIDDLE_FEMALE_SECOND: readonly string[] = [
  'Thu',
  'Thanh',
  'Ngọc',
  'Kim',
  'Hồng',
  'Minh',
  'Thúy',
  'Mai',
  'Bích',
  'Lan',
  'Hải',
  'Phương',
  'Thùy',
  'Xuân',
  'Vân',
  'Mỹ',
  'Diệu',
  'Kiều',
  'Tuyết',
  'Quỳnh',
];

const GIVEN_MALE: readonly string[] = [
  'An',
  'Anh',
  'Bảo',
  'Bằng',
  'Bình',
  'Cảnh',
  'Châu',
  'Chiến',
  'Chính',
  'Công',
  'Cường',
  'Đạt',
  'Định',
  'Doanh',
  'Đông',
  'Đức',
  'Dũng',
  'Dương',
  'Duy',
  'Giang',
  'Hải',
  'Hào',
  'Hậu',
  'Hiển',
  'Hiệp',
  'Hiếu',
  'Hòa',
  'Hoan',
  'Hoàng',
  'Học',
  'Hợp',
  'Huấn',
  'Hùng',
  'Hưng',
  'Huy',
  'Khải',
  'Khang',
  'Khánh',
  'Khoa',
  'Khôi',
  'Kiên',
  'Kiệt',
  'Kỳ',
  'Lâm',
  'Lực',
  'Linh',
  'Lộc',
  'Lợi',
  'Long',
  'Luân',
  'Lương',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Ngọc',
  'Nguyên',
  'Nhân',
  'Ninh',
  'Phát',
  'Phong',
  'Phú',
  'Phúc',
  'Phương',
  'Quân',
  'Quang',
  'Quý',
  'Quyết',
  'Sang',
  'Sáng',
  'Sơn',
  'Tài',
  'Tâm',
  'Tân',
  'Tạo',
  'Thái',
  'Thắng',
  'Thành',
  'Thanh',
  'Thiện',
  'Thịnh',
  'Thọ',
  'Thông',
  'Thuận',
  'Tiến',
  'Tình',
  'Toàn',
  'Toản',
  'Trí',
  'Triều',
  'Trung',
  'Trường',
  'Tú',
  'Tuấn',
  'Tùng',
  'Tường',
  'Uy',
  'Việt',
  'Vinh',
  'Vĩnh',
  'Vũ',
  'Vượng',
  'Xuân',
  'Yên',
  'Điệp',
  'Hạnh',
  'Lập',
  'Nhật',
  'Quyền',
  'Sỹ',
  'Thạch',
  'Thân',
  'Thìn',
  'Tư',
  'Khương',
  'Hiến',
  'Bắc',
  'Hội',
  'Khiêm',
];

const GIVEN_FEMALE: readonly string[] = [
  'An',
  'Anh',
  'Ánh',
  'Bích',
  'Chi',
  'Cúc',
  'Diệp',
  'Diệu',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hằng',
  'Hạnh',
  'Hảo',
  'Hậu',
  'Hiền',
  'Hoa',
  'Hòa',
  'Hoài',
  'Hồng',
  'Huệ',
  'Hương',
  'Hường',
  'Huyền',
  'Khánh',
  'Kiều',
  'Lan',
  'Lành',
  'Lệ',
  'Liên',
  'Liễu',
  'Linh',
  'Loan',
  'Lụa',
  'Ly',
  'Lý',
  'Mai',
  'Mơ',
  'My',
  'Nga',
  'Ngà',
  'Ngân',
  'Ngọc',
  'Nguyệt',
  'Nhàn',
  'Nhi',
  'Nhung',
  'Oanh',
  'Phượng',
  'Phương',
  'Quyên',
  'Quỳnh',
  'Sen',
  'Tâm',
  'Thắm',
  'Thanh',
  'Thảo',
  'Thoa',
  'Thơm',
  'Thu',
  'Thủy',
  'Thúy',
  'Thư',
  'Thương',
  'Trang',
  'Trâm',
  'Tuyền',
  'Tuyết',
  'Tươi',
  'Uyên',
  'Vân',
  'Vui',
  'Vy',
  'Xuân',
  'Yến',
  'Hải',
  'Minh',
  'Nương',
  'Thêu',
  'Chinh',
  'Điệp',
  'Hiên',
  'Khuyên',
  'Lương',
  'Mến',
  'Nhạn',
  'Quế',
  'Sương',
  'Thìn',
  'Trinh',
  'Vinh',
];

/**
 * Ethnic groups with their approximate share of the population in per cent (2019 census); smaller groups are
 * folded into "Khác".
 */
export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 85.3],
  ['Tày', 1.9],
  ['Thái', 1.9],
  ['Mường', 1.5],
  ['Mông', 1.5],
  ['Khmer', 1.4],
  ['Nùng', 1.1],
  ['Dao', 0.9],
  ['Hoa', 0.8],
  ['Chăm', 0.2],
  ['Sán Dìu', 0.2],
  ['Sán Chay', 0.2],
  ['Khác', 3.1],
];

export function pickEthnicity(rng: Rng): string {
  return rng.weighted(ETHNICITIES);
}

interface EthnicNaming {
  families: readonly string[];
  maleMiddle?: readonly string[];
  femaleMiddle?: readonly string[];
  maleGiven?: readonly string[];
  femaleGiven?: readonly string[];
}

/** Naming customs of the larger minorities; anything not given here follows the Kinh lists. */
const ETHNIC_NAMING: Record<string, EthnicNaming> = {
  Tày: { families: ['Hoàng', 'Nông', 'Lục', 'Lương', 'Ma', 'Hà', 'Đàm', 'Lăng', 'Bế', 'Triệu', 'Hoàng', 'Nông'] },
  Thái: { families: ['Lò', 'Lường', 'Quàng', 'Cầm', 'Vi', 'Hà', 'Lự', 'Tòng', 'Điêu', 'Lò', 'Lường'] },
  Mường: { families: ['Bùi', 'Đinh', 'Quách', 'Hà', 'Xa', 'Bạch', 'Bùi', 'Đinh'] },
  Mông: {
    families: ['Giàng', 'Sùng', 'Vàng', 'Lầu', 'Thào', 'Hờ', 'Mùa', 'Lý', 'Sình', 'Tráng', 'Vừ', 'Hạng'],
    maleMiddle: ['A', 'A', 'A', 'Seo', 'Chứ', 'Mí'],
    femaleMiddle: ['Thị'],
    maleGiven: ['Páo', 'Dình', 'Chứ', 'Sử', 'Tủa', 'Pó', 'Chá', 'Lử', 'Nhìa', 'Sềnh', 'Dế', 'Lầu', 'Phứ', 'Của'],
    femaleGiven: ['Mỷ', 'Dợ', 'Sua', 'Mai', 'Chu', 'Máy', 'Pà', 'Dở', 'Sía', 'Súa', 'Chứ', 'Vừ', 'Lan'],
  },
  Khmer: { families: ['Thạch', 'Sơn', 'Danh', 'Kim', 'Lâm', 'Trà', 'Châu', 'Thạch', 'Sơn', 'Danh'] },
  Nùng: { families: ['Hoàng', 'Nông', 'Lý', 'Lăng', 'Mã', 'Chu', 'Vy', 'Dương', 'Lục'] },
  Dao: {
    families: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng', 'Chảo', 'Tẩn', 'Triệu', 'Bàn'],
    maleMiddle: ['Văn', 'Tiến', 'Phúc', 'Tài', 'Văn'],
    femaleMiddle: ['Thị', 'Mùi', 'Thị'],
  },
  Hoa: {
    families: ['Lý', 'Trương', 'Quách', 'Lâm', 'Tăng', 'Diệp', 'Mạch', 'Hứa', 'Lưu', 'La', 'Châu', 'Vương'],
    maleMiddle: ['Vĩnh', 'Gia', 'Quốc', 'Tú', 'Chí', 'Kiến', 'Văn'],
    femaleMiddle: ['Mỹ', 'Lệ', 'Tú', 'Ngọc', 'Thị', 'Bội'],
  },
  Chăm: { families: ['Đàng', 'Thành', 'Quảng', 'Thiên', 'Lưu', 'Bá', 'Châu', 'Dụng', 'Lộ'] },
  'Sán Dìu': { families: ['Trần', 'Lý', 'Tạ', 'Hoàng', 'Diệp', 'Đỗ', 'Lam'] },
  'Sán Chay': { families: ['Hoàng', 'Lý', 'Lâm', 'Trần', 'Đàm', 'Nịnh', 'Vi'] },
};

/**
 * A realistic full name. `birthYear` shifts the middle-name habit (older people are more often "Văn"/"Thị" and
 * rarely have four-word names); `ethnicity` picks the family names and naming custom of the group.
 */
export function personName(rng: Rng, gender: Gender, opts: { ethnicity?: string; birthYear?: number } = {}): PersonName {
  const naming = opts.ethnicity ? ETHNIC_NAMING[opts.ethnicity] : undefined;
  const year = opts.birthYear ?? 1975;
  const family = naming ? rng.pick(naming.families) : rng.weighted(FAMILY_NAMES);
  let middle: string;
  let given: string;
  if (gender === 'nam') {
    const old = year < 1965 ? 0.35 : year < 1985 ? 0.15 : 0;
    middle = naming?.maleMiddle ? rng.pick(naming.maleMiddle) : rng.chance(old) ? 'Văn' : rng.weighted(MIDDLE_MALE);
    given = rng.pick(naming?.maleGiven ?? GIVEN_MALE);
  } else {
    const old = year < 1965 ? 0.4 : year < 1985 ? 0.2 : 0;
    middle = naming?.femaleMiddle ? rng.pick(naming.femaleMiddle) : rng.chance(old) ? 'Thị' : rng.weighted(MIDDLE_FEMALE);
    given = rng.pick(naming?.femaleGiven ?? GIVEN_FEMALE);
    const fourWords = !naming && middle === 'Thị' && rng.chance(year >= 1975 ? 0.22 : 0.08);
    if (fourWords) middle = `Thị ${rng.pick(MIDDLE_FEMALE_SECOND)}`;
  }
  // "Nguyễn Văn Văn" or "Trần Thu Thu" do not occur: redraw the given name once, then fall back.
  if (middle.split(' ').includes(given)) {
    given = rng.pick(gender === 'nam' ? GIVEN_MALE : GIVEN_FEMALE);
    if (middle.split(' ').includes(given)) given = gender === 'nam' ? 'Hùng' : 'Hương';
  }
  const fullName = `${family} ${middle} ${given}`.normalize('NFC');
  return { fullName, family: family.normalize('NFC'), middle: middle.normalize('NFC'), given: given.normalize('NFC') };
}

// ---------------------------------------------------------------------------------------------------------------
// Places

/** Real-sounding commune, ward and village names; most occur somewhere in Việt Nam, many several times. */
export const PLACE_NAMES: readonly string[] = [
  'Tân Lập',
  'Hòa Bình',
  'Đông Hưng',
  'Tân Tiến',
  'Quang Trung',
  'Hưng Đạo',
  'Minh Khai',
  'Trung Hòa',
  'An Bình',
  'Phú Lộc',
  'Tân Phú',
  'Vĩnh Hưng',
  'Thanh Xuân',
  'Đồng Tâm',
  'Thống Nhất',
  'Hồng Phong',
  'Hợp Tiến',
  'Yên Phú',
  'Đại Đồng',
  'Nghĩa Hưng',
  'Xuân Lâm',
  'Tân Hưng',
  'Phú Thịnh',
  'Minh Tân',
  'An Phú',
  'Bình Minh',
  'Đông Hòa',
  'Tây Sơn',
  'Nam Sơn',
  'Bắc Sơn',
  'Hồng Thái',
  'Liên Phương',
  'Thiện Phiến',
  'Hải Triều',
  'Nhật Tân',
  'Dị Chế',
  'Ngọc Long',
  'Đồng Than',
  'Việt Hưng',
  'Lạc Hồng',
  'Đình Dù',
  'Lạc Đạo',
  'Chỉ Đạo',
  'Minh Hải',
  'Tân Quang',
  'Nghĩa Trụ',
  'Long Hưng',
  'Cửu Cao',
  'Phụng Công',
  'Xuân Quan',
  'Mễ Sở',
  'Thắng Lợi',
  'Liên Nghĩa',
  'Tân Dân',
  'Bình Kiều',
  'Đông Kết',
  'Dạ Trạch',
  'Hàm Tử',
  'Ông Đình',
  'Tứ Dân',
  'Đông Tảo',
  'Phùng Hưng',
  'Việt Hòa',
  'Thuần Hưng',
  'Đồng Tiến',
  'Hồng Tiến',
  'Toàn Thắng',
  'Vĩnh Xá',
  'Chính Nghĩa',
  'Hiệp Cường',
  'Ngọc Thanh',
  'Mai Động',
  'Thọ Vinh',
  'Song Mai',
  'Đức Hợp',
  'Phú Thọ',
  'Nhân La',
  'Vân Du',
  'Đào Dương',
  'Bãi Sậy',
  'Quang Vinh',
  'Hồng Quang',
  'Hoàng Hoa Thám',
  'Phù Ủng',
  'Hạ Lễ',
  'Văn Nhuệ',
  'Cẩm Ninh',
  'Đặng Lễ',
  'Tiền Phong',
  'Hồ Tùng Mậu',
  'Tân Phúc',
  'Nguyễn Trãi',
  'Quảng Lãng',
  'Xuân Trúc',
  'Đa Lộc',
  'Hồng Nam',
  'Bảo Khê',
  'Trung Nghĩa',
  'Phương Chiểu',
  'Hoàng Hanh',
  'Quảng Châu',
  'Hùng An',
  'Lam Sơn',
  'An Vĩ',
  'Dân Tiến',
  'Đồng Thanh',
  'Tân Châu',
  'Đông Ninh',
  'Bình Lăng',
  'Hàm Long',
  'Phú Cường',
  'Thụy Lôi',
  'Ngô Quyền',
  'Cương Chính',
  'Minh Phượng',
  'Nhật Quang',
  'Đoàn Đào',
  'Tống Trân',
  'Tống Phan',
  'Quang Hưng',
  'Tam Đa',
  'Minh Tiến',
  'Phan Sào Nam',
  'Nguyên Hòa',
  'Tiên Tiến',
  'Đình Cao',
  'Hưng Long',
  'Ngọc Lâm',
  'Dị Sử',
  'Phùng Chí Kiên',
  'Cẩm Xá',
  'Xuân Dục',
  'Bạch Sam',
  'Hòa Phong',
  'Nhân Hòa',
  'Phú Xuân',
  'An Thịnh',
  'Hòa Lạc',
  'Vĩnh Lộc',
  'Thạnh Phú',
  'Long Điền',
  'Phước Hòa',
  'Tân Thạnh',
  'Bình Thạnh',
  'Mỹ Hòa',
  'Long Hòa',
  'Phước Thạnh',
  'An Nhơn',
  'Tam Hiệp',
  'Tân Phước',
  'Bình An',
  'Thuận An',
  'Mỹ Phước',
  'Hòa Hiệp',
  'Phước Long',
  'Tân Định',
  'Long Thạnh',
  'Vĩnh Thạnh',
  'Hiệp Hòa',
  'Cẩm Thủy',
  'Quảng Phú',
  'Đông Sơn',
  'Thiệu Đô',
  'Hoằng Lộc',
  'Nga Liên',
  'Thọ Lập',
  'Yên Trường',
  'Diễn Kim',
  'Nghi Xuân',
  'Thạch Kim',
  'Kỳ Phương',
  'Sơn Kim',
  'Cẩm Lạc',
  'Đức Lạng',
  'Vĩnh Tường',
  'Tam Dương',
  'Lập Thạch',
  'Hợp Thịnh',
  'Đạo Trù',
  'Bồ Lý',
  'Kim Long',
  'Yên Lạc',
  'Đồng Văn',
  'Sơn Vi',
  'Trung Kiên',
];

/** First and second elements of Sino-Vietnamese place names ("Tân" + "Lập"), for names beyond the list above. */
const PLACE_FIRST: readonly string[] = [
  'Tân',
  'Hòa',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Phú',
  'An',
  'Vĩnh',
  'Long',
  'Thạnh',
  'Hưng',
  'Bình',
  'Phước',
  'Thuận',
  'Quang',
  'Minh',
  'Hiệp',
  'Thanh',
  'Trung',
  'Đại',
  'Yên',
  'Hồng',
  'Cẩm',
  'Xuân',
  'Thượng',
  'Hạ',
  'Mỹ',
  'Gia',
  'Kim',
  'Ngọc',
  'Nghĩa',
  'Đức',
  'Lạc',
  'Phúc',
  'Quảng',
  'Sơn',
  'Tiên',
  'Việt',
  'Hải',
];
const PLACE_SECOND: readonly string[] = [
  'Lập',
  'Bình',
  'Hưng',
  'Phú',
  'An',
  'Thịnh',
  'Lợi',
  'Hòa',
  'Thành',
  'Long',
  'Tiến',
  'Phong',
  'Sơn',
  'Hải',
  'Lộc',
  'Mỹ',
  'Khánh',
  'Đức',
  'Quang',
  'Tân',
  'Trung',
  'Xuân',
  'Hiệp',
  'Thuận',
  'Phước',
  'Vinh',
  'Định',
  'Nghĩa',
  'Thạnh',
  'Điền',
  'Lâm',
  'Hồng',
  'Kim',
  'Dương',
  'Châu',
  'Thủy',
  'Cường',
  'Tường',
  'Hạnh',
  'Thái',
];

export const DISTRICT_NAMES: readonly string[] = [
  'Kim Động',
  'Ân Thi',
  'Khoái Châu',
  'Văn Lâm',
  'Văn Giang',
  'Yên Mỹ',
  'Phù Cừ',
  'Tiên Lữ',
  'Mỹ Hào',
  'Đông Anh',
  'Gia Lâm',
  'Thanh Oai',
  'Ứng Hòa',
  'Kim Bảng',
  'Thanh Liêm',
  'Lý Nhân',
  'Bình Lục',
  'Duy Tiên',
  'Nghĩa Hưng',
  'Hải Hậu',
  'Giao Thủy',
  'Xuân Trường',
  'Vụ Bản',
  'Ý Yên',
  'Hoằng Hóa',
  'Quảng Xương',
  'Nga Sơn',
  'Thiệu Hóa',
  'Yên Định',
  'Thọ Xuân',
  'Triệu Sơn',
  'Diễn Châu',
  'Quỳnh Lưu',
  'Nghi Lộc',
  'Hưng Nguyên',
  'Nam Đàn',
  'Thanh Chương',
  'Đô Lương',
  'Can Lộc',
  'Thạch Hà',
  'Cẩm Xuyên',
  'Đức Thọ',
  'Hương Sơn',
  'Châu Thành',
  'Chợ Gạo',
  'Cai Lậy',
  'Cái Bè',
  'Tân Phước',
  'Long Thành',
  'Nhơn Trạch',
  'Trảng Bom',
  'Vĩnh Cửu',
  'Định Quán',
  'Xuân Lộc',
  'Cẩm Mỹ',
  'Thống Nhất',
  'Dầu Tiếng',
  'Phú Giáo',
  'Lộc Ninh',
  'Bù Đăng',
  'Tiên Du',
  'Quế Võ',
  'Thuận Thành',
  'Gia Bình',
  'Lương Tài',
  'Yên Phong',
  'Kinh Môn',
  'Nam Sách',
  'Thanh Hà',
  'Tứ Kỳ',
  'Ninh Giang',
];

/**
 * The district-level units of a province before 1 July 2025, for the provinces the demo knows: its provincial city,
 * its towns (thị xã) and its rural districts (huyện), in the order the demo takes them. Hưng Yên as it stood before
 * its merger with Thái Bình: thành phố Hưng Yên, thị xã Mỹ Hào and eight huyện.
 */
export const FORMER_DISTRICTS: Readonly<Record<string, { city: string; towns: readonly string[]; rural: readonly string[] }>> = {
  'Hưng Yên': {
    city: 'Hưng Yên',
    towns: ['Mỹ Hào'],
    rural: ['Văn Lâm', 'Văn Giang', 'Yên Mỹ', 'Khoái Châu', 'Ân Thi', 'Kim Động', 'Phù Cừ', 'Tiên Lữ'],
  },
};

/**
 * The communes and wards formed on 1 July 2025 (Nghị quyết 1666/NQ-UBTVQH15 of the Standing Committee of the
 * National Assembly, on the arrangement of commune-level units of Hưng Yên), by the former district that holds
 * each new unit's seat, in the order the demo names them. Public facts of NQ 1666, as a public dataset lists them.
 */
export const NEW_COMMUNES_2025: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'Hưng Yên': {
    'Hưng Yên': ['phường Phố Hiến', 'phường Sơn Nam', 'phường Hồng Châu', 'xã Tân Hưng'],
    'Mỹ Hào': ['phường Mỹ Hào', 'phường Đường Hào', 'phường Thượng Hồng'],
    'Văn Lâm': ['xã Như Quỳnh', 'xã Lạc Đạo', 'xã Đại Đồng'],
    'Văn Giang': ['xã Nghĩa Trụ', 'xã Phụng Công', 'xã Văn Giang', 'xã Mễ Sở'],
    'Yên Mỹ': ['xã Yên Mỹ', 'xã Việt Yên', 'xã Hoàn Long', 'xã Nguyễn Văn Linh'],
    'Khoái Châu': ['xã Khoái Châu', 'xã Triệu Việt Vương', 'xã Việt Tiến', 'xã Chí Minh', 'xã Châu Ninh'],
    'Ân Thi': ['xã Ân Thi', 'xã Xuân Trúc', 'xã Phạm Ngũ Lão', 'xã Nguyễn Trãi', 'xã Hồng Quang'],
    'Kim Động': ['xã Lương Bằng', 'xã Nghĩa Dân', 'xã Hiệp Cường', 'xã Đức Hợp'],
    'Tiên Lữ': ['xã Hoàng Hoa Thám', 'xã Tiên Lữ', 'xã Tiên Hoa'],
    'Phù Cừ': ['xã Quang Hưng', 'xã Đoàn Đào', 'xã Tiên Tiến', 'xã Tống Trân'],
  },
};

export interface ProvinceInfo {
  name: string;
  /** A centrally-run city ("thành phố") rather than a province ("tỉnh"). */
  city: boolean;
}

/** The eleven provincial units that kept their borders in 2025; the other 23 were formed by mergers. */
export const PROVINCES_UNCHANGED_2025: readonly string[] = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
];

/** The 34 provincial-level units since 12 June 2025. */
export const PROVINCES_2025: readonly ProvinceInfo[] = [
  { name: 'Hà Nội', city: true },
  { name: 'Huế', city: true },
  { name: 'Lai Châu', city: false },
  { name: 'Điện Biên', city: false },
  { name: 'Sơn La', city: false },
  { name: 'Lạng Sơn', city: false },
  { name: 'Quảng Ninh', city: false },
  { name: 'Thanh Hóa', city: false },
  { name: 'Nghệ An', city: false },
  { name: 'Hà Tĩnh', city: false },
  { name: 'Cao Bằng', city: false },
  { name: 'Tuyên Quang', city: false },
  { name: 'Lào Cai', city: false },
  { name: 'Thái Nguyên', city: false },
  { name: 'Phú Thọ', city: false },
  { name: 'Bắc Ninh', city: false },
  { name: 'Hưng Yên', city: false },
  { name: 'Hải Phòng', city: true },
  { name: 'Ninh Bình', city: false },
  { name: 'Quảng Trị', city: false },
  { name: 'Đà Nẵng', city: true },
  { name: 'Quảng Ngãi', city: false },
  { name: 'Gia Lai', city: false },
  { name: 'Khánh Hòa', city: false },
  { name: 'Lâm Đồng', city: false },
  { name: 'Đắk Lắk', city: false },
  { name: 'Hồ Chí Minh', city: true },
  { name: 'Đồng Nai', city: false },
  { name: 'Tây Ninh', city: false },
  { name: 'Cần Thơ', city: true },
  { name: 'Vĩnh Long', city: false },
  { name: 'Đồng Tháp', city: false },
  { name: 'Cà Mau', city: false },
  { name: 'An Giang', city: false },
];

/** "tỉnh Hưng Yên", "thành phố Hà Nội". */
export function provinceLabel(p: ProvinceInfo): string {
  return `${p.city ? 'thành phố' : 'tỉnh'} ${p.name}`;
}

/** Draws names without repetition inside one namer; past its lists it combines elements, then numbers. */
export class UniqueNamer {
  private readonly used = new Set<string>();
  private queue: string[];
  private combos: string[] | null = null;
  private counter = 0;

  constructor(
    private readonly rng: Rng,
    list: readonly string[],
    private readonly makeExtra?: (rng: Rng) => string[],
  ) {
    this.queue = rng.shuffle([...new Set(list)]);
  }

  /** Marks a name as taken, so next() never returns it. */
  reserve(name: string): void {
    this.used.add(name);
  }

  has(name: string): boolean {
    return this.used.has(name);
  }

  next(): string {
    for (;;) {
      let name = this.queue.pop();
      if (name === undefined && this.makeExtra) {
        if (this.combos === null) this.combos = this.makeExtra(this.rng);
        name = this.combos.pop();
      }
      if (name === undefined) {
        this.counter++;
        name = `${this.rng.pick(PLACE_FIRST)} ${this.rng.pick(PLACE_SECOND)} ${this.counter}`;
      }
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

function placeCombos(rng: Rng): string[] {
  const out: string[] = [];
  for (const a of PLACE_FIRST) for (const b of PLACE_SECOND) if (a !== b) out.push(`${a} ${b}`);
  return rng.shuffle(out);
}

/** Place names for communes and wards: the curated list first, then element combinations (1,500 more). */
export function placeNamer(rng: Rng): UniqueNamer {
  return new UniqueNamer(rng, PLACE_NAMES, placeCombos);
}

/** Names of people schools are called after; past the list, place-like names ("Trường THPT Tân Hưng"). */
export function patronNamer(rng: Rng): UniqueNamer {
  return new UniqueNamer(rng, SCHOOL_PATRONS, placeCombos);
}

export function districtNamer(rng: Rng): UniqueNamer {
  return new UniqueNamer(rng, DISTRICT_NAMES, placeCombos);
}

// ---------------------------------------------------------------------------------------------------------------
// Organisations

/** Famous people schools are named after. */
export const SCHOOL_PATRONS: readonly string[] = [
  'Nguyễn Du',
  'Trần Phú',
  'Lê Quý Đôn',
  'Chu Văn An',
  'Nguyễn Trãi',
  'Lê Lợi',
  'Quang Trung',
  'Trần Hưng Đạo',
  'Nguyễn Huệ',
  'Lý Thường Kiệt',
  'Phan Bội Châu',
  'Phan Chu Trinh',
  'Nguyễn Thị Minh Khai',
  'Võ Thị Sáu',
  'Hoàng Hoa Thám',
  'Nguyễn Khuyến',
  'Nguyễn Bỉnh Khiêm',
  'Lương Thế Vinh',
  'Tô Hiệu',
  'Nguyễn Văn Cừ',
  'Lê Hồng Phong',
  'Hùng Vương',
  'Ngô Quyền',
  'Lê Thánh Tông',
  'Nguyễn Đình Chiểu',
  'Trần Quốc Tuấn',
  'Hải Thượng Lãn Ông',
  'Phạm Ngũ Lão',
  'Nguyễn Thiện Thuật',
  'Triệu Quang Phục',
  'Dương Quảng Hàm',
  'Hồ Tùng Mậu',
  'Nam Khoái Châu',
  'Bắc Kim Động',
  'Minh Châu',
  'Trần Quang Khải',
  'Nguyễn Trung Ngạn',
  'Hoàng Văn Thụ',
  'Nguyễn Tất Thành',
  'Lê Văn Thịnh',
  'Tống Trân',
  'Đoàn Thị Điểm',
  'Bà Triệu',
  'Hai Bà Trưng',
  'Lý Tự Trọng',
  'Kim Đồng',
  'Nguyễn Công Hoan',
  'Phạm Hồng Thái',
  'Lê Văn Tám',
  'Trần Cao Vân',
  'Huỳnh Thúc Kháng',
];

const ENTERPRISE_TRADES: readonly string[] = [
  'May',
  'Dệt may',
  'Giày da',
  'Thực phẩm',
  'Chế biến nông sản',
  'Xây dựng',
  'Vật liệu xây dựng',
  'Cơ khí',
  'Điện tử',
  'Nhựa',
  'Bao bì',
  'Gạch ngói',
  'Thương mại và Dịch vụ',
  'Đầu tư và Phát triển',
  'Vận tải',
  'Dược phẩm',
  'Thủy sản',
  'Chế biến gỗ',
  'Phân bón',
  'Thức ăn chăn nuôi',
  'Xuất nhập khẩu',
  'Môi trường',
  'Kỹ thuật điện',
  'Thép',
  'Giống cây trồng',
  'Cơ điện lạnh',
  'In',
  'Nước giải khát',
];
const ENTERPRISE_BRANDS: readonly string[] = [
  'Minh Phát',
  'Thành Công',
  'Hưng Thịnh',
  'Phú Thành',
  'An Phát',
  'Đại Dương',
  'Việt Hàn',
  'Việt Nhật',
  'Tân Á',
  'Hoàng Long',
  'Sao Mai',
  'Bình Minh',
  'Trường Sơn',
  'Phúc Lâm',
  'Hồng Hà',
  'Sông Hồng',
  'Thái Bình Dương',
  'Đông Á',
  'Tiến Đạt',
  'Hòa Phú',
  'Quang Minh',
  'Việt Thắng',
  'Thăng Long',
  'Phương Đông',
  'Nam Việt',
  'Kim Sơn',
  'Hà Thành',
  'Đức Thịnh',
  'Toàn Cầu',
  'Trường Thịnh',
];

/** A company name without the party prefix: "Công ty Cổ phần May Hưng Yên", "Công ty TNHH Điện tử Việt Nhật". */
export function companyName(rng: Rng, place: string): string {
  const form = rng.weighted([
    ['Công ty Cổ phần', 5],
    ['Công ty TNHH', 4],
    ['Công ty TNHH MTV', 1],
  ] as const);
  const trade = rng.pick(ENTERPRISE_TRADES);
  const brand = rng.chance(0.35) ? place : rng.pick(ENTERPRISE_BRANDS);
  return `${form} ${trade} ${brand}`;
}

/** The party prefix of a grassroots organisation of that kind. */
export function partyPrefix(kindCode: string): string {
  return kindCode === 'chi_bo_co_so' || kindCode === 'chi_bo_truc_thuoc' ? 'Chi bộ' : 'Đảng bộ';
}

/** Pools of cell (chi bộ trực thuộc) names by the kind of organisation they sit in. */
export type CellPool = 'village' | 'town' | 'ward' | 'agency' | 'hospital' | 'school' | 'enterprise' | 'military' | 'police';

const VILLAGE_WORDS: readonly string[] = [
  'Đông',
  'Đoài',
  'Thượng',
  'Hạ',
  'Trung',
  'Nam',
  'Bắc',
  'Tiền',
  'Hậu',
  'Cầu',
  'Chợ',
  'Đình',
  'Đồng',
  'Bến',
  'Giữa',
  'Ngoài',
  'Trong',
  'Mới',
  'Tân Thành',
  'Phú Mỹ',
  'An Lạc',
  'Bình Xá',
  'Lạc Thủy',
  'Kim Ngân',
  'Cao Xá',
  'Ninh Xá',
  'Đào Xá',
  'Phù Oanh',
  'Tử Dương',
  'Mai Xá',
  'Yên Vĩnh',
  'Đông Xá',
  'Trà Dương',
  'Thọ Bình',
];

const AGENCY_UNITS: readonly string[] = [
  'Phòng Kế toán',
  'Phòng Tổ chức - Hành chính',
  'Phòng Kế hoạch - Tài chính',
  'Phòng Nội vụ',
  'Văn phòng',
  'Phòng Tư pháp',
  'Phòng Tài nguyên và Môi trường',
  'Phòng Kinh tế',
  'Phòng Văn hóa - Thông tin',
  'Thanh tra',
  'Phòng Giáo dục và Đào tạo',
  'Phòng Y tế',
  'Phòng Lao động - Thương binh và Xã hội',
  'Phòng Quản lý đô thị',
  'Phòng Nông nghiệp và Phát triển nông thôn',
  'Phòng Tổng hợp',
  'Phòng Nghiệp vụ',
  'Phòng Kiểm tra',
];
const HOSPITAL_UNITS: readonly string[] = [
  'Khoa Nội',
  'Khoa Ngoại',
  'Khoa Sản',
  'Khoa Nhi',
  'Khoa Khám bệnh',
  'Khoa Hồi sức cấp cứu',
  'Khoa Dược',
  'Khoa Xét nghiệm',
  'Phòng Kế hoạch tổng hợp',
  'Phòng Tổ chức - Hành chính',
  'Khoa Chẩn đoán hình ảnh',
  'Khoa Y học cổ truyền',
  'Khoa Truyền nhiễm',
  'Khoa Kiểm soát bệnh tật',
  'Phòng Điều dưỡng',
];
const SCHOOL_UNITS: readonly string[] = [
  'Tổ Toán - Tin',
  'Tổ Ngữ văn',
  'Tổ Khoa học tự nhiên',
  'Tổ Khoa học xã hội',
  'Tổ Ngoại ngữ',
  'Tổ Văn phòng',
  'Tổ Thể dục - Quốc phòng',
  'Tổ Vật lý - Công nghệ',
  'Tổ Hóa - Sinh',
  'Tổ Lịch sử - Địa lý',
];
const ENTERPRISE_UNITS: readonly string[] = [
  'Phòng Kế toán',
  'Phòng Kinh doanh',
  'Phòng Kỹ thuật',
  'Khối Văn phòng',
  'Phòng Tổ chức - Hành chính',
  'Kho vận',
  'Phòng Kế hoạch - Vật tư',
  'Phòng Quản lý chất lượng',
  'Ban Điều hành',
  'Phòng Xuất nhập khẩu',
];
const MILITARY_UNITS: readonly string[] = [
  'Ban Tham mưu',
  'Ban Chính trị',
  'Ban Hậu cần - Kỹ thuật',
  'Trung đội Dân quân cơ động',
  'Cơ quan',
  'Đại đội Bộ binh',
  'Đại đội Trinh sát',
  'Ban Công binh',
];
const POLICE_UNITS: readonly string[] = [
  'Đội Cảnh sát hình sự',
  'Đội Cảnh sát giao thông - Trật tự',
  'Đội An ninh',
  'Đội Tham mưu - Tổng hợp',
  'Đội Cảnh sát quản lý hành chính về trật tự xã hội',
  'Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy',
  'Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp',
  'Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ',
];

/**
 * Names of the cells of one organisation, distinct within it. `local` is the commune/ward place name for cells
 * like "Chi bộ Công an xã Tân Lập"; `localLabel` its type ('xã', 'thị trấn', 'phường').
 */
export class CellNamer {
  private readonly used = new Set<string>();
  private readonly units: string[];
  private special: string[];
  private seq = 0;

  constructor(
    private readonly rng: Rng,
    private readonly pool: CellPool,
    local?: { label: string; place: string },
  ) {
    const base: readonly string[] =
      pool === 'agency'
        ? AGENCY_UNITS
        : pool === 'hospital'
          ? HOSPITAL_UNITS
          : pool === 'school'
            ? SCHOOL_UNITS
            : pool === 'enterprise'
              ? ENTERPRISE_UNITS
              : pool === 'military'
                ? MILITARY_UNITS
                : pool === 'police'
                  ? POLICE_UNITS
                  : [];
    this.units = rng.shuffle(base);
    this.special = [];
    if (local && (pool === 'village' || pool === 'town' || pool === 'ward')) {
      const l = `${local.label} ${local.place}`;
      // A numbered ward names its schools after the ward: "Trường Tiểu học Phường 3".
      const p = /^\d+$/.test(local.place) ? l : local.place;
      this.special = rng.shuffle([
        `Công an ${l}`,
        `Quân sự ${l}`,
        `Cơ quan Đảng ủy - Mặt trận - Đoàn thể ${l}`,
        `Cơ quan Ủy ban nhân dân ${l}`,
        `Trường Tiểu học ${p}`,
        `Trường Mầm non ${p}`,
        `Trạm Y tế ${l}`,
      ]);
    }
  }

  /** A cell name; `institutional` asks for a police, military, school… cell of a commune rather than a village. */
  next(institutional = false): string {
    for (let attempt = 0; ; attempt++) {
      // Small pools (a town's numbered quarters) can run dry: number the rest beyond the usual range.
      const name = attempt > 40 ? this.overflow() : this.draw(institutional);
      if (!this.used.has(name)) {
        this.used.add(name);
        return `Chi bộ ${name}`;
      }
    }
  }

  private overflow(): string {
    this.seq++;
    if (this.pool === 'village') return `thôn ${15 + this.seq}`;
    if (this.pool === 'town' || this.pool === 'ward') return `Tổ dân phố số ${40 + this.seq}`;
    return `số ${this.seq}`;
  }

  private draw(institutional: boolean): string {
    if (institutional && this.special.length > 0) return this.special.pop()!;
    switch (this.pool) {
      case 'village': {
        const r = this.rng.next();
        if (r < 0.55) return `thôn ${this.rng.pick(VILLAGE_WORDS)}`;
        if (r < 0.8) return `thôn ${this.rng.pick(PLACE_NAMES)}`;
        return `thôn ${this.rng.int(1, 15)}`;
      }
      case 'town':
        return this.rng.chance(0.5) ? `khu phố ${this.rng.int(1, 20)}` : `Tổ dân phố số ${this.rng.int(1, 25)}`;
      case 'ward': {
        const r = this.rng.next();
        if (r < 0.45) return `khu phố ${this.rng.int(1, 30)}`;
        if (r < 0.85) return `Tổ dân phố số ${this.rng.int(1, 40)}`;
        return `khu dân cư số ${this.rng.int(1, 20)}`;
      }
      default: {
        const unit = this.units.pop();
        if (unit !== undefined) return unit;
        this.seq++;
        if (this.pool === 'enterprise') return this.rng.chance(0.5) ? `Phân xưởng ${this.seq}` : `Xưởng Sản xuất số ${this.seq}`;
        if (this.pool === 'military') return `Đại đội ${this.seq}`;
        if (this.pool === 'school') return `Giáo viên số ${this.seq}`;
        return `số ${this.seq}`;
      }
    }
  }
}
