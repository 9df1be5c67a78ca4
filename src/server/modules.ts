/**
 * The route plugins of every module, registered under /api. One line per module.
 */
import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from '../modules/audit/audit.routes';
import { authRoutes } from '../modules/auth/auth.routes';
import { disclosureRoutes } from '../modules/disclosure/disclosure.routes';
import { calendarRoutes } from '../modules/calendar/calendar.routes';
import { checkerRoutes } from '../modules/checker/checker.routes';
import { orgRoutes } from '../modules/org/org.routes';
import { portalRoutes } from '../modules/portal/portal.routes';

export const MODULE_ROUTES: FastifyPluginAsync[] = [authRoutes, orgRoutes, auditRoutes, portalRoutes, calendarRoutes, disclosureRoutes, checkerRoutes];
