/**
 * Configuration: defaults, then environment, then command-line overrides, validated once
 * with zod and frozen. Nothing else in dabiao reads `process.env`; factories receive this.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from './shared/format.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ConfigSchema = z.object({
  /** `postgres://…` for PostgreSQL, otherwise a SQLite file path. */
  database: z.string().min(1),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** Largest accepted upload, in bytes. */
  uploadLimitBytes: z.coerce.number().int().positive(),
  /**
   * Largest figure sheet (.xlsx/.csv), in bytes and in data rows: the template of a plan of
   * 100,000 rows is 15.6 MiB, so a sheet gets more room than a plan document.
   */
  sheetLimitBytes: z.coerce.number().int().positive(),
  sheetMaxRows: z.coerce.number().int().positive(),
  /** Where generated reports and chart caches go. */
  reportsDir: z.string().min(1),
  /** Secure cookies (behind HTTPS). */
  secureCookies: z.boolean(),
  /** Worker threads drawing charts and reports, and how many drawings may wait for one. */
  renderThreads: z.coerce.number().int().min(1).max(64),
  renderQueue: z.coerce.number().int().min(0).max(10_000),
  /** pino level of the request log (`silent` turns it off). */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /**
   * scrypt's cost for new password hashes, as log2 N (15: N = 32,768, near 50–100 ms and 32 MiB
   * a hash). Each hash keeps its own cost, so a change applies as users next sign in.
   */
  passwordCost: z.coerce.number().int().min(10).max(20),
  /** IANA time zone of the users' clock: dates and times printed in reports. */
  timeZone: z.string().refine(isTimeZone, { message: '不是有效的 IANA 时区 / not an IANA time zone' }),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** scrypt's cost (log2 N) when nothing else is configured. */
export const DEFAULT_PASSWORD_COST = 15;

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export type ConfigOverrides = Partial<z.input<typeof ConfigSchema>>;

/** Builds the frozen configuration from an environment (pass `process.env` from the CLI only). */
export function loadConfig(env: Record<string, string | undefined>, overrides: ConfigOverrides = {}): Config {
  const defaults = {
    database: path.join(PROJECT_ROOT, 'data', 'dabiao.db'),
    port: 3000,
    host: '127.0.0.1',
    uploadLimitBytes: 10 * 1024 * 1024,
    sheetLimitBytes: 64 * 1024 * 1024,
    sheetMaxRows: 200_000,
    reportsDir: path.join(PROJECT_ROOT, 'reports'),
    secureCookies: false,
    renderThreads: 2,
    renderQueue: 8,
    logLevel: 'info' as const,
    passwordCost: DEFAULT_PASSWORD_COST,
    timeZone: DEFAULT_TIME_ZONE,
  };
  const fromEnv = {
    database: env.DATABASE_URL || undefined,
    port: env.PORT || undefined,
    host: env.HOST || undefined,
    uploadLimitBytes: env.DABIAO_UPLOAD_LIMIT || undefined,
    sheetLimitBytes: env.DABIAO_SHEET_LIMIT || undefined,
    sheetMaxRows: env.DABIAO_SHEET_MAX_ROWS || undefined,
    reportsDir: env.DABIAO_REPORTS_DIR || undefined,
    secureCookies: env.DABIAO_SECURE_COOKIES ? env.DABIAO_SECURE_COOKIES === '1' : undefined,
    renderThreads: env.DABIAO_RENDER_THREADS || undefined,
    renderQueue: env.DABIAO_RENDER_QUEUE || undefined,
    logLevel: env.DABIAO_LOG_LEVEL || undefined,
    passwordCost: env.DABIAO_PASSWORD_COST || undefined,
    timeZone: env.DABIAO_TIME_ZONE || undefined,
  };
  const merged = { ...defaults, ...stripUndefined(fromEnv), ...stripUndefined(overrides) };
  return Object.freeze(ConfigSchema.parse(merged));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** True when the configured database is PostgreSQL. */
export function isPostgres(config: Pick<Config, 'database'>): boolean {
  return /^postgres(ql)?:\/\//.test(config.database);
}
