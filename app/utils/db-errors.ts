// What a database error means for the person who caused it. No Prisma or PostgreSQL error code
// reaches anyone as a 500: the web layer answers each kind with its own status
// (app/web/route.server.ts), and transactions that are safe to repeat are repeated first.

export type DatabaseRefusal =
  /** Two requests met on the same rows (unique key, deadlock, serialization, a row gone meanwhile): 409. */
  | 'conflict'
  /** A value the database cannot hold (NUL, out of range, too deep): 400. */
  | 'invalid'
  /** The database cannot be reached, is full or is shutting down: 503. */
  | 'unavailable'

/** Deadlock and serialization failures: the transaction did nothing and may simply run again. */
const RETRYABLE = new Set(['P2034', '40001', '40P01', 'TransactionWriteConflict'])

const KINDS: Record<DatabaseRefusal, Set<string>> = {
  conflict: new Set([
    ...RETRYABLE,
    'P2002', // unique constraint
    'P2003', // foreign key: the row it points at went away meanwhile
    'P2025', // the row an update or delete needed is gone
    '23505',
    '23503',
    '55P03', // lock not available
    'UniqueConstraintViolation',
    'ForeignKeyConstraintViolation',
  ]),
  invalid: new Set([
    'P2000', // value too long for the column
    'P2020', // value out of range
    'P2033', // number too large for the type
    'P2039', // invalid characters
    '22001',
    '22003',
    '22007',
    '22008',
    '22021', // NUL or invalid byte sequence
    '22P02',
    '22P05', // untranslatable character
    '54000',
    '54001', // stack depth (a value nested too deeply)
    'ValueOutOfRange',
    'LengthMismatch',
  ]),
  unavailable: new Set([
    'P1001',
    'P1002',
    'P1008',
    'P1017',
    'P2024', // timed out waiting for a connection from the pool
    'P2028', // transaction API error (the transaction timed out)
    '53100', // disk full
    '53200', // out of memory
    '53300', // too many connections
    '57P01', // admin shutdown
    '57P02',
    '57P03', // cannot connect now (starting up)
    '08000',
    '08001',
    '08003',
    '08004',
    '08006',
    '25006', // read-only transaction (a replica, or the disk guard)
    'DatabaseNotReachable',
    'DatabaseDoesNotExist',
    'DatabaseAccessDenied',
    'ConnectionClosed',
    'SocketTimeout',
    'TooManyConnections',
    'TlsConnectionError',
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ENOSPC',
  ]),
}

/** Every code, kind and SQLSTATE an error carries: Prisma's, its driver adapter's, their causes'. */
function codesOf(error: unknown, depth = 0, into = new Set<string>()): Set<string> {
  if (!error || typeof error !== 'object' || depth > 5) return into
  const record = error as Record<string, unknown>
  for (const field of ['code', 'kind', 'originalCode', 'errorCode']) {
    if (typeof record[field] === 'string') into.add(record[field])
  }
  const meta = record.meta as Record<string, unknown> | undefined
  for (const next of [record.cause, meta?.driverAdapterError, meta?.cause]) codesOf(next, depth + 1, into)
  return into
}

/** What a database error means, or null when the error is not the database's. */
export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  const codes = codesOf(error)
  for (const kind of ['unavailable', 'conflict', 'invalid'] as const) {
    for (const code of codes) if (KINDS[kind].has(code)) return kind
  }
  // PGlite reports a closed or failed engine without codes.
  if (error instanceof Error && /PGlite is closed|Aborted\(\)/.test(error.message)) return 'unavailable'
  return null
}

export function isRetryable(error: unknown): boolean {
  for (const code of codesOf(error)) if (RETRYABLE.has(code)) return true
  return false
}

/**
 * Runs `work` (a whole transaction) again when the database broke it off for a deadlock or a
 * serialization failure: nothing of it was written, so a repeat is safe. Up to three tries.
 */
export async function retryOnConflict<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= tries || !isRetryable(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20))
    }
  }
}
