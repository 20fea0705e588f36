import { describe, expect, it } from 'vitest';
import { dueSoon, parseSymbol, recurringDueDates, shareState, type ShareFacts } from './directives.ts';

describe('parseSymbol', () => {
  it('reads the symbols of real party documents', () => {
    expect(parseSymbol('35-CT/TW')).toMatchObject({ number: 35, kindCode: 'CT', issuerCode: 'TW', kind: 'chi_thi' });
    expect(parseSymbol('01-CTr/TU')).toMatchObject({ number: 1, kindCode: 'CTr', issuerCode: 'TU', kind: 'chuong_trinh', issuerName: 'Tỉnh ủy' });
    expect(parseSymbol('42-HD/BTCTW')).toMatchObject({
      number: 42,
      kindCode: 'HD',
      issuerCode: 'BTCTW',
      kind: 'huong_dan',
      issuerName: 'Ban Tổ chức Trung ương',
    });
    expect(parseSymbol('155-KH/TU')).toMatchObject({ number: 155, kindCode: 'KH', issuerCode: 'TU', kind: 'ke_hoach' });
    expect(parseSymbol('21-NQ/TW')?.kind).toBe('nghi_quyet');
    expect(parseSymbol('232-QĐ/TW')?.kind).toBe('quy_dinh');
    expect(parseSymbol('12-KH/ĐU')).toMatchObject({ issuerCode: 'ĐU', issuerName: 'Đảng ủy' });
    expect(parseSymbol(' 155 - KH / TU ')?.number).toBe(155);
  });
  it('keeps other codes and refuses what is not a party symbol', () => {
    expect(parseSymbol('07-TB/TU')).toMatchObject({ number: 7, kindCode: 'TB', kind: null });
    expect(parseSymbol('08/2024/NĐ-CP')).toBeNull();
    expect(parseSymbol('Chỉ thị 35')).toBeNull();
    expect(parseSymbol('')).toBeNull();
  });
});

describe('recurringDueDates', () => {
  it('gives the last day of each period within the range', () => {
    expect(recurringDueDates('monthly', '2026-01-15', '2026-04-30')).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(recurringDueDates('quarterly', '2026-02-01', '2026-12-31')).toEqual(['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
    expect(recurringDueDates('half_yearly', '2025-07-08', '2027-06-30')).toEqual(['2025-12-31', '2026-06-30', '2026-12-31', '2027-06-30']);
    expect(recurringDueDates('yearly', '2024-03-01', '2026-06-30')).toEqual(['2024-12-31', '2025-12-31']);
    expect(recurringDueDates('monthly', '2024-02-01', '2024-02-29')).toEqual(['2024-02-29']);
  });
});

const facts = (f: Partial<ShareFacts>): ShareFacts => ({ dueOn: null, dueDates: [], reportedPeriods: new Set(), latestStatus: null, children: [], ...f });

describe('shareState', () => {
  it('is not late on the day it is due, and late the day after', () => {
    expect(shareState(facts({ dueOn: '2026-03-02' }), '2026-03-02')).toMatchObject({ late: false, status: 'not_started' });
    expect(shareState(facts({ dueOn: '2026-03-01' }), '2026-03-02')).toMatchObject({ late: true, lateSince: '2026-03-01' });
    expect(shareState(facts({ dueOn: '2026-03-01', latestStatus: 'done' }), '2026-03-02')).toMatchObject({ late: false, status: 'done' });
    expect(dueSoon(shareState(facts({ dueOn: '2026-03-02' }), '2026-03-02'), '2026-03-02')).toBe(true);
    expect(dueSoon(shareState(facts({ dueOn: '2026-03-10' }), '2026-03-02'), '2026-03-02')).toBe(false);
  });
  it('follows the periods of a recurring report', () => {
    const dueDates = ['2026-01-31', '2026-02-28', '2026-03-31'];
    const s = shareState(facts({ dueDates, reportedPeriods: new Set(['2026-01-31']) }), '2026-03-01');
    expect(s).toMatchObject({ status: 'in_progress', late: true, lateSince: '2026-02-28', nextDueOn: '2026-03-31' });
    const all = shareState(facts({ dueDates, reportedPeriods: new Set(dueDates) }), '2026-04-01');
    expect(all).toMatchObject({ status: 'done', late: false });
  });
  it('rolls a split share up from its parts', () => {
    const done = shareState(facts({ latestStatus: 'done' }), '2026-03-02');
    const lateChild = shareState(facts({ dueOn: '2026-02-01' }), '2026-03-02');
    expect(shareState(facts({ children: [done, done] }), '2026-03-02').status).toBe('done');
    expect(shareState(facts({ latestStatus: 'done', children: [done, lateChild] }), '2026-03-02')).toMatchObject({ status: 'in_progress', late: true });
    expect(shareState(facts({ children: [done, lateChild] }), '2026-03-02')).toMatchObject({ status: 'in_progress', late: true, lateSince: '2026-02-01' });
    expect(shareState(facts({ children: [lateChild] }), '2026-03-02')).toMatchObject({ status: 'not_started', late: true });
  });
});
