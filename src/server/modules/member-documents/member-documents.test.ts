import { readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { docxBytes, xlsxOf } from '../member-import/member-import.fixtures.ts';
import { documentSession, exeBytes, jpegBytes, multipartBody, pdfBytes, pngBytes, sha256, type DocumentSession } from './member-documents.fixtures.ts';

describeEngines('member dossier documents', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let editor: DocumentSession;
  let memberA: string;
  let memberA2: string;
  let memberB: string;
  const FIELDS = {
    docType: 'admission_decision',
    title: 'Quyết định kết nạp đảng viên',
    certifiedBy: 'Đảng ủy xã Tân Lập',
    certifiedOn: '2010-05-19',
    note: 'Bản gốc lưu tại Văn phòng',
  };

  const rows = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('member_document')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'member.document_upload')
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Every file under DATA_DIR/documents, staging included. */
  const files = async () => {
    const root = path.join(t.dataDir, 'documents');
    try {
      return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
    } catch {
      return [];
    }
  };
  const nothingWritten = async (fn: () => Promise<void>) => {
    const before = [await rows(), await audits(), (await files()).length];
    await fn();
    expect([await rows(), await audits(), (await files()).length]).toEqual(before);
  };

  beforeAll(async () => {
    t = await startTestApp(engine, { config: { documentMaxMb: 1 } });
    f = await buildFixture(t);
    const db = t.database.db;
    memberA = (await db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    memberA2 = (await db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a2).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    memberB = (await db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    editor = await documentSession(t, 'editorA');
  });
  afterAll(() => t?.close());

  let v1: { id: string; bytes: Buffer };

  it('uploads a document: version 1, its hash, size and file name, one audit entry, the file under the data directory', async () => {
    const bytes = pdfBytes('QD ket nap 2010');
    const r = await editor.upload(memberA, FIELDS, { bytes, name: 'Quyết định kết nạp.pdf', type: 'application/pdf' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ docType: 'admission_decision', title: FIELDS.title, sensitive: false, canDownload: true });
    expect(r.body.latest).toMatchObject({
      version: 1,
      fileName: 'Quyết định kết nạp.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      sha256: sha256(bytes),
      certifiedBy: 'Đảng ủy xã Tân Lập',
      certifiedOn: '2010-05-19',
      note: 'Bản gốc lưu tại Văn phòng',
      uploadedBy: { id: f.users.editorA, name: 'Người dùng editorA' },
      uploadedAt: '2026-11-20T03:00:00.000Z',
      superseded: false,
    });
    v1 = { id: r.body.latest.id, bytes };
    const stored = await files();
    expect(stored).toHaveLength(1);
    expect(path.relative(path.join(t.dataDir, 'documents'), stored[0]!)).toMatch(/^2026[/\\]11[/\\][0-9a-f-]{36}$/);
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.document_upload').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_type: 'member', entity_id: memberA, scope_org_id: f.orgs.a1 });
    expect(audit.after).toMatchObject({
      documentId: r.body.latest.id,
      docType: 'admission_decision',
      title: FIELDS.title,
      version: 1,
      fileName: 'Quyết định kết nạp.pdf',
      sha256: sha256(bytes),
    });
  });

  it('a new upload of the same type and title is version 2; version 1 stays, byte for byte', async () => {
    const bytes = pdfBytes('QD ket nap 2010 - ban sao y');
    const r = await editor.upload(memberA, { ...FIELDS, title: '  quyết định  kết nạp đảng viên ', certifiedOn: '2026-11-20' }, { bytes, name: 'ban-sao.pdf' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.title).toBe(FIELDS.title); // the first spelling is kept
    expect(r.body.versions.map((v: { version: number; superseded: boolean }) => [v.version, v.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
    const old = await editor.get(`/api/members/${memberA}/documents/${v1.id}/file`);
    expect(old.status).toBe(200);
    expect(old.bytes.equals(v1.bytes)).toBe(true);
    expect(sha256(old.bytes)).toBe(sha256(v1.bytes));
    const latest = await editor.get(`/api/members/${memberA}/documents/${r.body.latest.id}/file`);
    expect(latest.bytes.equals(bytes)).toBe(true);
    expect(latest.headers['etag']).toBe(`"${sha256(bytes)}"`);
    expect(await files()).toHaveLength(2);
  });

  it('downloads with the original Vietnamese name (RFC 5987) and an ASCII fallback', async () => {
    const r = await editor.get(`/api/members/${memberA}/documents/${v1.id}/file`);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-length']).toBe(String(v1.bytes.length));
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="Quyet dinh ket nap.pdf"; filename*=UTF-8''${encodeURIComponent('Quyết định kết nạp.pdf')}`,
    );
    expect(r.headers['cache-control']).toBe('private, no-store');
  });

  it('accepts JPEG, PNG, Word and Excel by content and names them by their real format', async () => {
    const cases: [Buffer, string, string, string][] = [
      [jpegBytes(), 'scan', 'image/jpeg', 'scan.jpg'],
      [pngBytes(), 'anh.PNG', 'image/png', 'anh.PNG'],
      [docxBytes(), 'don.doc', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'don.doc.docx'],
      [await xlsxOf([['Năm', 'Xếp loại']]), 'bang.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'bang.xlsx'],
    ];
    for (const [i, [bytes, name, mime, stored]] of cases.entries()) {
      const r = await editor.upload(memberA2, { docType: 'certificate', title: `Giấy chứng nhận ${i}` }, { bytes, name, type: 'text/plain' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.latest).toMatchObject({ mime, fileName: stored, certifiedBy: null, certifiedOn: null, note: null });
    }
  });

  it('lists the latest version of each document with its history, by type', async () => {
    const r = await editor.get(`/api/members/${memberA}/documents`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ memberId: memberA, canUpload: true, maxMb: 1 });
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0].latest.version).toBe(2);
    expect(r.body.items[0].versions).toHaveLength(2);
    expect((await editor.get(`/api/members/${memberA2}/documents`)).body.items.map((d: { title: string }) => d.title)).toEqual(
      [0, 1, 2, 3].map((i) => `Giấy chứng nhận ${i}`),
    );
    const none = await editor.get(`/api/members/${memberB}/documents`);
    expect(none.status).toBe(404);
  });

  it('refuses an empty file, a renamed program or text file, an old Word file: 400, nothing written', async () => {
    await nothingWritten(async () => {
      const refusals: [Buffer, string, RegExp][] = [
        [Buffer.alloc(0), 'rong.pdf', /Tệp rỗng/],
        [exeBytes(), 'quyet-dinh.pdf', /chương trình/],
        [Buffer.from('Quyết định kết nạp đảng viên\r\n'), 'quyet-dinh.pdf', /văn bản thuần/],
        [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'don.doc', /97–2003/],
        [randomish(), 'anh.jpg', /Định dạng tệp không được nhận/],
      ];
      for (const [bytes, name, message] of refusals) {
        const r = await editor.upload(memberA, FIELDS, { bytes, name });
        expect(r.status, name).toBe(400);
        expect(r.body.error.message).toMatch(message);
        expect(r.body.error.details[0].field).toBe('file');
      }
    });
  });

  it('refuses a file over DOCUMENT_MAX_MB with 413, nothing written', async () => {
    await nothingWritten(async () => {
      const big = Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
      const r = await editor.upload(memberA, FIELDS, { bytes: big, name: 'lon.pdf' });
      expect(r.status).toBe(413);
      expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(r.body.error.message).toContain('tối đa 1 MB');
    });
  });

  it('refuses an over-size file sent without a declared length (chunked) when the stream passes the limit', async () => {
    await nothingWritten(async () => {
      const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
      const login = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'editorA', password: PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const { payload, contentType } = multipartBody(FIELDS, { bytes: Buffer.concat([pdfBytes(), Buffer.alloc(1024 * 1024 + 10, 0x20)]), name: 'lon.pdf' });
      const status = await new Promise<{ code: number; body: string }>((resolve, reject) => {
        const req = http.request(
          `${address}/api/members/${memberA}/documents`,
          { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType, 'transfer-encoding': 'chunked' } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ code: res.statusCode ?? 0, body }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < payload.length; i += 64 * 1024) req.write(payload.subarray(i, i + 64 * 1024));
        req.end();
      });
      expect(status.code).toBe(413);
      expect(JSON.parse(status.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  it('refuses bad fields: unknown type, missing title, a date in the future or impossible, an unknown field, no file', async () => {
    await nothingWritten(async () => {
      const file = { bytes: pdfBytes(), name: 'a.pdf' };
      const bad: [Record<string, string>, string][] = [
        [{ ...FIELDS, docType: 'nhat_ky' }, 'docType'],
        [{ docType: 'application' }, 'title'],
        [{ ...FIELDS, title: '   ' }, 'title'],
        [{ ...FIELDS, certifiedOn: '2026-11-21' }, 'certifiedOn'],
        [{ ...FIELDS, certifiedOn: '2010-02-30' }, 'certifiedOn'],
        [{ ...FIELDS, certifiedOn: '19/05/2010' }, 'certifiedOn'],
        [{ ...FIELDS, certifiedBy: 'x'.repeat(300) }, 'certifiedBy'],
        [{ ...FIELDS, uploadedBy: 'ai đó' }, 'uploadedBy'],
      ];
      for (const [fields, field] of bad) {
        const r = await editor.upload(memberA, fields, file);
        expect(r.status, field).toBe(400);
        expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const noFile = await editor.upload(memberA, FIELDS);
      expect(noFile.status).toBe(400);
      expect(noFile.body.error.details[0].field).toBe('file');
    });
  });

  it('keeps members apart: another member’s document, another organisation’s member, a viewer, sensitive types', async () => {
    await nothingWritten(async () => {
      // The document exists, but not in this member's dossier.
      expect((await editor.get(`/api/members/${memberA2}/documents/${v1.id}/file`)).status).toBe(404);
      const b = await documentSession(t, 'adminB');
      for (const url of [`/api/members/${memberA}/documents`, `/api/members/${memberA}/documents/${v1.id}/file`]) {
        const r = await b.get(url);
        expect(r.status).toBe(404);
        expect(r.body.error.message).toBe('Không tìm thấy đảng viên.');
      }
      const up = await b.upload(memberA, FIELDS, { bytes: pdfBytes(), name: 'a.pdf' });
      expect(up.status).toBe(404);
      const viewer = await documentSession(t, 'viewerA1');
      expect((await viewer.upload(memberA, FIELDS, { bytes: pdfBytes(), name: 'a.pdf' })).status).toBe(403);
      const list = await viewer.get(`/api/members/${memberA}/documents`);
      expect(list.body.canUpload).toBe(false);
      expect((await viewer.get(`/api/members/${memberA}/documents/${v1.id}/file`)).status).toBe(200);
    });
    // The background form carries family and political history: only readers of sensitive groups download it.
    const r = await editor.upload(memberA, { docType: 'background', title: 'Lý lịch đảng viên' }, { bytes: pdfBytes('ly lich'), name: 'ly-lich.pdf' });
    expect(r.status).toBe(201);
    expect(r.body.sensitive).toBe(true);
    const viewer = await documentSession(t, 'viewerA1');
    const listed = (await viewer.get(`/api/members/${memberA}/documents`)).body.items.find((d: { docType: string }) => d.docType === 'background');
    expect(listed.canDownload).toBe(false);
    const denied = await viewer.get(`/api/members/${memberA}/documents/${r.body.latest.id}/file`);
    expect(denied.status).toBe(403);
    const reads = () => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.document_read').execute();
    expect(await reads()).toHaveLength(0); // the refused read is not one
    expect((await editor.get(`/api/members/${memberA}/documents/${r.body.latest.id}/file`)).status).toBe(200);
    const [read] = await reads();
    expect(read).toMatchObject({ actor_id: f.users.editorA, entity_id: memberA, scope_org_id: f.orgs.a1 });
    expect(read!.after).toEqual({ documentId: r.body.latest.id, docType: 'background', title: 'Lý lịch đảng viên', version: 1 });
  });
});

describeEngines('member dossier restored without its documents directory', (engine) => {
  it('lists the document but answers 410 DOCUMENT_MISSING with a Vietnamese message for its file', async () => {
    const t = await startTestApp(engine);
    try {
      const f = await buildFixture(t);
      const memberId = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.a1).limit(1).executeTakeFirstOrThrow()).id;
      const s = await documentSession(t, 'editorA');
      const up = await s.upload(memberId, { docType: 'application', title: 'Đơn xin vào Đảng' }, { bytes: pdfBytes(), name: 'don.pdf' });
      expect(up.status).toBe(201);
      await rm(path.join(t.dataDir, 'documents'), { recursive: true });
      expect((await s.get(`/api/members/${memberId}/documents`)).body.items).toHaveLength(1);
      const r = await s.get(`/api/members/${memberId}/documents/${up.body.latest.id}/file`);
      // Gone from the store (a restore without the documents directory): not a fault of the request, not a bug.
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('DOCUMENT_MISSING');
      expect(r.body.error.message).toContain('sao lưu');
    } finally {
      await t.close();
    }
  });
});

/** Bytes no format check recognises. */
function randomish(): Buffer {
  return Buffer.concat([Buffer.from([0x00, 0x01, 0x02, 0x03]), Buffer.alloc(100, 0x07)]);
}
