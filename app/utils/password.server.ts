import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's recommended minimum (19 MiB, 2 iterations, 1 lane).
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */ as const,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
}

export const MIN_PASSWORD_LENGTH = 10

/** The stored hash of an account without a password (SSO, imported, erased): no password matches it. */
export const NO_PASSWORD = '!no-password'

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  // An account without a password takes as long to refuse as a wrong password.
  if (passwordHash === NO_PASSWORD) return verifyAgainstDummy(password)
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// A real hash of a random string: verifying against it when the email is unknown takes as long
// as a real check, so response times don't reveal which emails exist.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID())
  await verifyPassword(await dummyHash, password)
  return false
}
