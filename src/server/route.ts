/**
 * Route declarations. Every route states its access in `config.access`; the app refuses to start a route
 * without one, and the data-scope test walks this table to probe every route (house-style §4).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../core/context';

/** What a route touches, for authorization and for the generated scope tests. */
export type RouteOp = 'list' | 'get' | 'create' | 'update' | 'action' | 'delete' | 'export';

export type Access =
  /** Anyone, signed in or not (portal, sign-in, docs). */
  | { kind: 'public' }
  /** Any signed-in user, acting only on their own account (me, password, tokens). */
  | { kind: 'self' }
  /** Unit-owned records: permission plus the data scope of `resource`. */
  | { kind: 'scoped'; permission: string; resource: string; op: RouteOp }
  /** Platform-wide configuration (roles, calendar): permission only, no unit records. */
  | { kind: 'global'; permission: string; resource: string; op: RouteOp };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    ctx: Ctx;
  }
  interface FastifyInstance {
    routeTable: { method: string; url: string; access: Access | undefined }[];
  }
}

export type App = FastifyInstance;
export type TypedApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance;

/** The Fastify instance with zod schemas as its type provider. */
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export type Handler = (req: FastifyRequest, reply: FastifyReply) => unknown;
export type RouteOptions = RouteShorthandOptions;
