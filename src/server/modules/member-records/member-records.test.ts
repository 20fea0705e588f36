import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { insertUser } from '../users/users.service.ts';
import { RECORD_DATA_SCHEMAS } from '../../../contract/member-records.ts';
import { RECORD_FIELDS, RECORD_KINDS, type RecordKind } from '../../../domain/member-records.ts';

/** One valid record of each kind, and a correction of it. */
const SAMPLES: Record<RecordKind, [Record<string, unknown>, Record<string, unknown>]> = {
  work: [
    { from: '2008-09', to: '2012-06', workplace: '  Trường THCS   Tân Lập ', position: 'Giáo viên' },
    { from: '2008-09', to: '2012-07', workplace: 'Trường THCS Tân Lập', position: 'Tổ trưởng chuyên môn' },
  ],
  training: [
    { from: '2004', to: '2008', institution: 'Trường Đại học Sư phạm Hà Nội', major: 'Sư phạm Toán', form: 'Chính quy', qualification: 'Cử nhân' },
    { from: '2004', to: '2008-06', institution: 'Trường Đại học Sư phạm Hà Nội', major: 'Sư phạm Toán học', form: 'Chính quy', qualification: 'Cử nhân' },
  ],
  trip: [
    { from: '2019-03-10', to: '2019-03-20', country: 'Nhật Bản', purpose: 'Học tập kinh nghiệm', fundedBy: 'Ngân sách nhà nước' },
    { from: '2019-03-10', to: '2019-03-21', country: 'Nhật Bản', purpose: 'Học tập kinh nghiệm giáo dục', fundedBy: 'Ngân sách nhà nước' },
  ],
  commendation: [
    { date: '2020-05-15', form: 'Bằng khen', decidingLevel: 'UBND tỉnh Hưng Yên', decisionNo: '1234/QĐ-UBND' },
    { date: '2020-05-15', form: 'Bằng khen của Chủ tịch UBND tỉnh', decidingLevel: 'UBND tỉnh Hưng Yên', decisionNo: '1234/QĐ-UBND' },
  ],
  family: [
    { relationship: 'father', fullName: 'Đặng Văn Bình', birthYear: 1950, occupation: 'Nông dân', residence: 'Xã Tân Lập', politicalNotes: 'Không' },
    { relationship: 'father', fullName: 'Đặng Văn Bình', birthYear: 1951, occupation: 'Hưu trí', residence: 'Xã Tân Lập' },
  ],
  political: [
    { from: '1975', to: '1976', description: 'Không bị bắt, không bị tù; không làm việc trong chế độ cũ.' },
    { description: 'Không bị bắt, bị tù, không làm việc trong bộ máy chế độ cũ.' },
  ],
};

describe('sub-record schemas', () => {
  it('name every field of the domain’s lists, no more', () => {
    for (const kind of RECORD_KINDS) expect(Object.keys(RECORD_DATA_SCHEMAS[kind].shape).sort()).toEqual(RECORD_FIELDS[kind].map((f) => f.name).sort());
  });
});

describeEngines('member file sub-records', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let editor: Client;
  let viewer: Client;
  let admin: Client;
  let memberId: string;
  let otherMemberId: string;
  const ids: Partial<Record<RecordKind, string>> = {};
  const url = () => `/api/members/${memberId}/records`;
  const auditOf = async (action: string) => (await admin.get(`/api/audit?entityId=${memberId}&action=${action}&pageSize=200`)).body.items;

  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    editor = await t.login('editorA');
    viewer = await t.login('viewerA1');
    admin = await t.login('adminA');
    const members = await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).orderBy('id').limit(2).execute();
    memberId = members[0]!.id;
    otherMemberId = members[1]!.id;
  });
  afterAll(() => t?.close());

  it('creates a record of each kind, trimmed and NFC, and audits it', async () => {
    for (const kind of RECORD_KINDS) {
      const r = await editor.post(url(), { kind, data: SAMPLES[kind][0] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body).toMatchObject({ kind, id: expect.any(String) });
      ids[kind] = r.body.id;
    }
    const work = await editor.get(`${url()}?kind=work`);
    expect(work.body.items).toEqual([
      {
        id: ids.work,
        kind: 'work',
        data: { from: '2008-09', to: '2012-06', workplace: 'Trường THCS Tân Lập', position: 'Giáo viên' },
        createdAt: expect.any(String),
      },
    ]);
    const created = await auditOf('member.record.create');
    expect(created).toHaveLength(6);
    expect(created.find((e: { after: { kind: string } }) => e.after.kind === 'work').after).toEqual({
      recordId: ids.work,
      kind: 'work',
      data: work.body.items[0].data,
    });
    // The audit log keeps which fields a sensitive record has, never what they say.
    const family = created.find((e: { after: { kind: string } }) => e.after.kind === 'family');
    expect(family.after).toEqual({
      recordId: ids.family,
      kind: 'family',
      fields: ['birthYear', 'fullName', 'occupation', 'politicalNotes', 'relationship', 'residence'],
    });
    expect(JSON.stringify(created)).not.toContain('Đặng Văn Bình');
  });

  it('lists the open kinds in order, never family or political history', async () => {
    await editor.post(url(), { kind: 'work', data: { from: '2012-08', workplace: 'Trường THPT Nguyễn Du', position: 'Giáo viên' } });
    await editor.post(url(), { kind: 'work', data: { from: '2001', to: '2004', workplace: 'Hợp tác xã Tân Lập' } });
    for (const reader of [editor, viewer]) {
      const all = await reader.get(url());
      expect(all.status).toBe(200);
      expect(new Set(all.body.items.map((r: { kind: string }) => r.kind))).toEqual(new Set(['work', 'training', 'trip', 'commendation']));
      expect(JSON.stringify(all.body)).not.toContain('Đặng Văn Bình');
      const work = await reader.get(`${url()}?kind=work`);
      expect(work.body.items.map((r: { data: { from: string } }) => r.data.from)).toEqual(['2001', '2008-09', '2012-08']);
    }
    for (const kind of ['family', 'political']) {
      const r = await editor.get(`${url()}?kind=${kind}`);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toContain('nhạy cảm');
    }
    // Nor does the member file carry them.
    expect(JSON.stringify((await editor.get(`/api/members/${memberId}`)).body)).not.toContain('Đặng Văn Bình');
  });

  it('shows family and political history only on an explicit, audited request of those allowed', async () => {
    expect((await viewer.post(`${url()}/reveal`, { kind: 'family' })).status).toBe(403);
    expect((await viewer.post(`${url()}/reveal`, { kind: 'political' })).status).toBe(403);
    const before = (await auditOf('member.record.reveal')).length;
    for (const reader of [editor, await t.login('inspectorA')]) {
      const fam = await reader.post(`${url()}/reveal`, { kind: 'family' });
      expect(fam.status).toBe(200);
      expect(fam.body.items).toEqual([{ id: ids.family, kind: 'family', data: SAMPLES.family[0], createdAt: expect.any(String) }]);
      const pol = await reader.post(`${url()}/reveal`, { kind: 'political' });
      expect(pol.body.items.map((r: { id: string }) => r.id)).toEqual([ids.political]);
    }
    const reveals = await auditOf('member.record.reveal');
    expect(reveals).toHaveLength(before + 4);
    expect(reveals[0]).toMatchObject({ actorName: 'inspectorA', after: { kind: 'political', count: 1 } });
    expect(JSON.stringify(reveals)).not.toContain('Đặng Văn Bình');
    const open = await editor.post(`${url()}/reveal`, { kind: 'work' });
    expect(open.status).toBe(400);
    expect(open.body.error.details[0].field).toBe('kind');
  });

  it('family and political history are for the grassroots committee and above, not a role at a cell below a đảng bộ cơ sở (§4)', async () => {
    // a1 is a chi bộ trực thuộc under the đảng bộ cơ sở gA; gB is a chi bộ cơ sở (itself grassroots)
    const db = t.database.db;
    const grant = async (username: string, orgId: string) => {
      await insertUser(db, { username, fullName: username, password: PASSWORD, homeOrgId: orgId, roles: [{ role: 'editor', orgId }] });
      return t.login(username);
    };
    const cellEditor = await grant('editorCellA1', f.orgs.a1);
    const grassrootsEditor = await grant('editorGA', f.orgs.gA);
    const file = (await cellEditor.get(`/api/members/${memberId}`)).body;
    expect(file).toMatchObject({ canEdit: true, canReadSensitive: true, canReadHistory: false });
    for (const kind of ['family', 'political']) {
      expect((await cellEditor.post(`${url()}/reveal`, { kind })).status).toBe(403);
      expect((await cellEditor.post(url(), { kind, data: SAMPLES[kind as RecordKind][0] })).status).toBe(403);
      expect((await grassrootsEditor.post(`${url()}/reveal`, { kind })).status).toBe(200);
    }
    // the open kinds and the CCCD stay within the cell's reach
    expect((await cellEditor.get(url())).status).toBe(200);
    expect((await cellEditor.post(`/api/members/${memberId}/reveal-cccd`)).status).not.toBe(403);
    expect((await grassrootsEditor.get(`/api/members/${memberId}`)).body.canReadHistory).toBe(true);
    // the member sheet follows: no family nor political history printed for the cell's editor
    expect((await cellEditor.get(`/api/members/${memberId}/sheet.docx`)).status).toBe(200);
    expect((await grassrootsEditor.get(`/api/members/${memberId}/sheet.docx`)).status).toBe(200);
    const exports = await auditOf('member.sheet_export');
    expect(exports.map((e: { actorName: string; after: { sensitive: string[] } }) => [e.actorName, e.after.sensitive.filter((g) => g !== 'cccd')])).toEqual([
      ['editorGA', ['discipline', 'family', 'political']],
      ['editorCellA1', ['discipline']],
    ]);
  });

  it('corrects a record of each kind (the data is replaced) and audits before and after', async () => {
    for (const kind of RECORD_KINDS) {
      const r = await editor.patch(`${url()}/${ids[kind]}`, { kind, data: SAMPLES[kind][1] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.data).toEqual(SAMPLES[kind][1]);
    }
    const updates = await auditOf('member.record.update');
    const work = updates.find((e: { after: { kind: string } }) => e.after.kind === 'work');
    expect(work.before.data.position).toBe('Giáo viên');
    expect(work.after.data.position).toBe('Tổ trưởng chuyên môn');
    const political = updates.find((e: { after: { kind: string } }) => e.after.kind === 'political');
    expect(political).toMatchObject({ before: { fields: ['description', 'from', 'to'] }, after: { fields: ['description'] } });
    expect((await editor.post(`${url()}/reveal`, { kind: 'political' })).body.items[0].data).toEqual(SAMPLES.political[1]);
    // The kind of a record cannot change.
    const kind = await editor.patch(`${url()}/${ids.work}`, { kind: 'training', data: SAMPLES.training[0] });
    expect(kind.status).toBe(400);
    expect(kind.body.error).toMatchObject({ details: [{ field: 'kind' }] });
    expect(kind.body.error.message).toContain('Quá trình công tác');
  });

  it('refuses writes to those who may only read', async () => {
    const before = await t.database.db.selectFrom('member_record').selectAll().orderBy('id').execute();
    expect((await viewer.post(url(), { kind: 'work', data: SAMPLES.work[0] })).status).toBe(403);
    expect((await viewer.patch(`${url()}/${ids.work}`, { kind: 'work', data: SAMPLES.work[0] })).status).toBe(403);
    expect((await viewer.delete(`${url()}/${ids.work}`)).status).toBe(403);
    const inspector = await t.login('inspectorA');
    expect((await inspector.post(url(), { kind: 'family', data: SAMPLES.family[0] })).status).toBe(403);
    expect(await t.database.db.selectFrom('member_record').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('refuses bad data with Vietnamese messages naming the field, and writes nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('member_record').select('id').execute()).length;
    const before = await count();
    const cases: [unknown, string, string | RegExp][] = [
      [{ kind: 'hobby', data: {} }, 'kind', 'Loại mục không hợp lệ'],
      [{ kind: 'work', data: { from: '31/02/1990', workplace: 'X' } }, 'data.from', 'Ngày không hợp lệ'],
      [{ kind: 'work', data: { from: '1990-02-31', workplace: 'X' } }, 'data.from', 'Ngày không hợp lệ'],
      [{ kind: 'work', data: { from: '2010-13', workplace: 'X' } }, 'data.from', 'Ngày không hợp lệ'],
      [{ kind: 'work', data: { from: '2012-05', to: '2011', workplace: 'X' } }, 'data.to', '«Đến» không được trước «Từ».'],
      [{ kind: 'work', data: { from: '2012-05', workplace: 'Đ'.repeat(256) } }, 'data.workplace', 'Không được dài quá 255 ký tự.'],
      [{ kind: 'work', data: { from: '2012-05', workplace: '   ' } }, 'data.workplace', 'Không được để trống.'],
      [{ kind: 'work', data: { workplace: 'X' } }, 'data.from', 'Trường này là bắt buộc.'],
      [{ kind: 'work', data: { from: '2012', workplace: 'X', salary: 1 } }, 'data.salary', 'Trường không được chấp nhận'],
      [{ kind: 'family', data: { relationship: 'cousin', fullName: 'X' } }, 'data.relationship', 'Quan hệ không hợp lệ'],
      [{ kind: 'family', data: { relationship: 'child', fullName: 'X', birthYear: 20150 } }, 'data.birthYear', 'Năm không được sau 2100.'],
      [{ kind: 'family', data: { relationship: 'child', fullName: 'X', birthYear: '2015' } }, 'data.birthYear', 'Sai kiểu dữ liệu'],
      [{ kind: 'commendation', data: { date: '2020-05', form: 'Giấy khen' } }, 'data.date', 'Ngày không hợp lệ'],
      [{ kind: 'political', data: { description: 'x'.repeat(2001) } }, 'data.description', 'Không được dài quá 2000 ký tự.'],
      [{ kind: 'trip', data: 'Nhật Bản' }, 'data', 'Sai kiểu dữ liệu'],
    ];
    for (const [body, field, message] of cases) {
      const r = await editor.post(url(), body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_ERROR');
      expect(r.body.error.details[0].field, JSON.stringify(r.body)).toBe(field);
      expect(r.body.error.details[0].message).toContain(message);
    }
    const bad = await editor.patch(`${url()}/${ids.trip}`, { kind: 'trip', data: { from: '2019-03-10', to: '2019-02-30', country: 'Lào' } });
    expect(bad.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('answers an unknown member, an unknown record and another member’s record as not found', async () => {
    const missing = '01900000-0000-7000-8000-000000000000';
    for (const r of [
      await editor.get(`/api/members/${missing}/records`),
      await editor.post(`/api/members/${missing}/records`, { kind: 'work', data: SAMPLES.work[0] }),
      await editor.post(`/api/members/${missing}/records/reveal`, { kind: 'family' }),
      await editor.patch(`${url()}/${missing}`, { kind: 'work', data: SAMPLES.work[0] }),
      await editor.delete(`${url()}/${missing}`),
      // the record exists, but belongs to another member
      await editor.patch(`/api/members/${otherMemberId}/records/${ids.work}`, { kind: 'work', data: SAMPLES.work[0] }),
      await editor.delete(`/api/members/${otherMemberId}/records/${ids.work}`),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.error.message).toMatch(/Không tìm thấy/);
    }
    expect((await editor.get(`${url()}?kind=work`)).body.items.map((r: { id: string }) => r.id)).toContain(ids.work);
  });

  it('deletes a record of each kind and audits what was removed', async () => {
    for (const kind of RECORD_KINDS) {
      const r = await editor.delete(`${url()}/${ids[kind]}`);
      expect(r.status).toBe(204);
      expect((await editor.delete(`${url()}/${ids[kind]}`)).status).toBe(404);
    }
    expect((await editor.get(`${url()}?kind=training`)).body.items).toEqual([]);
    expect((await editor.post(`${url()}/reveal`, { kind: 'family' })).body.items).toEqual([]);
    const deletes = await auditOf('member.record.delete');
    expect(deletes).toHaveLength(6);
    expect(deletes.find((e: { before: { kind: string } }) => e.before.kind === 'commendation').before.data.form).toBe('Bằng khen của Chủ tịch UBND tỉnh');
    expect(JSON.stringify(deletes)).not.toContain('Đặng Văn Bình');
  });

  it('refuses a sibling organisation’s user on every route as if the member did not exist', async () => {
    const b = await t.login('adminB');
    const kept = (await editor.post(url(), { kind: 'work', data: SAMPLES.work[0] })).body.id;
    const before = await t.database.db.selectFrom('member_record').selectAll().orderBy('id').execute();
    for (const r of [
      await b.get(url()),
      await b.get(`${url()}?kind=work`),
      await b.post(`${url()}/reveal`, { kind: 'family' }),
      await b.post(url(), { kind: 'work', data: SAMPLES.work[0] }),
      await b.patch(`${url()}/${kept}`, { kind: 'work', data: SAMPLES.work[1] }),
      await b.delete(`${url()}/${kept}`),
    ]) {
      expect(r.status).toBe(404);
      expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy đảng viên.' });
    }
    expect(await t.database.db.selectFrom('member_record').selectAll().orderBy('id').execute()).toEqual(before);
  });
});
