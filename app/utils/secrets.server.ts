import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { getDataDir } from './db-config.server.ts'
import { singleton } from './singleton.server.ts'

/**
 * SESSION_SECRET when set (comma-separated to rotate: the first signs, all verify). Without it,
 * the embedded engine keeps a generated secret in its data folder, so sign-ins survive restarts.
 * In production on PostgreSQL it must be set.
 */
export function getSessionSecrets(): string[] {
  return singleton('session-secrets', readSessionSecrets)
}

function readSessionSecrets(): string[] {
  const configured = process.env.SESSION_SECRET?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (configured?.length) return configured
  const dataDir = getDataDir()
  if (dataDir) {
    const file = path.join(dataDir, 'session-secret')
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true })
      fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' })
    }
    return [fs.readFileSync(file, 'utf8').trim()]
  }
  if (process.env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production when DATABASE_URL is a PostgreSQL URL')
  }
  return [crypto.randomBytes(32).toString('hex')]
}

/**
 * A signature of `value` with the app's secret (the first session secret), for links that must
 * work without signing in and must not be forged: the one-click unsubscribe link in e-mails.
 */
export function sign(value: string): string {
  return crypto.createHmac('sha256', getSessionSecrets()[0]!).update(value).digest('base64url')
}

/** Whether `signature` is the signature of `value` under any current secret (rotation-safe). */
export function verifySignature(value: string, signature: string): boolean {
  return getSessionSecrets().some((secret) => {
    const expected = Buffer.from(crypto.createHmac('sha256', secret).update(value).digest('base64url'))
    const given = Buffer.from(signature)
    return expected.length === given.length && crypto.timingSafeEqual(expected, given)
  })
}
