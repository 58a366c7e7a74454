import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The console session lives in one signed cookie: who the visitor acts as, how they got there, and the
 * CSRF token every POST must echo. Signed, not encrypted — it holds no secret but the CSRF token, which
 * the browser keeps from other sites (HttpOnly, SameSite=Strict) and which is also in the page.
 */
export const SESSION_COOKIE = 'stempel_console';

/** Sessions end after a working day; a token login is re-checked against the user on every request. */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const SessionSchema = z.object({
  csrf: z.string().min(16),
  userId: z.string().optional(),
  /** 'pick' on a loopback console; 'token' after signing in with an API token, with its scopes. */
  via: z.enum(['pick', 'token']).optional(),
  scopes: z.array(z.string()).optional(),
  expiresAt: z.number(),
});
export type ConsoleSession = z.infer<typeof SessionSchema>;

export function newSession(now: Date): ConsoleSession {
  return { csrf: randomBytes(24).toString('base64url'), expiresAt: now.getTime() + SESSION_MAX_AGE_MS };
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function encodeSession(session: ConsoleSession, secret: string): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The session in a cookie value, or undefined when it is missing, forged, malformed or expired. */
export function decodeSession(
  value: string | undefined,
  secret: string,
  now: Date,
): ConsoleSession | undefined {
  if (!value) return undefined;
  const [payload, signature] = value.split('.');
  if (!payload || !signature || !safeEqual(signature, sign(payload, secret))) return undefined;
  try {
    const parsed = SessionSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.expiresAt <= now.getTime()) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** Reads one cookie from a Cookie header without a parsing library: names here are fixed and plain. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

export function sessionCookie(value: string, options: { path: string; secure: boolean }): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    `Path=${options.path}`,
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.floor(SESSION_MAX_AGE_MS / 1000)}`,
  ];
  if (options.secure) attributes.push('Secure');
  return attributes.join('; ');
}
