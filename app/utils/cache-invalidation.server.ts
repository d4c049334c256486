// Caches that several app processes keep each of their own, told when to forget. A write that
// changes what a cache holds announces it inside its transaction (`announceChange`): PostgreSQL
// delivers the NOTIFY to every listening process when — and only if — the transaction commits.
// Each process listens on one connection of its own (`listenForChanges`, started by the server on
// PostgreSQL); a lost connection forgets everything, since announcements may have been missed.
// The process that wrote forgets at once as well, which is all the embedded database needs.
// (The handbook needs none of this: its stamp is read from the database with every page.)
import pg from 'pg'
import { logger } from './logger.server.ts'
import { singleton } from './singleton.server.ts'

const CHANNEL = 'leidraad_cache'
const RECONNECT_MS = 1_000

// One registry per process: the server entry (which listens) and the Remix build (whose modules
// register) each hold a copy of this module.
const forgetters = singleton('cache-forgetters', () => new Map<string, Set<() => void>>())

/** Registers what to forget when `key` changes (in this process or any other). */
export function onChange(key: string, forget: () => void): void {
  let set = forgetters.get(key)
  if (!set) forgetters.set(key, (set = new Set()))
  set.add(forget)
}

// Told of every key, for caches keyed by a family of keys (`page:user:<id>`); null: everything.
const watchers = singleton('cache-watchers', () => new Set<(key: string | null) => void>())

/** Registers `watch`, called with every announced key (null: forget everything). */
export function onAnyChange(watch: (key: string | null) => void): void {
  watchers.add(watch)
}

function forget(key: string | null) {
  for (const [name, set] of forgetters) if (key === null || name === key) for (const run of set) run()
  for (const watch of watchers) watch(key)
}

/** Announces a change of `key` from inside the writing transaction, and forgets it here now. */
export async function announceChange(
  tx: { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): Promise<number> },
  key: string,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${key})`
  forget(key)
}

interface ListenerState {
  client: pg.Client | null
  stopped: boolean
  listening: boolean
  heartbeat: NodeJS.Timeout | undefined
}

let listener: ListenerState | null = null

/**
 * Whether this process hears every announcement now. While it does not (not started, reconnecting,
 * a heartbeat that did not come back), a cache that relies on announcements alone must not answer.
 */
export function listeningForChanges(): boolean {
  return listener?.listening === true
}

/**
 * A connection can die without a word (a NAT or firewall forgetting an idle socket, a failover):
 * every 10 seconds the listening connection announces a heartbeat to itself, and when it has not
 * heard it back within 5 seconds it counts as lost — forgetting everything and reconnecting.
 * (LISTEN needs a direct connection: not through a transaction-pooling PgBouncer.)
 */
const HEARTBEAT_MS = 10_000
const HEARTBEAT_TIMEOUT_MS = 5_000
const HEARTBEAT = 'heartbeat:'

/** Listens for other processes' announcements on a connection of its own, reconnecting when it drops. */
export function listenForChanges(connectionString: string): void {
  if (listener) return
  const state: ListenerState = { client: null, stopped: false, listening: false, heartbeat: undefined }
  listener = state
  let beats = 0
  let awaited: string | null = null
  const lost = (client: pg.Client, why: string, error?: unknown) => {
    if (state.client !== client) return // an earlier connection, already replaced
    const wasListening = state.listening
    state.listening = false
    clearInterval(state.heartbeat)
    if (wasListening) forget(null)
    if (!state.stopped) logger.warn({ err: error }, `cache invalidation: ${why}; reconnecting`)
    state.client = null
    void client.end().catch(() => {})
    retry()
  }
  const connect = () => {
    const client = new pg.Client({ connectionString, keepAlive: true })
    state.client = client
    client.on('end', () => lost(client, 'the listening connection ended'))
    client.on('error', (error) => lost(client, 'the listening connection failed', error))
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL) return
      const key = message.payload ?? null
      if (key?.startsWith(HEARTBEAT)) {
        if (key === awaited) awaited = null
        return
      }
      forget(key)
    })
    client
      .connect()
      .then(() => client.query(`LISTEN ${CHANNEL}`))
      // What was announced while nobody listened is unknown: forget it all.
      .then(() => {
        forget(null)
        state.listening = true
        state.heartbeat = setInterval(() => {
          const beat = `${HEARTBEAT}${process.pid}:${++beats}`
          awaited = beat
          client.query('SELECT pg_notify($1, $2)', [CHANNEL, beat]).catch(() => {})
          setTimeout(() => {
            if (awaited === beat) lost(client, 'no heartbeat came back')
          }, HEARTBEAT_TIMEOUT_MS).unref()
        }, HEARTBEAT_MS)
        state.heartbeat.unref()
      })
      .catch((error: unknown) => lost(client, 'cannot listen yet', error))
  }
  let timer: NodeJS.Timeout | undefined
  const retry = () => {
    if (state.stopped || timer) return
    timer = setTimeout(() => {
      timer = undefined
      connect()
    }, RECONNECT_MS)
  }
  connect()
}

export async function stopListening(): Promise<void> {
  if (!listener) return
  const state = listener
  listener = null
  state.stopped = true
  state.listening = false
  clearInterval(state.heartbeat)
  const client = state.client
  state.client = null
  await client?.end().catch(() => {})
}
