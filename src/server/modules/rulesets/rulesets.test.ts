import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { RULE_SETS, installedRuleSets, ruleSetOn } from '../../../domain/rulesets.ts';

describeEngines('rule sets as data: listed, previewed, added by a system administrator, used from their date', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  let editor: Client;

  beforeAll(async () => {
    // Today is 20/11/2026.
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    editor = await t.login('editorA');
  });
  afterAll(() => t?.close());

  const NEW = {
    effectiveFrom: '2026-11-01',
    basis: 'Quy định thử nghiệm 999-QĐ/TW',
    note: 'Tuổi tối thiểu 19, chi bộ biểu quyết 3/4',
    rules: { admission: { minAgeYears: 19, cellVoteShare: { numerator: 3, denominator: 4 } } },
  };

  it('the shipped versions are the seed data, listed with their dates and what each changed', async () => {
    const r = await editor.get('/api/rulesets');
    expect(r.status).toBe(200);
    expect(r.body.canEdit).toBe(false);
    expect(
      r.body.items.map((i: { id: string; effectiveFrom: string; effectiveTo: string | null; inForce: boolean }) => [
        i.id,
        i.effectiveFrom,
        i.effectiveTo,
        i.inForce,
      ]),
    ).toEqual([
      ['dieu-le-2011-qd24-2018', '2011-01-19', '2025-06-30', false],
      ['qd294-2025', '2025-07-01', '2025-10-27', false],
      ['hd42-2025', '2025-10-28', null, true],
    ]);
    // The seeds hold exactly the shipped figures.
    for (const [i, shipped] of RULE_SETS.entries()) {
      const { id: _id, effectiveFrom: _e, basis, ...rules } = shipped;
      expect(r.body.items[i]).toMatchObject({ basis, rules });
    }
    expect(r.body.items[1].changes).toEqual([]);
    // Chỉ thị 50 and Hướng dẫn 42 change only the meeting rules (migration 0025).
    expect(r.body.items[2].changes.map((c: { path: string }) => c.path)).toEqual([
      'meetings.minMinutes',
      'meetings.minMinutesCombined',
      'meetings.documentsDaysBefore',
      'meetings.superiorInvited',
    ]);
    expect(installedRuleSets().map((s) => s.id)).toEqual(['dieu-le-2011-qd24-2018', 'qd294-2025', 'hd42-2025']);
  });

  it('previews a new version copied from the one in force: what changes, nothing written', async () => {
    const p = await admin.post('/api/rulesets/preview', NEW);
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ id: 'rs-2026-11-01', effectiveFrom: '2026-11-01', copiedFrom: 'hd42-2025' });
    expect(p.body.changes).toEqual([
      { path: 'admission.minAgeYears', label: 'Tuổi tối thiểu khi chi bộ xét kết nạp (đủ … tuổi)', from: '18', to: '19' },
      { path: 'admission.cellVoteShare', label: 'Tỷ lệ tán thành khi chi bộ xét kết nạp', from: '2/3', to: '3/4' },
    ]);
    // Every other figure is the one in force.
    expect(p.body.rules.admission).toMatchObject({ maxAgeYears: 60, introducerMonthsTogether: 12, qualifyingEducation: ['thcs', 'thpt'] });
    expect(p.body.rules.probation).toEqual(RULE_SETS[2]!.probation);
    expect(await t.database.db.selectFrom('rule_set').select('id').execute()).toHaveLength(3);
  });

  it('adds the version with its audit entry; computations from its date use it, dossiers opened before keep theirs', async () => {
    // A dossier opened before the new version.
    const before = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Trước Văn Một',
      gender: 'nam',
      birthDate: '2008-10-25',
      generalEducation: 'thpt',
      listedOn: '2026-10-01',
    });
    expect(before.body.ruleSet.id).toBe('hd42-2025');

    const created = await admin.post('/api/rulesets', NEW);
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('rs-2026-11-01');
    expect((await admin.post('/api/rulesets', NEW)).status).toBe(409); // the same date again
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'entity_id', 'after']).where('action', '=', 'ruleset.create').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity_id: 'rs-2026-11-01',
      after: { basis: NEW.basis, note: NEW.note, changes: [{ path: 'admission.minAgeYears' }, { path: 'admission.cellVoteShare' }] },
    });

    const list = (await admin.get('/api/rulesets')).body;
    expect(list.canEdit).toBe(true);
    expect(list.items.map((i: { id: string; effectiveTo: string | null; inForce: boolean }) => [i.id, i.effectiveTo, i.inForce])).toEqual([
      ['dieu-le-2011-qd24-2018', '2025-06-30', false],
      ['qd294-2025', '2025-10-27', false],
      ['hd42-2025', '2026-10-31', false],
      ['rs-2026-11-01', null, true],
    ]);
    expect(list.items[3]).toMatchObject({ copiedFrom: 'hd42-2025', createdBy: 'Quản trị', note: NEW.note });
    // The registry installed it as the default of every computation that takes a date.
    expect(ruleSetOn('2026-11-01').id).toBe('rs-2026-11-01');
    expect(ruleSetOn('2026-10-31').id).toBe('hd42-2025');

    // A dossier opened from 01/11/2026 is processed under the new version: 19 years at the vote, 3/4 of the votes.
    const after = await editor.post('/api/admissions/candidates', {
      orgId: f.orgs.a1,
      fullName: 'Sau Văn Hai',
      gender: 'nam',
      birthDate: '2007-11-10',
      generalEducation: 'thpt',
      listedOn: '2026-11-01',
    });
    expect(after.body.ruleSet).toEqual({ id: 'rs-2026-11-01', basis: NEW.basis });
    const a1 = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).orderBy('id').limit(2).execute()).map((m) => m.id);
    for (const id of [before.body.id as string, after.body.id as string]) {
      for (const body of [
        { kind: 'course', date: '2026-11-02' },
        { kind: 'application', date: '2026-11-03' },
        { kind: 'verification', date: '2026-11-04' },
        { kind: 'introduction', date: '2026-11-05', route: 'members', introducers: a1.map((memberId) => ({ memberId, monthsTogether: 12 })) },
        { kind: 'comments', date: '2026-11-06' },
      ])
        expect((await admin.post(`/api/admissions/dossiers/${id}/steps`, body)).status, body.kind).toBe(200);
    }
    // 14 of 20 is 2/3 but short of 3/4; born 10/11/2007, 19 on 10/11/2026.
    const vote = (date: string, inFavour: number) => ({ kind: 'cell_vote', date, inFavour });
    const early = await admin.post(`/api/admissions/dossiers/${after.body.id}/steps`, vote('2026-11-09', 14));
    expect(early.body.error.details.map((d: { code: string }) => d.code)).toEqual(['age_min', 'cell_vote_two_thirds']);
    expect(early.body.error.message).toContain('chưa đủ 19 tuổi');
    expect(early.body.error.message).toContain('chưa đạt 3/4');
    expect((await admin.post(`/api/admissions/dossiers/${after.body.id}/steps`, vote('2026-11-10', 15))).status).toBe(200);
    // The older dossier keeps 18 years and 2/3: born 25/10/2008, 18 on the vote of 10/11/2026; 14 of 20 passes.
    expect((await admin.post(`/api/admissions/dossiers/${before.body.id}/steps`, vote('2026-11-10', 14))).status).toBe(200);
  });
});
