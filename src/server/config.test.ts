import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: embedded database in ./data, loopback, port 3000', () => {
    const c = loadConfig({}, '/srv/hn');
    expect(c).toMatchObject({ host: '127.0.0.1', port: 3000, databaseUrl: undefined, dataDir: '/srv/hn/data', loginMaxFailures: 5 });
  });
  it('reads PostgreSQL and numbers from the environment', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/hn', PORT: '8080', COOKIE_SECURE: 'true' }, '/');
    expect(c).toMatchObject({ databaseUrl: 'postgres://u:p@db:5432/hn', port: 8080, cookieSecure: true });
  });
  it('fails fast naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
