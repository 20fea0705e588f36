import { describe, expect, it } from 'vitest';
import {
  countsForQuorum,
  defaultMark,
  formatTimeOfDay,
  isDocumentLate,
  isTooShort,
  majorityNeeds,
  meetingWarnings,
  moreThanHalf,
  parseTimeOfDay,
  quorumOf,
  type MeetingFacts,
  type RollMember,
} from './meetings.ts';
import { RULE_SETS, ruleSetOn } from './rulesets.ts';

const CT50 = ruleSetOn('2026-03-10', RULE_SETS).meetings;
const CT10 = ruleSetOn('2025-10-27', RULE_SETS).meetings;

const facts = (o: Partial<MeetingFacts> = {}): MeetingFacts => ({
  kind: 'regular',
  date: '2026-03-10',
  held: true,
  startMinute: 8 * 60,
  endMinute: 8 * 60 + 90,
  superiorInvited: true,
  documentsSentOn: ['2026-03-09'],
  ...o,
});
const codes = (f: MeetingFacts) => meetingWarnings(f, RULE_SETS).map((w) => w.code);

describe('the rules of a meeting (domain.md §9) on both sides of each boundary', () => {
  it('Chỉ thị 50 / Hướng dẫn 42 are in force from 28/10/2025, the earlier rules the day before', () => {
    expect(ruleSetOn('2025-10-28', RULE_SETS).id).toBe('hd42-2025');
    expect(ruleSetOn('2025-10-27', RULE_SETS).id).toBe('qd294-2025');
    expect(CT50).toMatchObject({ minMinutes: 90, minMinutesCombined: 120, documentsDaysBefore: 1, superiorInvited: 1 });
    expect(CT10).toMatchObject({ minMinutes: 0, minMinutesCombined: 0, documentsDaysBefore: 0, superiorInvited: 0 });
    // A 60-minute meeting without documents nor the superior invited: no warning the day before, three on the day.
    const short = { startMinute: 480, endMinute: 540, superiorInvited: false, documentsSentOn: [] };
    expect(codes(facts({ ...short, date: '2025-10-27' }))).toEqual([]);
    expect(codes(facts({ ...short, date: '2025-10-28' }))).toEqual(['too_short', 'documents_not_sent', 'superior_not_invited']);
  });

  it('a meeting lasts at least 90 minutes: 89 is short, 90 is not', () => {
    expect(isTooShort('regular', 89, CT50)).toBe(true);
    expect(isTooShort('regular', 90, CT50)).toBe(false);
    expect(codes(facts({ endMinute: 480 + 89 }))).toEqual(['too_short']);
    expect(codes(facts({ endMinute: 480 + 90 }))).toEqual([]);
    expect(meetingWarnings(facts({ endMinute: 480 + 89 }), RULE_SETS)[0]!.message).toBe('Thời gian buổi sinh hoạt 89 phút, ít hơn 90 phút theo quy định.');
    // topical and extraordinary meetings take the same 90
    expect(isTooShort('topical', 89, CT50)).toBe(true);
    expect(isTooShort('extraordinary', 90, CT50)).toBe(false);
  });

  it('regular and topical combined: at least 120 minutes, 119 is short', () => {
    expect(isTooShort('combined', 119, CT50)).toBe(true);
    expect(isTooShort('combined', 120, CT50)).toBe(false);
    expect(codes(facts({ kind: 'combined', endMinute: 480 + 119 }))).toEqual(['too_short']);
    expect(codes(facts({ kind: 'combined', endMinute: 480 + 120 }))).toEqual([]);
  });

  it('documents reach the members at least 1 day before: the day before is in time, the same day is late', () => {
    expect(isDocumentLate('2026-03-09', '2026-03-10', CT50)).toBe(false);
    expect(isDocumentLate('2026-03-10', '2026-03-10', CT50)).toBe(true);
    expect(isDocumentLate('2026-03-01', '2026-03-10', CT50)).toBe(false);
    expect(codes(facts({ documentsSentOn: ['2026-03-10'] }))).toEqual(['documents_late']);
    expect(codes(facts({ documentsSentOn: ['2026-03-09', null] }))).toEqual(['documents_not_sent']);
    // before Chỉ thị 50 no lead time
    expect(isDocumentLate('2025-10-20', '2025-10-20', CT10)).toBe(false);
  });

  it('a planned meeting warns of nothing it cannot know yet; a held one without times says so', () => {
    expect(codes(facts({ held: false, startMinute: null, endMinute: null, documentsSentOn: [] }))).toEqual([]);
    expect(codes(facts({ startMinute: null }))).toEqual(['time_missing']);
  });

  it('times of day', () => {
    expect(parseTimeOfDay('07:30')).toBe(450);
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('24:00', true)).toBe(1440);
    expect(parseTimeOfDay('7:30')).toBeNull();
    expect(parseTimeOfDay('12:60')).toBeNull();
    expect(formatTimeOfDay(570)).toBe('09:30');
  });
});

const member = (o: Partial<RollMember> = {}): RollMember => ({
  memberId: 'm',
  name: 'N',
  official: true,
  status: 'active',
  hosted: false,
  hostedElsewhere: false,
  ...o,
});

describe('the roll and the quorum (domain.md §6 denominator, §9 more than half)', () => {
  it('default marks: present, except members hosted elsewhere, suspended or exempt (excused with the reason)', () => {
    expect(defaultMark(member())).toEqual({ attendance: 'present', reason: null });
    expect(defaultMark(member({ status: 'temporarily_away', hostedElsewhere: true }))).toEqual({
      attendance: 'excused',
      reason: 'Sinh hoạt tạm thời nơi khác',
    });
    expect(defaultMark(member({ status: 'exempt' })).attendance).toBe('excused');
    expect(defaultMark(member({ status: 'suspended' })).attendance).toBe('excused');
    expect(defaultMark(member({ status: 'temporarily_away', hosted: true }))).toEqual({ attendance: 'present', reason: null }); // where hosted
  });

  it('who counts: official home members, less the exclusions of §6', () => {
    expect(countsForQuorum(member(), 'present')).toBe(true);
    expect(countsForQuorum(member(), 'absent')).toBe(true); // absent without reason still counts
    expect(countsForQuorum(member(), 'excused')).toBe(false); // absent the whole meeting with an approved reason
    expect(countsForQuorum(member({ official: false }), 'present')).toBe(false); // probationary members do not vote
    expect(countsForQuorum(member({ hosted: true }), 'present')).toBe(false); // counts at home
    expect(countsForQuorum(member({ hostedElsewhere: true, status: 'temporarily_away' }), 'excused')).toBe(false);
    expect(countsForQuorum(member({ status: 'suspended' }), 'present')).toBe(false);
    expect(countsForQuorum(member({ status: 'exempt' }), 'present')).toBe(true); // exempt and attending counts
    expect(countsForQuorum(member({ status: 'exempt' }), 'absent')).toBe(false);
  });

  it('more than half, exactly: 5 of 10 is not, 6 of 10 is; 5 of 9 is', () => {
    expect(moreThanHalf(5, 10)).toBe(false);
    expect(moreThanHalf(6, 10)).toBe(true);
    expect(moreThanHalf(5, 9)).toBe(true);
    expect(moreThanHalf(4, 9)).toBe(false);
    expect(moreThanHalf(0, 0)).toBe(false);
    expect(majorityNeeds(10)).toBe(6);
    expect(majorityNeeds(9)).toBe(5);
  });

  it('the quorum of an attendance', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => ({ attendance: 'present' as const, countsForQuorum: true })),
      ...Array.from({ length: 5 }, () => ({ attendance: 'absent' as const, countsForQuorum: true })),
      { attendance: 'excused' as const, countsForQuorum: false },
      { attendance: 'present' as const, countsForQuorum: false },
    ];
    expect(quorumOf(rows)).toEqual({ roll: 12, present: 6, excused: 1, absent: 5, denominator: 10, presentCounted: 5, quorate: false, majorityNeeds: 6 });
    expect(quorumOf([...rows, { attendance: 'present', countsForQuorum: true }]).quorate).toBe(true);
  });
});
