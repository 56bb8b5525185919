import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema } from '../../../common/api-error';
import {
  AuthResponseSchema,
  ChangePasswordBodySchema,
  LoginBodySchema,
  MeResponseSchema,
  RefreshResponseSchema,
  RegisterBodySchema,
  SwitchWorkspaceBodySchema,
} from '../../../common/auth';
import type { ClientInfo } from '../../lib/context';
import { limit } from '../../lib/rate-limit/limit';
import type { Services } from '../../services';
import type { AuthService } from './auth.service';
import { bearerToken, contextOf } from './authenticate';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

export const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

const errors = {
  400: ApiErrorSchema,
  401: ApiErrorSchema,
  403: ApiErrorSchema,
  429: ApiErrorSchema,
};
const MINUTE = 60_000;

export function authRoutes(fastify: FastifyInstance, services: Services, auth: AuthService): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = services;

  // Brute force: per address, and per account whatever the address; both fail closed when
  // the shared store (Redis) is away, since a guessing attacker would love that moment.
  const loginPerIp = limit(app, {
    name: 'login-ip',
    max: 20,
    windowMs: MINUTE,
    failClosed: true,
    key: (r) => r.ip,
  });
  const loginPerAccount = limit(app, {
    name: 'login-account',
    max: 10,
    windowMs: 15 * MINUTE,
    failClosed: true,
    key: (r) => (r.body as { email?: string } | undefined)?.email ?? '',
  });
  const registerPerIp = limit(app, {
    name: 'register-ip',
    max: 10,
    windowMs: 60 * MINUTE,
    failClosed: true,
    key: (r) => r.ip,
  });
  const refreshPerIp = limit(app, {
    name: 'refresh-ip',
    max: 60,
    windowMs: MINUTE,
    key: (r) => r.ip,
  });

  app.post(
    '/api/v1/auth/register',
    {
      config: { access: 'public' },
      preHandler: [registerPerIp],
      schema: {
        tags: ['auth'],
        summary: 'Create an account and a workspace you own',
        body: RegisterBodySchema,
        response: { 201: AuthResponseSchema, 409: ApiErrorSchema, ...errors },
      },
    },
    async (request, reply) => {
      const signedIn = await auth.register(request.body, clientOf(request));
      setRefreshCookie(request, reply, config, signedIn.refreshToken, signedIn.refreshExpiresAt);
      return reply.status(201).send(signedIn.body);
    },
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      preHandler: [loginPerIp, loginPerAccount],
      schema: {
        tags: ['auth'],
        summary: 'Sign in',
        description: 'A wrong email and a wrong password get the same 401 `invalid_credentials`.',
        body: LoginBodySchema,
        response: { 200: AuthResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const signedIn = await auth.login(request.body, clientOf(request));
      setRefreshCookie(request, reply, config, signedIn.refreshToken, signedIn.refreshExpiresAt);
      return signedIn.body;
    },
  );

  app.post(
    '/api/v1/auth/refresh',
    {
      config: { access: 'public' },
      preHandler: [refreshPerIp],
      schema: {
        tags: ['auth'],
        summary: 'Get a new access token with the refresh cookie (rotates it)',
        response: { 200: RefreshResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      try {
        const refreshed = await auth.refresh(readRefreshCookie(request), clientOf(request));
        setRefreshCookie(
          request,
          reply,
          config,
          refreshed.refreshToken,
          refreshed.refreshExpiresAt,
        );
        return { accessToken: refreshed.accessToken, expiresIn: refreshed.expiresIn };
      } catch (err) {
        clearRefreshCookie(reply);
        throw err;
      }
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out on this device',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      // Sign-out works with either credential, and never fails: a stale one has nothing to end.
      const bearer = bearerToken(request);
      const claims = bearer ? await auth.sessionOf(bearer) : undefined;
      await auth.logout(claims, readRefreshCookie(request), clientOf(request));
      clearRefreshCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/switch-workspace',
    {
      config: { access: 'member' },
      schema: {
        tags: ['auth'],
        summary: 'Work in another of your workspaces',
        body: SwitchWorkspaceBodySchema,
        response: { 200: AuthResponseSchema, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    (request) =>
      auth.switchWorkspace(contextOf(request), request.body.workspaceId, clientOf(request)),
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: 'member' },
      schema: {
        tags: ['auth'],
        summary: 'Who you are, where, and what you may do',
        response: { 200: MeResponseSchema, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    (request) => auth.me(contextOf(request)),
  );

  app.post(
    '/api/v1/me/password',
    {
      config: { access: 'member' },
      schema: {
        tags: ['auth'],
        summary: 'Change your password (signs out your other devices)',
        body: ChangePasswordBodySchema,
        response: { 200: AuthResponseSchema, ...errors },
        security: [{ bearerAuth: [] }],
      },
    },
    async (request, reply) => {
      const signedIn = await auth.changePassword(
        contextOf(request),
        request.body,
        clientOf(request),
      );
      setRefreshCookie(request, reply, config, signedIn.refreshToken, signedIn.refreshExpiresAt);
      return signedIn.body;
    },
  );
}
