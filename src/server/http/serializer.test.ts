/**
 * Answers through the compiled serialisers (issue 13 part 3): the same JSON as zod writes, fields outside the schema
 * dropped, values outside it refused while checking; and large answers compressed when the client accepts it.
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeEngines } from '../../../test/helpers/db.ts';
import { buildFixture, PASSWORD, startTestApp, type Fixture, type TestApp } from '../../../test/helpers/app.ts';
import { MemberListResponse } from '../../contract/members.ts';
import { OrgDetailSchema } from '../../contract/orgs.ts';
import { compileFast, createSerializerCompiler, forSerializer } from './serializer.ts';

const Row = z.object({
  id: z.string(),
  name: z.string().nullable(),
  count: z.number().int(),
  share: z.number(),
  tags: z.array(z.string()),
  kind: z.enum(['a', 'b']),
  note: z.string().optional(),
  parent: z.object({ id: z.string() }).nullable(),
  fields: z.record(z.string(), z.unknown()),
});
const List = z.object({ items: z.array(Row), total: z.number().int() });

const row = {
  id: 'x',
  name: null,
  count: 3,
  share: 2.91,
  tags: ['Hạt "Nhân"', '\u2028'],
  kind: 'a' as const,
  parent: { id: 'p', secret: 'no' },
  fields: { a: 1, b: [null, 'ư'], c: { d: true } },
  passwordHash: 'leak',
};

function serializer(check: boolean) {
  return createSerializerCompiler({ check })({ schema: List, method: 'GET', url: '/test', httpStatus: '200' }) as (data: unknown) => string;
}

describe('the compiled serialiser', () => {
  it('writes what zod writes, dropping every field the schema lacks, at every depth', () => {
    const data = { items: [row, { ...row, name: 'Chi bộ', note: 'ghi chú', parent: null }], total: 2, extra: 'no' };
    const expected = JSON.stringify(z.encode(List, data as never));
    for (const check of [false, true]) {
      const text = serializer(check)(data);
      // the same JSON; the compiled serialiser writes an optional field after the required ones
      expect(JSON.parse(text)).toEqual(JSON.parse(expected));
      expect(text).not.toMatch(/leak|secret|extra/);
    }
  });

  it('while checking, refuses an answer outside its schema with zod’s error; serving, writes it without checking', () => {
    const bad = { items: [{ ...row, kind: 'c' }], total: 1 };
    expect(() => serializer(true)(bad)).toThrow(/Response doesn't match the schema/);
    expect(JSON.parse(serializer(false)(bad)).items[0].kind).toBe('c');
  });

  it('compiles the contract’s large answers; `.nullable()` becomes one null test, not a validated anyOf', () => {
    for (const schema of [MemberListResponse, OrgDetailSchema]) expect(compileFast(schema)).not.toBeNull();
    expect(forSerializer({ anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] })).toEqual({ type: 'object', properties: {}, nullable: true });
    // a schema JSON Schema cannot say (an output-side transform) stays with zod
    expect(compileFast(z.string().transform((s) => s.length))).toBeNull();
    const viaZod = createSerializerCompiler({ check: false })({
      schema: z.object({ n: z.string().transform((s) => s.length) }),
      method: 'GET',
      url: '/t',
      httpStatus: '200',
    });
    expect(() => (viaZod as (d: unknown) => string)({ n: 'abc' })).toThrow();
  });
});

describeEngines('large answers compressed', (engine) => {
  let t: TestApp;
  let f: Fixture;
  let cookie: string;
  const list = '/api/members?pageSize=200';
  const login = () =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-encoding': 'br, gzip' }, payload: { username: 'admin', password: PASSWORD } });
  beforeAll(async () => {
    t = await startTestApp(engine);
    f = await buildFixture(t);
    const res = await login();
    cookie = `hn_session=${res.cookies.find((c) => c.name === 'hn_session')!.value}`;
  });
  afterAll(async () => t?.close());

  const ask = (acceptEncoding?: string) =>
    t.app.inject({
      method: 'GET',
      url: list,
      headers: { cookie: cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    });

  it('answers a big list with brotli or gzip when asked, plain when not, the same JSON each way', async () => {
    const plain = await ask();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const body = plain.json() as { items: unknown[]; total: number };
    expect(body.total).toBe(34);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const br = await ask('gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(body);

    const gz = await ask('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(body);

    for (const accept of ['identity', 'deflate']) expect((await ask(accept)).headers['content-encoding'], accept).toBeUndefined();
  });

  it('leaves small answers and the session’s answers (the CSRF token) plain', async () => {
    const small = await t.app.inject({
      method: 'GET',
      url: `/api/orgs/${f.orgs.a1}/children`,
      headers: { cookie: cookie, 'accept-encoding': 'br, gzip' },
    });
    expect(small.statusCode).toBe(200);
    expect(small.rawPayload.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    const session = await login();
    expect(session.statusCode).toBe(200);
    expect(session.headers['content-encoding']).toBeUndefined();
    expect(session.json()).toHaveProperty('csrfToken');
  });
});
