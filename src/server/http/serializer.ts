/**
 * How answers become JSON (issue 13 part 3). The zod response schemas stay the contract; this decides how an answer is
 * written through them.
 *
 * - Served: each route's response schema is turned once into a JSON Schema (`z.toJSONSchema`, output side) and compiled
 *   by fast-json-stringify, the serialiser Fastify itself uses for JSON-Schema routes. Writing an answer then walks
 *   only the schema's fields (a field the schema lacks is still dropped, never leaked) without zod checking every
 *   value of a list of a thousand rows: the answer is the server's own, already typed by the compiler against the
 *   schema.
 * - Checked (tests, `CHECK_RESPONSES=1`): every answer is also encoded by zod, exactly as fastify-type-provider-zod
 *   does, which fails with a 500 naming the route on any value outside the schema; the two JSON texts must then be the
 *   same, so a difference between what zod and the compiled serialiser make of an answer fails the test that produced it.
 * - A schema that JSON Schema cannot say (a transform on the output side), or that fast-json-stringify refuses, is
 *   written by zod as before.
 *
 * Compilation happens on a route's first answer, not at start-up (most routes of a test's server are never called),
 * once per schema and process.
 * The reasoning and the measurements: docs/modules/contract.md.
 */
import { isDeepStrictEqual } from 'node:util';
import build from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;
type Serialize = (data: unknown) => string;

function isZodSchema(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

/** The zod schema of a route's response entry (`response: { 200: X }` or `{ properties: X }`), as the type provider reads it. */
function zodSchemaOf(schema: unknown): z.ZodType | null {
  if (isZodSchema(schema)) return schema;
  if (typeof schema === 'object' && schema !== null && 'properties' in schema && isZodSchema(schema.properties)) return schema.properties;
  return null;
}

/**
 * The JSON Schema rewritten for fast-json-stringify: `anyOf: [X, {type: 'null'}]` (zod's `.nullable()`) becomes X with
 * `nullable: true`, which the compiler writes as one `=== null` test instead of validating each branch at run time.
 */
export function forSerializer(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forSerializer);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    // Keywords whose values are schemas keyed by name: walk the values, keep the names.
    if (key === 'properties' || key === 'definitions' || key === '$defs' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as JsonSchema).map(([name, inner]) => [name, forSerializer(inner)]));
    } else if (key === '$schema' || key === 'description' || key === 'examples' || key === 'default') {
      continue;
    } else {
      out[key] = forSerializer(value);
    }
  }
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && Object.keys(out).length === 1) {
    const isNull = (s: JsonSchema) => s.type === 'null' && Object.keys(s).length === 1;
    const [a, b] = anyOf as JsonSchema[];
    const other = isNull(a!) ? b! : isNull(b!) ? a! : null;
    if (other && typeof other.type === 'string' && other.$ref === undefined && other.anyOf === undefined && other.oneOf === undefined) {
      return { ...other, nullable: true };
    }
  }
  return out;
}

/** Compiled serialisers by schema, shared by every app of the process (a test file starts several). */
const compiled = new WeakMap<z.ZodType, Serialize | null>();

/** The compiled serialiser of a zod schema, or null when JSON Schema cannot express it; compiled once per schema. */
export function compileFast(schema: z.ZodType): Serialize | null {
  let fast = compiled.get(schema);
  if (fast === undefined) compiled.set(schema, (fast = compile(schema)));
  return fast;
}

function compile(schema: z.ZodType): Serialize | null {
  let json: unknown;
  try {
    // 'throw' (the default) for transforms and other output-side code: those schemas stay with zod.
    json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' });
  } catch {
    return null;
  }
  try {
    return build(forSerializer(json) as Parameters<typeof build>[0]) as Serialize;
  } catch {
    return null;
  }
}

/** zod's own serialisation, as fastify-type-provider-zod writes it: encode (validates), then JSON.stringify. */
function zodSerializer(schema: z.ZodType, method: string, url: string): Serialize {
  return (data) => {
    const result = z.safeEncode(schema, data as never);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

/** Raised in checked mode when the compiled serialiser writes an answer other than zod's. */
export class SerializerDriftError extends Error {
  constructor(method: string, url: string, expected: string, actual: string) {
    super(`${method} ${url}: the compiled serialiser wrote ${actual.slice(0, 300)} where zod wrote ${expected.slice(0, 300)}`);
    this.name = 'SerializerDriftError';
  }
}

export interface SerializerOptions {
  /** Validate every answer with zod too and compare the two serialisers' texts (tests, CHECK_RESPONSES=1). */
  check: boolean;
}

/** Fastify's serializer compiler for routes whose response schemas are zod schemas. */
export function createSerializerCompiler(options: SerializerOptions): FastifySerializerCompiler<unknown> {
  return ({ schema: maybeSchema, method, url }) => {
    const schema = zodSchemaOf(maybeSchema);
    if (!schema) throw new Error(`${method} ${url}: a response schema that is not a zod schema`);
    const viaZod = zodSerializer(schema, method, url);
    let fast: Serialize | null | undefined;
    return (data) => {
      if (fast === undefined) fast = compileFast(schema);
      if (fast === null) return viaZod(data);
      if (!options.check) return fast(data);
      const expected = viaZod(data);
      const actual = fast(data);
      if (actual !== expected && !isDeepStrictEqual(JSON.parse(actual), JSON.parse(expected))) throw new SerializerDriftError(method, url, expected, actual);
      return actual;
    };
  };
}
