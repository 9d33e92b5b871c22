/**
 * The Express application: security headers, sessions, CSRF, the JSON API under /api and the
 * one error handler. Built from a frozen config and a store, so tests and the CLI start the
 * very same app; `createApp` never listens by itself.
 */
import { DomainError } from '../errors';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Config } from '../config';
import type { Store } from '../db/store';
import { allowReads, authenticate, requireAuth } from './auth';
import { refuseBadUrl } from './clean-input';
import { requireCsrf } from './csrf';
import { apiNotFound, createErrorHandler } from './errors';
import { buildOpenApi } from './openapi';
import { accountRoutes, requirePasswordChanged } from './routes/account';
import { auditRoutes } from './routes/audit';
import { todoRoutes } from './routes/todo';
import { requestLog, silentLogger, type Logger } from './request-log';
import { chartRoutes } from './routes/charts';
import { measurementRoutes } from './routes/measurements';
import { reportFigureRoutes } from './routes/report-figures';
import { memberRoutes } from './routes/members';
import { planRoutes } from './routes/plans';
import { progressRoutes } from './routes/progress';
import { sessionRoutes } from './routes/session';
import { createLoginThrottle } from './login-throttle';
import { targetRoutes } from './routes/targets';
import { taskRoutes } from './routes/tasks';
import { userRoutes } from './routes/users';
import { createWebRouter } from '../web/web-router';
import { hideUnseenPlans } from './plan-visibility';
import { planLifecycleRoutes } from './routes/plan-lifecycle';
import { targetReviewRoutes } from './routes/target-review';
import { divisionRoutes } from './routes/divisions';
import { createRenderer, type Renderer } from './renderer';

export interface AppDeps {
  config: Config;
  store: Store;
  /** The request and error log; the serve command passes the service logger, tests none. */
  logger?: Logger;
  /** Draws charts, reports and sheets on worker threads; `startServer` passes (and closes) one. */
  renderer?: Renderer;
  /** The time sign-in throttling reads; tests pass one they can move instead of sleeping. */
  clock?: () => Date;
}

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  );
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  next();
};

/** API answers depend on who asks and on data that changes: never store them in shared caches. */
const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

export function createApp({
  config,
  store,
  logger = silentLogger,
  renderer = createRenderer(config),
  clock,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestLog(logger));
  app.use(securityHeaders);
  // JSON and CSV answers compressed as the client asks (Vary: Accept-Encoding); PNG, PDF and
  // XLSX are compressed already and pass as they are. The client's files come precompressed
  // from the web router.
  app.use('/api', compression());

  const openapi = buildOpenApi();
  app.get('/api/health', noStore, (_req, res) => {
    res.json({ status: 'ok' });
  });
  // For a load balancer: send traffic only to an instance whose database answers and is current.
  app.get('/api/ready', noStore, async (_req, res) => {
    const { database, pendingMigrations } = await store.readiness();
    if (database && pendingMigrations.length === 0) {
      res.json({ status: 'ready', database: 'ok', migrations: 'current' });
      return;
    }
    res.setHeader('Retry-After', '5');
    const message = database
      ? `数据库尚未迁移：${pendingMigrations.join('、')} / migrations pending: ${pendingMigrations.join(', ')}`
      : '数据库无法连接 / database unreachable';
    throw new DomainError('unavailable', message, [{ path: ['database'], message }]);
  });
  app.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  app.use('/api', noStore, refuseBadUrl, authenticate(store));
  app.use(sessionRoutes({ config, store, throttle: createLoginThrottle(store, clock) }));

  // Everything below needs a session, and cookie sessions a CSRF token on writes.
  app.use('/api', requireAuth, requireCsrf);
  app.use(accountRoutes({ store }));
  app.use('/api', requirePasswordChanged);
  // Every read below is a `read` (src/shared PERMISSIONS), so a role is kept from them by its
  // entry there: one's own session and tokens, above, stay open to every signed-in user.
  app.use('/api', allowReads());
  // Drafts and withdrawn plans answer 404 to those who may not see them, on every route below.
  app.use(hideUnseenPlans(store));
  app.use(userRoutes({ store }));
  app.use(planLifecycleRoutes({ store }));
  app.use(targetReviewRoutes({ store }));
  app.use(divisionRoutes());
  app.use(planRoutes({ config, store }));
  app.use(taskRoutes({ store }));
  app.use(targetRoutes({ store }));
  app.use(memberRoutes({ store }));
  app.use(measurementRoutes({ config, store }));
  app.use(reportFigureRoutes({ config, store }));
  app.use(progressRoutes({ store, renderer, timeZone: config.timeZone }));
  app.use(chartRoutes({ store, renderer, timeZone: config.timeZone }));
  app.use(auditRoutes({ store }));
  app.use(todoRoutes({ store }));
  app.use('/api', apiNotFound);
  app.use(createWebRouter());

  app.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'not_found', message: `找不到页面 / not found: ${req.path}`, issues: [] } });
  });
  app.use(createErrorHandler(logger));
  return app;
}
