import pino from 'pino';
import { env } from './env';

/** The one structured logger. Use `requestLogger` / `jobLogger` children for context. */
export const logger = pino({
  level: env().LOG_LEVEL,
  base: { app: 'kringloop' },
  redact: { paths: ['*.email', '*.token', 'email', 'token'], censor: '[redacted]' },
});

export const requestLogger = (fields: { requestId: string; path?: string; tenantId?: string }) =>
  logger.child({ kind: 'request', ...fields });

export const jobLogger = (fields: { jobId?: string; job: string; tenantId?: string }) =>
  logger.child({ kind: 'job', ...fields });
