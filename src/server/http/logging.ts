/**
 * The server's log. Fastify's logger (pino) writes JSON lines; they go
 * - to the console, made short for a person: one line per API request (method, path without its query, status,
 *   time), warnings and errors with their full stack; requests for the web client's files only at LOG_LEVEL=debug
 *   or trace;
 * - to LOG_FILE when set, as the JSON lines themselves (one per request, every request, and per message).
 * The query string is never logged: searches carry names and CCCD numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/** Where console lines go; tests pass their own. */
export type ConsoleSink = (line: string, isError: boolean) => void;

const defaultSink: ConsoleSink = (line, isError) => (isError ? process.stderr : process.stdout).write(`${line}\n`);

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

interface LogRecord {
  level: number;
  time: number;
  msg?: string;
  method?: string;
  path?: string;
  statusCode?: number;
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string; code?: string };
  [key: string]: unknown;
}

/** Fastify's logger options for the configuration: false when LOG_LEVEL=silent. */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFile'>, sink: ConsoleSink = defaultSink): FastifyServerOptions['logger'] {
  if (config.logLevel === 'silent') return false;
  let fd: number | undefined;
  if (config.logFile) {
    fs.mkdirSync(path.dirname(config.logFile), { recursive: true });
    fd = fs.openSync(config.logFile, 'a');
  }
  const showFiles = config.logLevel === 'debug' || config.logLevel === 'trace';
  return {
    level: config.logLevel,
    stream: {
      write(line: string) {
        if (fd !== undefined) fs.writeSync(fd, line.endsWith('\n') ? line : `${line}\n`);
        // One JSON.parse per line (it was two: one for the text, one for the level).
        const record = parseRecord(line);
        const text = record ? formatRecord(record, showFiles) : line.trimEnd();
        if (text !== null) sink(text, (record?.level ?? 0) >= 40);
      },
    },
  };
}

/** One line per request, logged when the answer is sent (Fastify's two lines per request are turned off). */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    req.log.info({ method: req.method, path, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
  });
}

/**
 * The console's text for one pino JSON line: the request line, or the message with the error's stack; null for a
 * request of a web client file (a page load asks for a dozen) unless showFiles.
 */
export function formatConsoleLine(json: string, showFiles = false): string | null {
  const r = parseRecord(json);
  return r ? formatRecord(r, showFiles) : json.trimEnd();
}

function parseRecord(json: string): LogRecord | null {
  try {
    return JSON.parse(json) as LogRecord;
  } catch {
    return null;
  }
}

function formatRecord(r: LogRecord, showFiles: boolean): string | null {
  const time = new Date(r.time).toTimeString().slice(0, 8);
  // Fastify's own "Server listening at …" repeats the address the start message already gives in Vietnamese.
  if (!showFiles && r.level < 40 && r.msg?.startsWith('Server listening at ')) return null;
  if (r.msg === 'request completed' && r.method) {
    if (!showFiles && !r.path?.startsWith('/api/') && (r.statusCode ?? 0) < 500) return null;
    return `${time} ${r.method} ${r.path} ${r.statusCode} ${r.responseTime} ms`;
  }
  const level = r.level >= 40 ? ` ${(LEVEL_NAMES[r.level] ?? String(r.level)).toUpperCase()}` : '';
  const where = r.method ? ` (${r.method} ${r.path ?? ''})` : '';
  const lines = [`${time}${level} ${r.msg ?? ''}${where}`];
  if (r.err) lines.push(r.err.stack ?? `${r.err.type ?? 'Error'}: ${r.err.message ?? ''}`);
  return lines.join('\n');
}
