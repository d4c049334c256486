import { pino } from 'pino'

/** Structured JSON logs (one line per event) on stdout; LOG_LEVEL sets the threshold. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  base: undefined,
  redact: ['password', '*.password', 'passwordHash', '*.passwordHash', 'req.headers.cookie'],
})
