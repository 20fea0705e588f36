import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, DECISION, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { DB } from '../../db/schema.ts';
import { canonicalJson, verifyAuditChain } from './audit.service.ts';

describe('canonical JSON', () => {
  it('is independent of key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'Đ' }, u: undefined })).toBe('{"a":{"c":"Đ","d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

/** What an attacker with the owner's rights can do: switch the append-only triggers off, tamper, switch them back on. */
async function asOwner(db: Kysely<DB>, tamper: () => Promise<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
  try {
    await tamper();
  } finally {
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(db);
  }
}

describeEngines('audit log and its hash chain', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    admin = await t.login('admin');
    await admin.post(`/api/orgs/${f.orgs.a1}/rename`, { name: 'Chi bộ Tổ Toán - Tin', ...DECISION });
    await admin.patch(`/api/users/${f.users.editorA}`, { fullName: 'Trần Thị Bình' });
  });
  afterAll(() => t?.close());

  it('records who, when, what, which entity, before and after', async () => {
    const r = await admin.get(`/api/audit?entityId=${f.users.editorA}&action=user.update`);
    expect(r.body.items[0]).toMatchObject({
      actorName: 'admin',
      action: 'user.update',
      entityType: 'user',
      entityId: f.users.editorA,
      before: { fullName: 'Người dùng editorA', disabled: false },
      after: { fullName: 'Trần Thị Bình' },
    });
    const rename = await admin.get(`/api/audit?entityId=${f.orgs.a1}&action=org.renamed`);
    expect(rename.body.items[0].before).toMatchObject({ name: 'Chi bộ Tổ Toán' });
    expect(rename.body.items[0].after).toMatchObject({ toName: 'Chi bộ Tổ Toán - Tin', decisionNo: DECISION.decisionNo, effectiveDate: '2025-07-01' });
  });

  it('filters by user, action, entity and date', async () => {
    const byUser = await admin.get(`/api/audit?userId=${f.users.admin}&pageSize=200`);
    expect(byUser.body.items.every((e: { actorId: string }) => e.actorId === f.users.admin)).toBe(true);
    const today = await admin.get('/api/audit?from=2026-11-20&to=2026-11-20');
    expect(today.body.total).toBeGreaterThan(0);
    const tomorrow = await admin.get('/api/audit?from=2026-11-21');
    expect(tomorrow.body.total).toBe(0);
    const paged = await admin.get('/api/audit?pageSize=1&page=2');
    expect(paged.body.items).toHaveLength(1);
  });

  it('verifies an intact chain', async () => {
    const r = await verifyAuditChain(t.database.db, 2);
    expect(r).toMatchObject({ ok: true });
    expect(r.count).toBeGreaterThan(3);
  });

  it('finds an entry edited directly in the database', async () => {
    const target = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.update').executeTakeFirstOrThrow();
    // a later entry, so the forged one below is not the tail (the tail is covered by the head hash the CLI prints)
    await admin.patch(`/api/users/${f.users.editorA}`, { fullName: 'Trần Thị Bình Minh' });
    await asOwner(t.database.db, () => sql`UPDATE audit_log SET after = '{"fullName":"Người khác"}'::jsonb WHERE seq = ${target.seq}`.execute(t.database.db));
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, brokenAtSeq: target.seq, reason: 'content was changed after it was written' });
    // even with the entry's own hash recomputed by the forger, the next entry's link breaks
    const { entryHash } = await import('./audit.service.ts');
    const row = await t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', target.seq).executeTakeFirstOrThrow();
    const forged = entryHash(row.prev_hash, { ...row, at: new Date(row.at) });
    await asOwner(t.database.db, () => sql`UPDATE audit_log SET hash = ${forged} WHERE seq = ${target.seq}`.execute(t.database.db));
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, brokenAtSeq: target.seq + 1, reason: 'link to the previous entry does not match' });
  });

  it('finds a deleted entry', async () => {
    const t2 = await startTestApp(engine);
    try {
      await buildFixture(t2);
      const c = await t2.login('admin');
      await c.get('/api/auth/me');
      await t2.login('adminA');
      await asOwner(t2.database.db, () => sql`DELETE FROM audit_log WHERE seq = 1`.execute(t2.database.db));
      expect(await verifyAuditChain(t2.database.db)).toMatchObject({ ok: false, brokenAtSeq: 1, reason: 'entry 1 is missing' });
    } finally {
      await t2.close();
    }
  });
});
