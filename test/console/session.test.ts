import { describe, expect, it } from 'vitest';
import {
  decodeSession,
  encodeSession,
  newSession,
  readCookie,
  SESSION_MAX_AGE_MS,
  sessionCookie,
} from '../../adapters/console/session.js';

const SECRET = 'a-session-secret-of-more-than-32-characters';
const NOW = new Date('2026-10-01T10:00:00Z');

describe('the console session cookie', () => {
  const session = { ...newSession(NOW), userId: 'u-planner', via: 'pick' as const };
  const value = encodeSession(session, SECRET);

  it('round-trips a signed session', () => {
    expect(decodeSession(value, SECRET, NOW)).toEqual(session);
  });

  it('refuses a changed payload, a changed signature and another secret', () => {
    const [payload, signature] = value.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ ...session, userId: 'u-admin' })).toString('base64url');
    expect(decodeSession(`${forged}.${signature}`, SECRET, NOW)).toBeUndefined();
    expect(decodeSession(`${payload}.${signature.slice(1)}x`, SECRET, NOW)).toBeUndefined();
    expect(decodeSession(value, `${SECRET}!`, NOW)).toBeUndefined();
    expect(decodeSession('garbage', SECRET, NOW)).toBeUndefined();
    expect(decodeSession(undefined, SECRET, NOW)).toBeUndefined();
  });

  it('expires after its maximum age', () => {
    expect(decodeSession(value, SECRET, new Date(NOW.getTime() + SESSION_MAX_AGE_MS - 1))).toBeDefined();
    expect(decodeSession(value, SECRET, new Date(NOW.getTime() + SESSION_MAX_AGE_MS))).toBeUndefined();
  });

  it('gives every session its own CSRF token', () => {
    expect(newSession(NOW).csrf).not.toBe(newSession(NOW).csrf);
    expect(newSession(NOW).csrf.length).toBeGreaterThanOrEqual(32);
  });

  it('is HttpOnly and SameSite=Strict, Secure behind TLS', () => {
    expect(sessionCookie('v', { path: '/console', secure: false })).toBe(
      'stempel_console=v; Path=/console; HttpOnly; SameSite=Strict; Max-Age=43200',
    );
    expect(sessionCookie('v', { path: '/console', secure: true })).toMatch(/; Secure$/);
  });

  it('reads its cookie among others', () => {
    expect(readCookie('a=1; stempel_console=abc.def; b=2', 'stempel_console')).toBe('abc.def');
    expect(readCookie('stempel_consolex=1', 'stempel_console')).toBeUndefined();
    expect(readCookie(undefined, 'stempel_console')).toBeUndefined();
  });
});
