/**
 * HTTP helpers over Fastify's inject: sign in, keep the cookie and CSRF token, call routes.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { TestDb } from './db';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Builds the app on a test database (no web assets). */
export const testApp = (t: TestDb) => buildApp({ config: t.config, database: t.database, serveWeb: false });

/** Signs in and returns the session cookie and CSRF token. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
  const set = [r.headers['set-cookie']].flat().find((c) => String(c).startsWith('fz_session='))!;
  return { cookie: String(set).split(';')[0], csrf: r.json().user.csrfToken };
}

/** Calls a route as a session (adds the CSRF header on writes). */
export function call(app: FastifyInstance, s: Session | null, method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (s) {
    headers.cookie = s.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
  }
  return app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
}
