import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';

/** Over HTTPS: a __Host- cookie (Secure, Path=/, no Domain: it cannot be planted by a subdomain). */
const SECURE_NAME = '__Host-ringside_refresh';
/** Plain http is allowed only on loopback in embedded mode: no Secure, so path-scoped instead. */
const LOOPBACK_NAME = 'ringside_refresh';
const LOOPBACK_PATH = '/api/v1/auth';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function plainLoopback(request: FastifyRequest, config: Config): boolean {
  return (
    request.protocol === 'http' &&
    config.mode === 'embedded' &&
    LOOPBACK_HOSTS.has(request.hostname)
  );
}

export function setRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
  token: string,
  expiresAt: Date,
): void {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  if (plainLoopback(request, config)) {
    void reply.setCookie(LOOPBACK_NAME, token, {
      httpOnly: true,
      secure: false,
      sameSite: 'strict',
      path: LOOPBACK_PATH,
      maxAge,
    });
  } else {
    void reply.setCookie(SECURE_NAME, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
      maxAge,
    });
  }
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(SECURE_NAME, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'strict',
  });
  void reply.clearCookie(LOOPBACK_NAME, {
    path: LOOPBACK_PATH,
    httpOnly: true,
    sameSite: 'strict',
  });
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_NAME] ?? request.cookies[LOOPBACK_NAME];
}
