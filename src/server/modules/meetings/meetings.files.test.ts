/**
 * The files of a meeting on both engines (issue 16 part 1): the cell's secretary uploads the minutes, the resolution
 * and a material (the format read from the content, the size limit's 413, a registered title's file attached once),
 * downloads are audited; those above read, a sibling commune's user gets 404 and nothing is written; a member of the
 * cell downloads the materials sent to him and nothing else.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { insertUser } from '../users/users.service.ts';
import { documentSession, exeBytes, pdfBytes, pngBytes, sha256, type DocumentSession } from '../member-documents/member-documents.fixtures.ts';

describeEngines('meeting files', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let sec: DocumentSession;
  let meetingId: string;
  let otherMeetingId: string;
  const minutes = pdfBytes('Bien ban sinh hoat thang 11');

  const counts = async () => {
    const db = t.database.db;
    const [d, a] = await Promise.all([
      db.selectFrom('meeting_document').select(['id', 'storage_key']).orderBy('id').execute(),
      db.selectFrom('audit_log').select('seq').where('action', 'like', 'meeting.%').orderBy('seq').execute(),
    ]);
    return JSON.stringify({ d, a });
  };
  const lastAudit = () =>
    t.database.db.selectFrom('audit_log').select(['action', 'after', 'actor_name']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp(engine, { config: { documentMaxMb: 1 } });
    f = await buildFixture(t);
    await insertUser(t.database.db, {
      username: 'secA1',
      fullName: 'Bí thư Tổ Toán',
      password: PASSWORD,
      homeOrgId: f.orgs.a1,
      roles: [{ role: 'editor', orgId: f.orgs.a1 }],
    });
    sec = await documentSession(t, 'secA1');
    const s = await t.login('secA1');
    meetingId = (await s.post('/api/meetings', { orgId: f.orgs.a1, kind: 'regular', plannedOn: '2026-11-10' })).body.id;
    otherMeetingId = (await s.post('/api/meetings', { orgId: f.orgs.a1, kind: 'topical', plannedOn: '2026-11-25' })).body.id;
  });
  afterAll(() => t?.close());

  it('the secretary uploads the minutes, the resolution and a material; the file is read by its content', async () => {
    const url = `/api/meetings/${meetingId}/files`;
    let r = await sec.upload('', { role: 'minutes' }, { bytes: minutes, name: 'bien-ban.pdf' }, url);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.documents).toEqual([
      expect.objectContaining({ role: 'minutes', title: 'Biên bản sinh hoạt chi bộ', fileName: 'bien-ban.pdf', mime: 'application/pdf', size: minutes.length }),
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'meeting.document_upload' });
    r = await sec.upload('', { role: 'resolution', title: 'Nghị quyết tháng 11' }, { bytes: pngBytes(), name: 'nghi-quyet.png' }, url);
    expect(r.status).toBe(201);
    // A material registered by its title gets its file once; a second file for it is refused.
    const registered = await (await t.login('secA1')).post(`/api/meetings/${meetingId}/documents`, { title: 'Dự thảo báo cáo quý IV' });
    const docId = registered.body.documents.find((d: { title: string }) => d.title === 'Dự thảo báo cáo quý IV').id;
    r = await sec.upload('', { documentId: docId }, { bytes: pdfBytes('Du thao'), name: 'Dự thảo.pdf' }, url);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.documents.find((d: { id: string }) => d.id === docId)).toMatchObject({ role: 'material', fileName: 'Dự thảo.pdf' });
    const before = await counts();
    expect((await sec.upload('', { documentId: docId }, { bytes: pdfBytes('Lan hai'), name: 'b.pdf' }, url)).status).toBe(409);
    // A renamed program, an empty file, a document of another meeting, a file past 1 MB (413), no file: nothing written.
    const refused = await sec.upload('', {}, { bytes: exeBytes(), name: 'tai-lieu.pdf' }, url);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/chương trình/);
    expect((await sec.upload('', {}, { bytes: Buffer.alloc(0), name: 'rong.pdf' }, url)).status).toBe(400);
    expect((await sec.upload('', { documentId: docId }, { bytes: pdfBytes(), name: 'a.pdf' }, `/api/meetings/${otherMeetingId}/files`)).status).toBe(404);
    const big = await sec.upload('', {}, { bytes: Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024)]), name: 'lon.pdf' }, url);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('tối đa 1 MB');
    const none = await sec.upload('', { role: 'minutes' }, undefined, url);
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].field).toBe('file');
    expect((await sec.upload('', { role: 'bien_ban' }, { bytes: pdfBytes(), name: 'a.pdf' }, url)).body.error.details[0].field).toBe('role');
    expect(await counts()).toBe(before);
  });

  it('downloads are audited; those above read; a sibling commune gets 404; a viewer above may not upload', async () => {
    const docs = (await (await t.login('secA1')).get(`/api/meetings/${meetingId}`)).body.documents as { id: string; role: string }[];
    const file = docs.find((d) => d.role === 'minutes')!;
    const url = `/api/meetings/${meetingId}/documents/${file.id}/file`;
    const got = await sec.get(url);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(sha256(got.bytes)).toBe(sha256(minutes));
    expect(await lastAudit()).toMatchObject({ action: 'meeting.document_read', actor_name: 'secA1' });
    const above = await documentSession(t, 'adminA');
    expect((await above.get(url)).status).toBe(200);
    const titleOnly = (await (await t.login('secA1')).post(`/api/meetings/${otherMeetingId}/documents`, { title: 'Chỉ có tên' })).body.documents[0];
    const before = await counts();
    expect((await above.upload('', {}, { bytes: pdfBytes(), name: 'a.pdf' }, `/api/meetings/${meetingId}/files`)).status).toBe(403);
    const sibling = await documentSession(t, 'adminB');
    expect((await sibling.get(url)).status).toBe(404);
    expect((await sibling.upload('', {}, { bytes: pdfBytes(), name: 'a.pdf' }, `/api/meetings/${meetingId}/files`)).status).toBe(404);
    // A title without a file has nothing to download.
    expect((await sec.get(`/api/meetings/${otherMeetingId}/documents/${titleOnly.id}/file`)).status).toBe(404);
    // The document belongs to another meeting.
    expect((await sec.get(`/api/meetings/${otherMeetingId}/documents/${file.id}/file`)).status).toBe(404);
    expect(await counts()).toBe(before);
  });

  it('a member of the cell downloads the materials sent to him, nothing else', async () => {
    const db = t.database.db;
    const me = await db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).orderBy('name_sort_key').executeTakeFirstOrThrow();
    const userId = await insertUser(db, { username: 'dangvienA1', fullName: 'Nguyễn Văn 0', password: PASSWORD, homeOrgId: f.orgs.a1, roles: [] });
    expect((await (await t.login('adminA')).post('/api/meetings/member-access', { userId, memberId: me.id })).status).toBe(200);
    const member = await documentSession(t, 'dangvienA1');
    const docs = (await (await t.login('secA1')).get(`/api/meetings/${meetingId}`)).body.documents as { id: string; role: string; sentAt: string | null }[];
    const material = docs.find((d) => d.role === 'material')!;
    const own = `/api/me/meetings/documents/${material.id}/file`;
    expect((await member.get(own)).status).toBe(404); // not sent yet
    expect((await (await t.login('secA1')).post(`/api/meetings/${meetingId}/documents/send`, { sentAt: '2026-11-08T08:00:00+07:00' })).status).toBe(200);
    const mine = await member.get('/api/me/meetings?year=2026');
    const listed = mine.body.meetings.find((m: { id: string }) => m.id === meetingId).documents;
    expect(listed).toEqual([expect.objectContaining({ id: material.id, fileName: 'Dự thảo.pdf' })]);
    const got = await member.get(own);
    expect(got.status).toBe(200);
    expect(got.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await lastAudit()).toMatchObject({ action: 'meeting.document_read', actor_name: 'dangvienA1' });
    // The minutes are not a material sent to him; the committees' route is closed to him; other users have no own view.
    const minutesDoc = docs.find((d) => d.role === 'minutes')!;
    expect((await member.get(`/api/me/meetings/documents/${minutesDoc.id}/file`)).status).toBe(404);
    expect((await member.get(`/api/meetings/${meetingId}/documents/${material.id}/file`)).status).toBe(404);
    expect((await (await documentSession(t, 'adminA')).get(own)).status).toBe(403);
  });
});
