import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Fixture, type TestApp } from '../../../../test/helpers/app.ts';
import { afterFailure, isLocked } from './auth.policy.ts';
import { hashPassword, verifyPassword } from '../users/password.ts';
import { passwordProblem } from '../users/users.policy.ts';
import { describe } from 'vitest';

describe('password and lockout rules', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const h = await hashPassword('Mật khẩu 2025');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('Mật khẩu 2025', h)).toBe(true);
    expect(await verifyPassword('mật khẩu 2025', h)).toBe(false);
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });
  it("locks after the configured number of failures within a lock's length of each other", () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const rules = { maxFailures: 3, lockMinutes: 10 };
    const at = (iso: string) => new Date(iso);
    expect(afterFailure(undefined, now, rules)).toEqual({ failures: 1, lockedUntil: null });
    expect(afterFailure({ failures: 1, lastFailureAt: at('2025-12-31T23:55:00Z') }, now, rules)).toEqual({ failures: 2, lockedUntil: null });
    const locked = afterFailure({ failures: 2, lastFailureAt: at('2025-12-31T23:50:00.001Z') }, now, rules);
    expect(locked).toEqual({ failures: 0, lockedUntil: at('2026-01-01T00:10:00.000Z') });
    // The last failure a whole lock's length ago: the count starts again.
    expect(afterFailure({ failures: 2, lastFailureAt: at('2025-12-31T23:50:00Z') }, now, rules)).toEqual({ failures: 1, lockedUntil: null });
    expect(isLocked(locked.lockedUntil, new Date('2026-01-01T00:09:59Z'))).toBe(true);
    expect(isLocked(locked.lockedUntil, new Date('2026-01-01T00:10:00Z'))).toBe(false);
  });
  it('refuses short passwords and the username as password', () => {
    expect(passwordProblem('1234567', 'an')).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(passwordProblem('NguyenAn', 'nguyenan')).toBe('Mật khẩu không được trùng tên đăng nhập.');
    expect(passwordProblem('12345678', 'an')).toBeNull();
  });
});

describeEngines('sessions, CSRF, lockout', (engine) => {
  let t: TestApp;
  let f: Fixture;
  beforeAll(async () => {
    t = await startTestApp(engine, { config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
    f = await buildFixture(t);
  });
  afterAll(() => t?.close());

  it('logs in with an HttpOnly SameSite cookie and answers /me', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ADMINA', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('hn_session=');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const body = JSON.parse(res.body);
    expect(body.user).toMatchObject({ username: 'adminA', can: { manageUsers: true, readAudit: true, editOrgs: true, reorganize: true } });
    expect(body.user.roles).toEqual([expect.objectContaining({ role: 'org_admin', orgId: f.orgs.A, orgName: 'Đảng bộ xã Tân Lập' })]);
  });

  // Issue 13: the hook reads the session, the account and the grants with their places in one statement; the actor
  // is the one a login builds from the repository functions apart (grants at a commune, at a cell below a grassroots
  // organisation, the whole tree; an organisation renamed, ended, moved under another).
  it('the session resolves to the same actor as the login builds, grant by grant', async () => {
    const D = { decisionNo: '90-QĐ/TU', decisionDate: '2025-06-20', effectiveDate: '2025-07-01' };
    const admin = f.admin;
    await t.services.orgs.rename(admin, f.orgs.a1, { name: 'Chi bộ Tổ Toán - Tin', ...D });
    await t.services.orgs.move(admin, f.orgs.gB, { newParentId: f.orgs.A, ...D });
    for (const username of ['admin', 'adminA', 'editorA', 'inspectorA', 'viewerA1', 'adminB']) {
      const { token, session } = await t.services.auth.login(username, PASSWORD, `10.0.0.${username.length}`);
      const resolved = await t.services.auth.resolve(token);
      expect(resolved?.actor, username).toEqual(session.actor);
      expect(resolved?.csrfToken).toBe(session.csrfToken);
    }
    const { token } = await t.services.auth.login('viewerA1', PASSWORD, '10.0.0.99');
    const viewer = (await t.services.auth.resolve(token))!.actor;
    expect(viewer.roles).toEqual([
      expect.objectContaining({
        orgId: f.orgs.a1,
        orgName: 'Chi bộ Tổ Toán - Tin',
        orgPath: `/${f.orgs.P}/${f.orgs.A}/${f.orgs.gA}/${f.orgs.a1}/`,
        belowGrassroots: true,
      }),
    ]);
    const adminA = (await t.services.auth.resolve((await t.services.auth.login('adminA', PASSWORD, '10.0.0.98')).token))!.actor;
    expect(adminA.roles[0]).toMatchObject({ orgPath: `/${f.orgs.P}/${f.orgs.A}/`, belowGrassroots: false });
    expect(await t.services.auth.resolve('not-a-token')).toBeNull();
  });

  it('answers 401 without a session and with a wrong password, in Vietnamese', async () => {
    expect((await t.anonymous.get('/api/orgs/roots')).status).toBe(401);
    const wrong = await t.anonymous.post('/api/auth/login', { username: 'viewerA1', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    const nobody = await t.anonymous.post('/api/auth/login', { username: 'khong-co', password: 'sai-mat-khau' });
    expect(nobody.status).toBe(401);
    expect(nobody.body.error.message).toBe(wrong.body.error.message);
  });

  it('requires the CSRF header on writes made with the session cookie', async () => {
    const c = await t.login('editorA');
    const before = (await c.get(`/api/orgs/${f.orgs.a1}`)).body.name;
    const noHeader = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${f.orgs.a1}/rename`,
      headers: { cookie: (c as any).cookie ?? '' },
      payload: {},
    });
    // inject without our client's header: take the cookie from a fresh login instead
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'editorA', password: PASSWORD } });
    const cookie = `hn_session=${login.cookies.find((k) => k.name === 'hn_session')!.value}`;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${f.orgs.a1}/rename`,
      headers: { cookie },
      payload: { name: 'X', effectiveDate: '2026-01-01', decisionNo: '1', decisionDate: '2026-01-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('CSRF_INVALID');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${f.orgs.a1}/rename`,
      headers: { cookie, 'x-csrf-token': 'abc' },
      payload: { name: 'X', effectiveDate: '2026-01-01', decisionNo: '1', decisionDate: '2026-01-01' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect(noHeader.statusCode).toBe(401); // no session: refused before the body is read
    const name = (await c.get(`/api/orgs/${f.orgs.a1}`)).body.name;
    expect(name).toBe(before); // unchanged (an earlier test of this file renames it)
    expect(name).not.toBe('X');
  });

  it('locks the account after repeated failures, even for the right password, then lets it in after the lock', async () => {
    for (let i = 0; i < 2; i++) expect((await t.anonymous.post('/api/auth/login', { username: 'inspectorA', password: 'sai-mat-khau' })).status).toBe(401);
    const third = await t.anonymous.post('/api/auth/login', { username: 'inspectorA', password: 'sai-mat-khau' });
    expect(third.status).toBe(423);
    expect(third.body.error.code).toBe('ACCOUNT_LOCKED');
    const right = await t.anonymous.post('/api/auth/login', { username: 'inspectorA', password: PASSWORD });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toContain('15 phút');
    t.clock.advance(15 * 60000 + 1000);
    expect((await t.anonymous.post('/api/auth/login', { username: 'inspectorA', password: PASSWORD })).status).toBe(200);
    const audit = await (await t.login('admin')).get(`/api/audit?action=auth.login_failed&entityId=${f.users.inspectorA}`);
    expect(audit.body.total).toBe(3);
  });

  const loginFrom = async (address: string, username: string, password = 'sai-mat-khau') => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
    return { status: r.statusCode, body: JSON.parse(r.body) };
  };

  it('answers a known and an unknown name the same, failure after failure and while locked', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await loginFrom('10.0.1.1', 'adminB'));
      unknown.push(await loginFrom('10.0.1.1', 'khong-ai-ten-nay'));
    }
    expect(known.map((r: any) => r.status)).toEqual([401, 401, 423, 423]);
    expect(unknown).toEqual(known);
    // The right password of the known name is refused like any other while the lock holds.
    expect(await loginFrom('10.0.1.1', 'adminB', PASSWORD)).toEqual(known[3]);
  });

  it("a stranger's failures lock the name only from the stranger's address", async () => {
    expect((await loginFrom('10.0.2.2', 'editorA')).status).toBe(401);
    expect((await loginFrom('10.0.2.2', 'editorA')).status).toBe(401);
    expect((await loginFrom('10.0.3.3', 'editorA', PASSWORD)).status).toBe(200);
    expect((await loginFrom('10.0.2.2', 'editorA')).status).toBe(423);
    expect((await loginFrom('10.0.2.2', 'editorA', PASSWORD)).status).toBe(423);
    // The user at the office still logs in, and so does the stranger's address for other names.
    expect((await loginFrom('10.0.3.3', 'editorA', PASSWORD)).status).toBe(200);
    expect((await loginFrom('10.0.2.2', 'adminA', PASSWORD)).status).toBe(200);
    // A password reset by an administrator ends the name's locks from every address.
    const admin = await t.login('admin');
    expect((await admin.post(`/api/users/${f.users.editorA}/reset-password`, { newPassword: PASSWORD.toUpperCase() })).status).toBe(204);
    expect((await loginFrom('10.0.2.2', 'editorA', PASSWORD.toUpperCase())).status).toBe(200);
  });

  it('counts parallel attempts one by one: a burst gets no more tries than a sequence', async () => {
    const burst = await Promise.all(Array.from({ length: 6 }, () => loginFrom('10.0.6.6', 'viewerA1')));
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 423, 423, 423, 423]);
    expect((await loginFrom('10.0.6.6', 'viewerA1', PASSWORD)).status).toBe(423);
  });

  it('locks an address that fails on many names, from that address only', async () => {
    const limited = await startTestApp(engine, { config: { loginMaxFailures: 3, loginAddressMaxFailures: 4 } });
    try {
      await buildFixture(limited);
      const from = async (address: string, username: string, password = 'sai-mat-khau') =>
        (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address })).statusCode;
      expect([await from('10.0.4.4', 'admin'), await from('10.0.4.4', 'adminA'), await from('10.0.4.4', 'ai-do')]).toEqual([401, 401, 401]);
      expect(await from('10.0.4.4', 'viewerA1')).toBe(423);
      expect(await from('10.0.4.4', 'adminB', PASSWORD)).toBe(423);
      expect(await from('10.0.5.5', 'adminB', PASSWORD)).toBe(200);
      limited.clock.advance(15 * 60000);
      expect(await from('10.0.4.4', 'adminB', PASSWORD)).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const s1 = await t.login('viewerA1');
    const s2 = await t.login('viewerA1');
    const bad = await s1.post('/api/auth/change-password', { currentPassword: 'sai', newPassword: 'mat-khau-moi-2026' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'currentPassword' });
    const short = await s1.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'ngan' });
    expect(short.body.error.details[0]).toMatchObject({ field: 'newPassword', message: 'Mật khẩu cần ít nhất 8 ký tự.' });
    expect((await s1.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'mat-khau-moi-2026' })).status).toBe(204);
    expect((await s1.get('/api/auth/me')).status).toBe(200);
    expect((await s2.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/api/auth/login', { username: 'viewerA1', password: PASSWORD })).status).toBe(401);
    await t.login('viewerA1', 'mat-khau-moi-2026');
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const c = await t.login('adminB');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('rate-limits login attempts per address', async () => {
    const limited = await startTestApp(engine, { config: { loginRatePerMinute: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await limited.anonymous.post('/api/auth/login', { username: 'x', password: 'y' })).status);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const last = await limited.anonymous.post('/api/auth/login', { username: 'x', password: 'y' });
      expect(last.body.error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
