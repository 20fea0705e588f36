import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import {
  addMonths,
  addYears,
  daysBetween,
  officialDateFor,
  statusOn,
  statusPeriods,
  validateEvent,
  validateHistory,
  withStatusPeriodsMemo,
  type MemberEvent,
  type StatusPeriod,
} from './member-status.ts';

const admitted = (date: string, ceremonyOn: string | null = date, orgId = 'A'): MemberEvent => ({ kind: 'admitted', date, orgId, ceremonyOn });
const official = (date: string, officialOn?: string): MemberEvent => ({ kind: 'recognized_official', date, officialOn });

/** A member admitted on 01/03/2020, ceremony 15/03/2020, recognised on 10/04/2021 (official 15/03/2021). */
const base: MemberEvent[] = [admitted('2020-03-01', '2020-03-15'), official('2021-04-10')];

const brief = (p: StatusPeriod) => [p.from, p.to, p.status, p.orgId, p.membership];

describe('calendar months (Civil Code month-end rule)', () => {
  it('adding months keeps the day, or takes the last day of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
  it('a year after 29 February is 28 February; four years after it is 29 February again', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('counts whole days between dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2019-10-01', '1989-10-01')).toBe(-10957);
  });
});

describe('status periods from member events (domain.md §4, §6, §7)', () => {
  it('a new member is probationary from the admission decision and official exactly 12 months after the ceremony, however late the recognition', () => {
    expect(statusPeriods(base).map(brief)).toEqual([
      ['2020-03-01', '2021-03-15', 'active', 'A', 'probationary'],
      ['2021-03-15', null, 'active', 'A', 'official'],
    ]);
    expect(officialDateFor('2020-03-15')).toBe('2021-03-15');
  });

  it('the official date of a 29 February ceremony is 28 February of the next year', () => {
    const p = statusPeriods([admitted('2024-02-20', '2024-02-29'), official('2025-03-10')]);
    expect(p[1]!.from).toBe('2025-02-28');
    expect(p[1]!.membership).toBe('official');
  });

  it('an official transfer is in transit between leaving one roll and being received on the next, never on two rolls', () => {
    const events: MemberEvent[] = [
      ...base,
      { kind: 'transfer_out_started', date: '2022-01-10', toOrgId: 'B' },
      { kind: 'transfer_in_confirmed', date: '2022-02-01', orgId: 'B' },
    ];
    const p = statusPeriods(events);
    expect(p.map(brief)).toEqual([
      ['2020-03-01', '2021-03-15', 'active', 'A', 'probationary'],
      ['2021-03-15', '2022-01-10', 'active', 'A', 'official'],
      ['2022-01-10', '2022-02-01', 'in_transit', 'A', 'official'],
      ['2022-02-01', null, 'active', 'B', 'official'],
    ]);
    expect(p[2]!.toOrgId).toBe('B');
    // Periods tile time: each starts where the previous ends, so a date falls in exactly one.
    for (let i = 1; i < p.length; i++) expect(p[i]!.from).toBe(p[i - 1]!.to);
    expect(statusOn(events, '2022-01-31')!.status).toBe('in_transit');
    expect(statusOn(events, '2022-02-01')!.orgId).toBe('B');
  });

  it('invariant (§7): on every day exactly one period applies, and while a transfer is open the member is in transit, not active anywhere', () => {
    const events: MemberEvent[] = [
      ...base,
      { kind: 'exempted', date: '2021-06-01' },
      { kind: 'transfer_out_started', date: '2021-09-01', toOrgId: 'B' },
      { kind: 'transfer_in_confirmed', date: '2021-10-05', orgId: 'B' },
      { kind: 'exemption_ended', date: '2022-01-01' },
      { kind: 'temporary_out', date: '2022-03-01', hostOrgId: 'C', until: '2022-09-01' },
      { kind: 'temporary_return', date: '2022-09-01' },
      { kind: 'transfer_out_started', date: '2023-01-01' },
      { kind: 'transfer_in_confirmed', date: '2023-03-01', orgId: 'D' },
    ];
    expect(validateHistory(events)).toEqual([]);
    const periods = statusPeriods(events);
    const open = (d: string) => (d >= '2021-09-01' && d < '2021-10-05') || (d >= '2023-01-01' && d < '2023-03-01');
    for (let d = '2020-03-01'; d < '2023-06-01'; d = addDays(d, 1)) {
      const matching = periods.filter((p) => p.from <= d && (p.to === null || d < p.to));
      expect(matching).toHaveLength(1);
      const p = matching[0]!;
      expect(p.orgId).not.toBeNull();
      expect(p.status === 'in_transit').toBe(open(d));
    }
  });

  it('a transfer received the same day leaves no in-transit period', () => {
    const p = statusPeriods([...base, { kind: 'transfer_out_started', date: '2022-01-10' }, { kind: 'transfer_in_confirmed', date: '2022-01-10', orgId: 'B' }]);
    expect(p.map((x) => x.status)).toEqual(['active', 'active', 'active']);
    expect(p[2]!.orgId).toBe('B');
  });

  it('a temporary transfer keeps the member on the home roll and records the host', () => {
    const events: MemberEvent[] = [
      ...base,
      { kind: 'temporary_out', date: '2022-01-10', hostOrgId: 'C', until: '2022-07-10' },
      { kind: 'temporary_return', date: '2022-07-10' },
    ];
    const away = statusOn(events, '2022-03-01')!;
    expect(away.status).toBe('temporarily_away');
    expect(away.orgId).toBe('A');
    expect(away.hostOrgId).toBe('C');
    expect(statusOn(events, '2022-07-10')!.status).toBe('active');
    expect(statusOn(events, '2022-07-10')!.hostOrgId).toBeUndefined();
  });

  it('exemption, suspension and lost contact are periods of their own', () => {
    const events: MemberEvent[] = [
      ...base,
      { kind: 'exempted', date: '2022-01-01' },
      { kind: 'exemption_ended', date: '2022-06-01' },
      { kind: 'suspended', date: '2023-01-01' },
      { kind: 'suspension_ended', date: '2023-02-01' },
      { kind: 'lost_contact', date: '2023-05-01' },
      { kind: 'contact_restored', date: '2023-08-01' },
    ];
    expect(statusOn(events, '2022-03-01')!.status).toBe('exempt');
    expect(statusOn(events, '2022-06-01')!.status).toBe('active');
    expect(statusOn(events, '2023-01-15')!.status).toBe('suspended');
    expect(statusOn(events, '2023-06-01')!.status).toBe('lost_contact');
    expect(statusOn(events, '2023-08-01')!.status).toBe('active');
  });

  it('there is no status before the admission decision, and death is final', () => {
    const events: MemberEvent[] = [...base, { kind: 'deceased', date: '2030-01-01' }];
    expect(statusOn(events, '2020-02-29')).toBeNull();
    expect(statusOn(events, '2020-03-01')!.status).toBe('active');
    expect(statusOn(events, '2040-01-01')!.status).toBe('deceased');
    expect(statusPeriods(events).at(-1)!.to).toBeNull();
  });

  it('an annulled expulsion stays on record, marked annulled, and the member is back on the roll', () => {
    const events: MemberEvent[] = [...base, { kind: 'expelled', date: '2023-01-01' }, { kind: 'expulsion_annulled', date: '2024-01-01' }];
    const p = statusOn(events, '2023-06-01')!;
    expect(p.status).toBe('expelled');
    expect(p.annulled).toBe(true);
    expect(statusOn(events, '2024-01-01')).toMatchObject({ status: 'active', orgId: 'A', membership: 'official' });
  });

  it('a readmitted member is on a new roll as probationary again', () => {
    const events: MemberEvent[] = [
      ...base,
      { kind: 'struck_off', date: '2022-01-01' },
      { kind: 'readmitted', date: '2025-02-01', orgId: 'B', ceremonyOn: '2025-02-15' },
    ];
    expect(statusOn(events, '2023-01-01')).toMatchObject({ status: 'struck_off', orgId: 'A', membership: 'official' });
    expect(statusOn(events, '2025-03-01')).toMatchObject({ status: 'active', orgId: 'B', membership: 'probationary' });
  });
});

describe('impossible event sequences are refused with Vietnamese messages', () => {
  const errs = (existing: MemberEvent[], next: MemberEvent) => validateEvent(existing, next);

  it('the first event must be the admission', () => {
    expect(errs([], { kind: 'exempted', date: '2020-01-01' })[0]).toMatch(/sự kiện đầu tiên phải là kết nạp/);
    expect(errs([], admitted('2020-01-01'))).toEqual([]);
    expect(errs(base, admitted('2022-01-01'))[0]).toMatch(/đã được kết nạp/);
  });

  it('events must come in date order', () => {
    expect(errs(base, { kind: 'exempted', date: '2021-01-01' })[0]).toMatch(/thứ tự thời gian/);
  });

  it('a transfer in needs an open transfer out', () => {
    expect(errs(base, { kind: 'transfer_in_confirmed', date: '2022-01-01', orgId: 'B' })[0]).toMatch(/Không có lần chuyển sinh hoạt đi/);
    const out: MemberEvent[] = [...base, { kind: 'transfer_out_started', date: '2022-01-01' }];
    expect(errs(out, { kind: 'transfer_in_confirmed', date: '2022-01-20', orgId: 'B' })).toEqual([]);
  });

  it('two transfers out without an arrival are refused', () => {
    const out: MemberEvent[] = [...base, { kind: 'transfer_out_started', date: '2022-01-01' }];
    expect(errs(out, { kind: 'transfer_out_started', date: '2022-01-20' })[0]).toMatch(/chưa được nơi đến tiếp nhận/);
  });

  it('nothing can follow death', () => {
    const dead: MemberEvent[] = [...base, { kind: 'deceased', date: '2023-01-01' }];
    expect(errs(dead, { kind: 'exempted', date: '2023-02-01' })[0]).toMatch(/đã từ trần ngày 01\/01\/2023/);
    expect(errs(dead, { kind: 'readmitted', date: '2030-01-01', orgId: 'B' })[0]).toMatch(/từ trần/);
  });

  it('recognition as official cannot come before 12 months of probation have ended, counted from the ceremony', () => {
    const p: MemberEvent[] = [admitted('2020-03-01', '2020-03-15')];
    expect(errs(p, official('2021-03-14'))[0]).toMatch(/^Chưa hết 12 tháng dự bị/);
    // 12 months from the decision is not enough: the ceremony counts
    expect(errs(p, official('2021-03-01'))[0]).toMatch(/Chưa hết 12 tháng dự bị/);
    expect(errs(p, official('2021-03-15'))).toEqual([]);
    expect(errs(p, official('2021-05-01', '2021-03-15'))).toEqual([]);
  });

  it('the official date must be exactly the end of the probation', () => {
    const p: MemberEvent[] = [admitted('2020-03-01', '2020-03-15')];
    expect(errs(p, official('2021-05-01', '2021-05-01'))[0]).toMatch(/phải đúng ngày hết 12 tháng dự bị: 15\/03\/2021/);
  });

  it('a probation that began on 29 February ends on 28 February', () => {
    const p: MemberEvent[] = [admitted('2024-02-20', '2024-02-29')];
    expect(errs(p, official('2025-02-27'))[0]).toMatch(/Chưa hết 12 tháng dự bị/);
    expect(errs(p, official('2025-02-28'))).toEqual([]);
  });

  it('an official member is not recognised twice', () => {
    expect(errs(base, official('2022-01-01'))[0]).toMatch(/đã là đảng viên chính thức/);
  });

  it('recognition waits until a member in transit is received', () => {
    const p: MemberEvent[] = [admitted('2020-03-01', '2020-03-15'), { kind: 'transfer_out_started', date: '2021-03-01' }];
    expect(errs(p, official('2021-03-20'))[0]).toMatch(/đang chuyển sinh hoạt/);
  });

  it('a probationary member may be struck off (failed probation) but not expelled', () => {
    const p: MemberEvent[] = [admitted('2020-03-01', '2020-03-15')];
    expect(errs(p, { kind: 'struck_off', date: '2021-04-01' })).toEqual([]);
    expect(errs(p, { kind: 'expelled', date: '2021-04-01' })[0]).toMatch(/Đảng viên dự bị chỉ có thể bị khiển trách hoặc cảnh cáo/);
    expect(errs(base, { kind: 'expelled', date: '2022-04-01' })).toEqual([]);
  });

  it('readmission is refused while the member is in the Party', () => {
    expect(errs(base, { kind: 'readmitted', date: '2025-01-01', orgId: 'B' })[0]).toMatch(/đang trong Đảng, không thể kết nạp lại/);
  });

  it('readmission needs 36 months after leaving, counted to the day', () => {
    const left: MemberEvent[] = [...base, { kind: 'allowed_to_leave', date: '2022-01-31' }];
    expect(errs(left, { kind: 'readmitted', date: '2025-01-30', orgId: 'B' })[0]).toMatch(/Chưa đủ 36 tháng.*sớm nhất ngày 31\/01\/2025/);
    expect(errs(left, { kind: 'readmitted', date: '2025-01-31', orgId: 'B' })).toEqual([]);
  });

  it('readmission needs 60 months after a criminal record is cleared', () => {
    const left: MemberEvent[] = [...base, { kind: 'expelled', date: '2022-01-01' }];
    const next = (date: string): MemberEvent => ({ kind: 'readmitted', date, orgId: 'B', criminalRecordClearedOn: '2023-06-01' });
    expect(errs(left, next('2028-05-31'))).toEqual(['Chưa đủ 60 tháng kể từ ngày được xóa án tích (01/06/2023): sớm nhất ngày 01/06/2028.']);
    expect(errs(left, next('2028-06-01'))).toEqual([]);
  });

  it('readmission only once', () => {
    const history: MemberEvent[] = [
      ...base,
      { kind: 'struck_off', date: '2022-01-01' },
      { kind: 'readmitted', date: '2025-02-01', orgId: 'B', ceremonyOn: '2025-02-15' },
      official('2026-02-20'),
      { kind: 'struck_off', date: '2027-01-01' },
    ];
    expect(errs(history, { kind: 'readmitted', date: '2031-01-01', orgId: 'C' })).toContain('Chỉ được kết nạp lại một lần.');
  });

  it('no readmission after leaving by resigning, abandoning activity, corruption or serious crime', () => {
    const left: MemberEvent[] = [...base, { kind: 'expelled', date: '2022-01-01', noReadmission: true }];
    expect(errs(left, { kind: 'readmitted', date: '2026-01-01', orgId: 'B' })[0]).toMatch(/không được kết nạp lại/);
  });

  it('only an expelled member can have the expulsion annulled', () => {
    expect(errs(base, { kind: 'expulsion_annulled', date: '2022-01-01' })[0]).toMatch(/không ở tình trạng bị khai trừ/);
    const out: MemberEvent[] = [...base, { kind: 'struck_off', date: '2022-01-01' }];
    expect(errs(out, { kind: 'expulsion_annulled', date: '2022-06-01' })[0]).toMatch(/bị xóa tên ngày 01\/01\/2022/);
  });

  it('a temporary transfer lasts from 3 months to under 12 months, or up to 24 months of full-time training', () => {
    const t = (until: string, training = false): MemberEvent => ({ kind: 'temporary_out', date: '2022-01-10', hostOrgId: 'C', until, training });
    expect(errs(base, t('2022-04-09'))[0]).toMatch(/từ 3 tháng trở lên/);
    expect(errs(base, t('2022-04-10'))).toEqual([]);
    expect(errs(base, t('2023-01-09'))).toEqual([]);
    expect(errs(base, t('2023-01-10'))[0]).toMatch(/dưới 12 tháng/);
    expect(errs(base, t('2024-01-10', true))).toEqual([]);
    expect(errs(base, t('2024-01-11', true))[0]).toMatch(/không quá 24 tháng/);
  });

  it('a member temporarily away returns before an official transfer', () => {
    const away: MemberEvent[] = [...base, { kind: 'temporary_out', date: '2022-01-10', hostOrgId: 'C', until: '2022-07-10' }];
    expect(errs(away, { kind: 'transfer_out_started', date: '2022-03-01' })[0]).toMatch(/kết thúc sinh hoạt tạm thời/);
    expect(errs(base, { kind: 'temporary_return', date: '2022-03-01' })[0]).toMatch(/không đang sinh hoạt tạm thời/);
  });

  it('ends of exemption, suspension and lost contact need their start', () => {
    expect(errs(base, { kind: 'exemption_ended', date: '2022-01-01' })).toHaveLength(1);
    expect(errs(base, { kind: 'suspension_ended', date: '2022-01-01' })).toHaveLength(1);
    expect(errs(base, { kind: 'contact_restored', date: '2022-01-01' })).toHaveLength(1);
  });

  it('a whole history is checked in date order, naming the faulty events', () => {
    const problems = validateHistory([
      { kind: 'transfer_in_confirmed', date: '2022-02-01', orgId: 'B' },
      official('2021-04-10'),
      admitted('2020-03-01', '2020-03-15'),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.event.kind).toBe('transfer_in_confirmed');
  });
});

describe('statusPeriods remembered while the badge lists run (issue 13)', () => {
  it('folds each history once inside withStatusPeriodsMemo, gives the same periods, and remembers nothing outside it', () => {
    const events: MemberEvent[] = [...base, { kind: 'suspended', date: '2023-05-01' }];
    const plain = statusPeriods(events);
    expect(statusPeriods(events)).not.toBe(plain);
    const inside = withStatusPeriodsMemo(() => {
      const first = statusPeriods(events);
      expect(statusPeriods(events)).toBe(first);
      expect(statusOn(events, '2023-06-01')).toBe(first.at(-1));
      // Nested: the same memo.
      expect(withStatusPeriodsMemo(() => statusPeriods(events))).toBe(first);
      // Another array with the same events is another history.
      expect(statusPeriods([...events])).not.toBe(first);
      return first;
    });
    expect(inside).toEqual(plain);
    expect(statusPeriods(events)).not.toBe(inside);
    // A failure inside leaves no memo behind.
    expect(() =>
      withStatusPeriodsMemo(() => {
        throw new Error('x');
      }),
    ).toThrow('x');
    expect(statusPeriods(events)).not.toBe(statusPeriods(events));
  });
});
