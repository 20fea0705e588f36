import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, startTestApp, type Client, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';

describeEngines('users and roles', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let adminA: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    adminA = await t.login('adminA');
  });
  afterAll(() => t?.close());

  it('an organisation administrator creates a user in his subtree, who must change the password first', async () => {
    const created = await adminA.post('/api/users', { username: 'bithu.toan', fullName: 'Lê Văn Toàn', password: 'tam-thoi-2026', homeOrgId: f.orgs.a1 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'bithu.toan', homeOrg: { id: f.orgs.a1, name: 'Chi bộ Tổ Toán' }, roles: [] });
    const withRole = await adminA.post(`/api/users/${created.body.id}/roles`, { role: 'editor', orgId: f.orgs.a1 });
    expect(withRole.status).toBe(201);
    expect(withRole.body.roles).toEqual([expect.objectContaining({ role: 'editor', orgId: f.orgs.a1, orgName: 'Chi bộ Tổ Toán' })]);

    const user = await t.login('bithu.toan', 'tam-thoi-2026');
    const me = await user.get('/api/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await user.get(`/api/orgs/${f.orgs.a1}`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await user.post('/api/auth/change-password', { currentPassword: 'tam-thoi-2026', newPassword: 'mat-khau-rieng-2026' })).status).toBe(204);
    expect((await user.get(`/api/orgs/${f.orgs.a1}`)).status).toBe(200);
  });

  it('refuses a taken username (any case) and a weak password, naming the field', async () => {
    const taken = await adminA.post('/api/users', { username: 'EDITORA', fullName: 'X', password: 'mat-khau-2026', homeOrgId: f.orgs.A });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].field).toBe('username');
    const weak = await adminA.post('/api/users', { username: 'yeu', fullName: 'X', password: '123', homeOrgId: f.orgs.A });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details[0]).toEqual({ field: 'password', message: 'Mật khẩu cần ít nhất 8 ký tự.' });
    const badName = await adminA.post('/api/users', { username: 'tên có dấu', fullName: 'X', password: 'mat-khau-2026', homeOrgId: f.orgs.A });
    expect(badName.status).toBe(400);
    expect(badName.body.error.details[0].field).toBe('username');
  });

  it('resets a password: sessions end, the user must change it, a lock is lifted', async () => {
    const s = await t.login('editorA');
    expect((await adminA.post(`/api/users/${f.users.editorA}/reset-password`, { newPassword: 'cap-lai-2026' })).status).toBe(204);
    expect((await s.get('/api/auth/me')).status).toBe(401);
    const again = await t.login('editorA', 'cap-lai-2026');
    expect((await again.get('/api/auth/me')).body.user.mustChangePassword).toBe(true);
  });

  it('disables a user, which ends the sessions and refuses login; not oneself', async () => {
    const s = await t.login('inspectorA');
    const r = await adminA.patch(`/api/users/${f.users.inspectorA}`, { disabled: true });
    expect(r.body.disabled).toBe(true);
    expect((await s.get('/api/auth/me')).status).toBe(401);
    const login = await t.anonymous.post('/api/auth/login', { username: 'inspectorA', password: 'matkhau-2025' });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe('ACCOUNT_DISABLED');
    const self = await adminA.patch(`/api/users/${f.users.adminA}`, { disabled: true });
    expect(self.status).toBe(400);
  });

  it('only a system administrator grants system administration, and the last one cannot be removed', async () => {
    const admin = await t.login('admin');
    const granted = await admin.post(`/api/users/${f.users.adminB}/roles`, { role: 'system_admin', orgId: null });
    expect(granted.status).toBe(201);
    const sys = granted.body.roles.find((r: { role: string }) => r.role === 'system_admin');
    expect((await admin.delete(`/api/users/${f.users.adminB}/roles/${sys.id}`)).status).toBe(200);
    const own = await t.database.db.selectFrom('role_assignment').select('id').where('user_id', '=', f.users.admin!).executeTakeFirstOrThrow();
    expect((await admin.delete(`/api/users/${f.users.admin}/roles/${own.id}`)).status).toBe(400);
  });

  it('an administrator sees only the grants inside his own scope', async () => {
    const admin = await t.login('admin');
    await admin.post(`/api/users/${f.users.editorA}/roles`, { role: 'viewer', orgId: f.orgs.B });
    const seenByA = await adminA.get(`/api/users/${f.users.editorA}`);
    expect(seenByA.body.roles.map((r: { orgId: string }) => r.orgId)).toEqual([f.orgs.A]);
    const seenByAdmin = await admin.get(`/api/users/${f.users.editorA}`);
    expect(seenByAdmin.body.roles.map((r: { orgId: string }) => r.orgId).sort()).toEqual([f.orgs.A, f.orgs.B].sort());
  });

  it('searches users without accents', async () => {
    await adminA.patch(`/api/users/${f.users.editorA}`, { fullName: 'Đặng Thị Ánh' });
    const r = await adminA.get('/api/users?q=dang%20thi%20anh');
    expect(r.body.items.map((u: { username: string }) => u.username)).toEqual(['editorA']);
  });
});
