/**
 * The application over a test database, driven through HTTP with Fastify's inject(), plus a small fixture
 * province with two sibling communes and users scoped to each, for scope and isolation tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { createApp, type Services } from '../../src/server/app.ts';
import { fixedClock, type Clock } from '../../src/server/clock.ts';
import { testConfig, type Config } from '../../src/server/config.ts';
import type { Role } from '../../src/server/db/schema.ts';
import { insertUser } from '../../src/server/modules/users/users.service.ts';
import { insertMembers } from '../../src/server/demo/bulk-insert.ts';
import { openTestDatabase, type Database, type Engine } from './db.ts';

export const PASSWORD = 'matkhau-2025';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface Client {
  get<T = any>(url: string): Promise<Response<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(url: string): Promise<Response<T>>;
  /** Sends a raw payload (malformed JSON, other content types). */
  raw<T = any>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE' | 'GET', url: string, payload: string, contentType?: string): Promise<Response<T>>;
  csrfToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  /** Every route the app serves. */
  routes: { method: string; url: string }[];
  database: Database;
  /** DATA_DIR of this app: a temporary directory unless the test gave one. */
  dataDir: string;
  clock: Clock & { advance(ms: number): void };
  anonymous: Client;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

function client(app: FastifyInstance, cookie: string | null, csrfToken: string): Client {
  const send = async (method: string, url: string, payload?: string, contentType = 'application/json'): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (cookie) headers.cookie = cookie;
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    if (payload !== undefined) headers['content-type'] = contentType;
    const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers };
  };
  return {
    csrfToken,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body === undefined ? undefined : JSON.stringify(body)),
    patch: (url, body) => send('PATCH', url, body === undefined ? undefined : JSON.stringify(body)),
    delete: (url) => send('DELETE', url),
    raw: (method, url, payload, contentType) => send(method, url, payload, contentType),
  };
}

/** `wrapDb`: the database handle the app is given, e.g. with a plugin that counts statements (test/helpers/statements.ts). */
export async function startTestApp(
  engine: Engine,
  opts: { config?: Partial<Config>; now?: string; wrapDb?: (db: Database['db']) => Database['db'] } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(engine);
  const clock = fixedClock(opts.now ?? '2026-11-20T03:00:00Z') as Clock & { advance(ms: number): void };
  // A data directory of its own (the dossier's files), removed at close.
  const dataDir = opts.config?.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'hn-test-data-')));
  const { app, services, routes } = await createApp({
    db: opts.wrapDb ? opts.wrapDb(database.db) : database.db,
    config: testConfig({ dataDir, ...opts.config }),
    clock,
  });
  await app.ready();
  return {
    app,
    services,
    routes,
    database,
    clock,
    anonymous: client(app, null, ''),
    async login(username, password = PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'hn_session');
      return client(app, `hn_session=${setCookie!.value}`, JSON.parse(res.body).csrfToken);
    },
    dataDir,
    async close() {
      await app.close();
      await database.close();
      if (!opts.config?.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const D = { effectiveDate: '2000-01-01', decisionNo: '01-QĐ/TU', decisionDate: '1999-12-20' };

/**
 * Province P with communes A and B (siblings); under A a đảng bộ cơ sở gA with cells a1, a2; under B a chi bộ cơ sở
 * gB with 2 official members (a size warning). Users: admin (system), adminA/editorA/inspectorA at A, viewerA1 at
 * a1, adminB at B.
 */
export async function buildFixture(t: TestApp) {
  const db = t.database.db;
  const adminId = await insertUser(db, {
    username: 'admin',
    fullName: 'Quản trị',
    password: PASSWORD,
    homeOrgId: null,
    roles: [{ role: 'system_admin', orgId: null }],
  });
  const admin = await t.services.auth.actorOf({ id: adminId, username: 'admin', full_name: 'Quản trị', must_change_password: false });
  const orgs = t.services.orgs;
  const P = (await orgs.createRoot(admin, { name: 'Đảng bộ tỉnh Hưng Yên', kindCode: 'dang_bo_tinh', ...D })).id;
  const A = (await orgs.create(admin, { parentId: P, name: 'Đảng bộ xã Tân Lập', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'xa', ...D })).id;
  const B = (await orgs.create(admin, { parentId: P, name: 'Đảng bộ phường Hòa Bình', kindCode: 'dang_bo_cap_tren_co_so', sectorCode: 'phuong', ...D })).id;
  const gA = (await orgs.create(admin, { parentId: A, name: 'Đảng bộ Trường THPT Nguyễn Du', kindCode: 'dang_bo_co_so', sectorCode: 'don_vi_su_nghiep', ...D }))
    .id;
  const a1 = (await orgs.create(admin, { parentId: gA, name: 'Chi bộ Tổ Toán', kindCode: 'chi_bo_truc_thuoc', ...D })).id;
  const a2 = (await orgs.create(admin, { parentId: gA, name: 'Chi bộ Tổ Văn', kindCode: 'chi_bo_truc_thuoc', ...D })).id;
  const gB = (await orgs.create(admin, { parentId: B, name: 'Chi bộ Công ty May Hòa Bình', kindCode: 'chi_bo_co_so', sectorCode: 'dn_ngoai_nha_nuoc', ...D }))
    .id;
  const members: [string, number][] = [
    [a1, 20],
    [a2, 12],
    [gB, 2],
  ];
  for (const [orgId, n] of members) {
    const rows = Array.from({ length: n }, (_, i) => ({
      id: uuidv7(),
      org_id: orgId,
      full_name: `Nguyễn Văn ${i}`,
      family_name: 'Nguyễn',
      middle_name: 'Văn',
      given_name: String(i),
      name_sort_key: String(i),
      gender: 'nam' as const,
      birth_date: '1980-01-01',
      admitted_on: '2010-05-19',
      official_on: '2011-05-19',
      left_on: null,
    }));
    await insertMembers(db, { members: rows }); // the rows and their dated periods
  }
  const users: [string, Role, string][] = [
    ['adminA', 'org_admin', A],
    ['editorA', 'editor', A],
    ['inspectorA', 'inspector', A],
    ['viewerA1', 'viewer', a1],
    ['adminB', 'org_admin', B],
  ];
  const userIds: Record<string, string> = { admin: adminId };
  for (const [username, role, orgId] of users) {
    userIds[username] = await insertUser(db, { username, fullName: `Người dùng ${username}`, password: PASSWORD, homeOrgId: orgId, roles: [{ role, orgId }] });
  }
  return { orgs: { P, A, B, gA, a1, a2, gB }, users: userIds, admin };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

export const DECISION = { decisionNo: '125-QĐ/TU', decisionDate: '2025-06-20', effectiveDate: '2025-07-01' };
