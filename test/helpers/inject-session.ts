/**
 * Logging in through the app (no HTTP server) for tests that send multipart forms or read binary answers: the session
 * cookie, the CSRF token, and how to read any answer, JSON or binary.
 */
import { PASSWORD, type TestApp } from './app.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
  body: any;
}

export async function injectLogin(t: TestApp, username: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode}`);
  const cookie = `hn_session=${res.cookies.find((c) => c.name === 'hn_session')!.value}`;
  const csrf = JSON.parse(res.body).csrfToken as string;
  const answer = (r: { statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer; body: string }): RawResponse => {
    let body: unknown = null;
    try {
      body = r.body ? JSON.parse(r.body) : null;
    } catch {
      /* binary */
    }
    return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload, body };
  };
  return { cookie, csrf, answer };
}
