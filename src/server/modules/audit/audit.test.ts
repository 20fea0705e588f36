import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEngines, openTestDatabase, type Database } from '../../../../test/helpers/db.ts';
import { testConfig } from '../../config.ts';
import { buildFixture, DECISION, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import type { DB } from '../../db/schema.ts';
import { AuditChainBrokenError, canonicalJson, checkpointMac, entryHash, signCheckpoint, verifyAuditChain, writeAudit } from './audit.service.ts';

const KEY = testConfig().auditKey!;

describe('canonical JSON', () => {
  it('is independent of key order and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 'Đ' }, u: undefined })).toBe('{"a":{"c":"Đ","d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

/** What an attacker with the owner's rights can do: switch the append-only triggers off, tamper, switch them back on. */
async function asOwner(db: Kysely<DB>, tamper: () => Promise<unknown>, table: 'audit_log' | 'audit_checkpoint' = 'audit_log'): Promise<void> {
  await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(db);
  try {
    await tamper();
  } finally {
    await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(db);
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

  it('names the people, organisations and members concerned (issue 12 part 7)', async () => {
    const rename = (await admin.get(`/api/audit?entityId=${f.orgs.a1}&action=org.renamed`)).body.items[0];
    expect(rename).toMatchObject({ actorFullName: 'Quản trị', entityName: 'Chi bộ Tổ Toán - Tin', orgId: f.orgs.a1, orgName: 'Chi bộ Tổ Toán - Tin' });
    const user = (await admin.get(`/api/audit?entityId=${f.users.editorA}&action=user.update`)).body.items[0];
    expect(user).toMatchObject({ entityName: 'Trần Thị Bình', orgId: f.orgs.A, orgName: 'Đảng bộ xã Tân Lập' });
    const memberId = (await t.database.db.selectFrom('member').select('id').where('org_id', '=', f.orgs.gB).orderBy('id').limit(1).executeTakeFirstOrThrow())
      .id;
    expect((await admin.patch(`/api/members/${memberId}`, { hometown: 'Hưng Yên' })).status).toBe(200);
    const member = (await admin.get(`/api/audit?entityId=${memberId}`)).body.items[0];
    expect(member).toMatchObject({
      action: 'member.update',
      entityType: 'member',
      entityName: expect.stringMatching(/^Nguyễn Văn \d+$/),
      orgName: 'Chi bộ Công ty May Hòa Bình',
    });
  });

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
    const r = await verifyAuditChain(t.database.db, { key: KEY, pageSize: 2 });
    expect(r).toMatchObject({ ok: true });
    expect(r.count).toBeGreaterThan(3);
  });

  it('finds an entry edited directly in the database', async () => {
    const target = await t.database.db.selectFrom('audit_log').select('seq').where('action', '=', 'user.update').executeTakeFirstOrThrow();
    // a later entry, so the forged one below is not the tail (the tail is covered by the head hash the CLI prints)
    await admin.patch(`/api/users/${f.users.editorA}`, { fullName: 'Trần Thị Bình Minh' });
    await asOwner(t.database.db, () => sql`UPDATE audit_log SET after = '{"fullName":"Người khác"}'::jsonb WHERE seq = ${target.seq}`.execute(t.database.db));
    expect(await verifyAuditChain(t.database.db, { key: KEY })).toMatchObject({
      ok: false,
      brokenAtSeq: target.seq,
      reason: 'content was changed after it was written',
    });
    // even with the entry's own hash recomputed by the forger, the next entry's link breaks
    const row = await t.database.db.selectFrom('audit_log').selectAll().where('seq', '=', target.seq).executeTakeFirstOrThrow();
    const forged = entryHash(row.prev_hash, { ...row, at: new Date(row.at) });
    await asOwner(t.database.db, () => sql`UPDATE audit_log SET hash = ${forged} WHERE seq = ${target.seq}`.execute(t.database.db));
    expect(await verifyAuditChain(t.database.db, { key: KEY })).toMatchObject({
      ok: false,
      brokenAtSeq: target.seq + 1,
      reason: 'link to the previous entry does not match',
    });
  });

  it('finds a deleted entry', async () => {
    const t2 = await startTestApp(engine);
    try {
      await buildFixture(t2);
      const c = await t2.login('admin');
      await c.get('/api/auth/me');
      await t2.login('adminA');
      await asOwner(t2.database.db, () => sql`DELETE FROM audit_log WHERE seq = 1`.execute(t2.database.db));
      expect(await verifyAuditChain(t2.database.db, { key: KEY })).toMatchObject({ ok: false, brokenAtSeq: 1, reason: 'entry 1 is missing' });
    } finally {
      await t2.close();
    }
  });
});

describeEngines('append-only audit log and signed checkpoints', (engine) => {
  const at = new Date('2026-11-20T03:00:00Z');
  const opened: Database[] = [];
  afterAll(async () => {
    for (const d of opened) await d.close();
  });
  /** A fresh database whose log holds `n` entries, written as the services write them, and a signed checkpoint of its head. */
  const chainOf = async (n: number) => {
    const database = await openTestDatabase(engine);
    opened.push(database);
    for (let i = 1; i <= n; i++) {
      await database.db
        .transaction()
        .execute((tx) => writeAudit(tx, { id: null, name: 'kiểm thử' }, at, [{ action: 'test.entry', entityType: 'test', entityId: String(i), after: { i } }]));
    }
    expect(await signCheckpoint(database.db, KEY, at)).toMatchObject({ id: 1, seq: n, created: true });
    return database.db;
  };
  const verify = (db: Kysely<DB>, key = KEY) => verifyAuditChain(db, { key });

  it('refuses UPDATE, DELETE and TRUNCATE of the log and of its checkpoints, even to the owner', async () => {
    const db = await chainOf(2);
    for (const table of ['audit_log', 'audit_checkpoint'] as const) {
      await expect(sql`UPDATE ${sql.table(table)} SET hash = hash`.execute(db)).rejects.toThrow(`append-only table ${table}: UPDATE refused`);
      await expect(sql`DELETE FROM ${sql.table(table)}`.execute(db)).rejects.toThrow(`append-only table ${table}: DELETE refused`);
      await expect(sql`TRUNCATE ${sql.table(table)}`.execute(db)).rejects.toThrow(`append-only table ${table}: TRUNCATE refused`);
    }
    expect(await verify(db)).toMatchObject({ ok: true, count: 2, checkpoints: 1 });
  });

  it('leaves the application role, which does not own the tables, unable to switch the triggers off', async () => {
    const db = await chainOf(1);
    const role = `hn_app_${Math.random().toString(36).slice(2, 10)}`;
    await sql`CREATE ROLE ${sql.id(role)} NOLOGIN`.execute(db);
    try {
      await sql`GRANT SELECT, INSERT ON audit_log, audit_checkpoint TO ${sql.id(role)}`.execute(db);
      await db.connection().execute(async (conn) => {
        await sql`SET ROLE ${sql.id(role)}`.execute(conn);
        try {
          for (const table of ['audit_log', 'audit_checkpoint']) {
            await expect(sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(conn)).rejects.toThrow(/must be owner/);
            await expect(sql`DELETE FROM ${sql.table(table)}`.execute(conn)).rejects.toThrow(/permission denied|append-only/);
          }
          await expect(sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(conn)).rejects.toThrow(/must be owner/);
        } finally {
          await sql`RESET ROLE`.execute(conn);
        }
      });
    } finally {
      await sql`DROP OWNED BY ${sql.id(role)}`.execute(db);
      await sql`DROP ROLE ${sql.id(role)}`.execute(db);
    }
  });

  it('signs a checkpoint only when the head has moved, each linked to the one before', async () => {
    const db = await chainOf(3);
    expect(await signCheckpoint(db, KEY, at)).toMatchObject({ id: 1, seq: 3, created: false });
    await db.transaction().execute((tx) => writeAudit(tx, { id: null, name: 'kiểm thử' }, at, [{ action: 'test.entry', entityType: 'test' }]));
    expect(await signCheckpoint(db, KEY, at)).toMatchObject({ id: 2, seq: 4, created: true });
    expect(await verify(db)).toMatchObject({ ok: true, count: 4, headSeq: 4, checkpoints: 2, lastCheckpoint: { id: 2, seq: 4 } });
    // Another key (a forger's, or a lost key file) matches none of them.
    expect(await verify(db, 'a-different-key-of-at-least-32-characters')).toMatchObject({
      ok: false,
      reason: 'checkpoint 1 is not signed with this key (forged, or the key changed)',
    });
  });

  it('tampering 1: deleting the last entry is found by the checkpoint', async () => {
    const db = await chainOf(5);
    await asOwner(db, () => sql`DELETE FROM audit_log WHERE seq = 5`.execute(db));
    expect(await verify(db)).toMatchObject({
      ok: false,
      count: 4,
      brokenAtSeq: 5,
      reason: expect.stringMatching(/^entries 5 to 5 are missing: checkpoint 1 \(.*\) counted 5$/),
    });
  });

  it('tampering 1, with the checkpoints after it removed too: found against the checkpoint number kept outside', async () => {
    const db = await chainOf(3);
    await db.transaction().execute((tx) => writeAudit(tx, { id: null, name: 'kiểm thử' }, at, [{ action: 'test.entry', entityType: 'test' }]));
    expect(await signCheckpoint(db, KEY, at)).toMatchObject({ id: 2, seq: 4 });
    await asOwner(db, () => sql`DELETE FROM audit_log WHERE seq = 4`.execute(db));
    await asOwner(db, () => sql`DELETE FROM audit_checkpoint WHERE id = 2`.execute(db), 'audit_checkpoint');
    // A shorter, consistent log: only a number recorded outside the system tells.
    expect(await verify(db)).toMatchObject({ ok: true, count: 3, checkpoints: 1 });
    expect(await verifyAuditChain(db, { key: KEY, expectCheckpoint: 2 })).toMatchObject({ ok: false, reason: 'checkpoint 2 is missing: the latest is 1' });
    expect(await verifyAuditChain(db, { key: KEY, expectCheckpoint: 1 })).toMatchObject({ ok: true });
  });

  it('tampering 2: deleting an entry in the middle is found by the chain', async () => {
    const db = await chainOf(5);
    await asOwner(db, () => sql`DELETE FROM audit_log WHERE seq = 3`.execute(db));
    expect(await verify(db)).toMatchObject({ ok: false, count: 2, brokenAtSeq: 3, reason: 'entry 3 is missing' });
  });

  it('tampering 3: rewriting an entry is found by its hash', async () => {
    const db = await chainOf(5);
    await asOwner(db, () => sql`UPDATE audit_log SET after = '{"i": 99}'::jsonb WHERE seq = 3`.execute(db));
    expect(await verify(db)).toMatchObject({ ok: false, count: 2, brokenAtSeq: 3, reason: 'content was changed after it was written' });
  });

  it('tampering 4: rewriting an entry and recomputing every later hash is found by the checkpoint, which is not signed over it', async () => {
    const db = await chainOf(5);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    await asOwner(db, async () => {
      let prev = rows[1]!.prev_hash;
      for (const row of rows.slice(1)) {
        const after = row.seq === 2 ? { i: 99 } : row.after;
        const hash = entryHash(prev, { ...row, after, at: new Date(row.at) });
        await sql`UPDATE audit_log SET after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${row.seq}`.execute(db);
        prev = hash;
      }
    });
    expect(await verify(db)).toMatchObject({
      ok: false,
      count: 4,
      brokenAtSeq: 5,
      reason: expect.stringContaining('entry 5 differs from signed checkpoint 1'),
    });
    await expect(signCheckpoint(db, KEY, at)).rejects.toThrow(AuditChainBrokenError);
  });

  it('a checkpoint removed, or forged without the key, is found', async () => {
    const db = await chainOf(2);
    await db.transaction().execute((tx) => writeAudit(tx, { id: null, name: 'kiểm thử' }, at, [{ action: 'test.entry', entityType: 'test' }]));
    await signCheckpoint(db, KEY, at);
    // Checkpoints are numbered and each carries the previous one's signature: a removed one leaves a gap.
    await asOwner(db, () => sql`DELETE FROM audit_checkpoint WHERE id = 1`.execute(db), 'audit_checkpoint');
    expect(await verify(db)).toMatchObject({ ok: false, reason: 'checkpoint 1 is missing' });
    const db2 = await chainOf(2);
    const row = { id: 2, at, seq: 2, hash: 'f'.repeat(64), prev_mac: (await db2.selectFrom('audit_checkpoint').select('mac').executeTakeFirstOrThrow()).mac };
    await db2
      .insertInto('audit_checkpoint')
      .values({ ...row, mac: checkpointMac('the-forgers-own-key-of-32-characters', row) })
      .execute();
    expect(await verify(db2)).toMatchObject({ ok: false, reason: 'checkpoint 2 is not signed with this key (forged, or the key changed)' });
  });
});
