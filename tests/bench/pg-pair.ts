// A PostgreSQL primary and a streaming read replica on this machine, for the bench and the
// replica check: a throw-away cluster (initdb) on a free port, and a second one made from it with
// `pg_basebackup -R` on the next port, replaying the primary's WAL as a hot standby. Uses
// Debian's PostgreSQL binaries (/usr/lib/postgresql/<version>/bin); as root, the clusters run as
// the `postgres` user. Everything lives in one temporary folder, removed by `stop()`.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

function binDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')))
  if (!found) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)')
  return found
}

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export interface PgPair {
  primaryUrl: string
  replicaUrl: string
  stop(): void
}

export async function startPrimaryAndReplica(database = 'leidraad'): Promise<PgPair> {
  const bin = binDir()
  const asRoot = process.getuid?.() === 0
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args]
    const result = spawnSync(file, argv, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`)
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'leidraad-pg-'))
  if (asRoot) execFileSync('chown', ['postgres:postgres', folder])
  const primary = path.join(folder, 'primary')
  const replica = path.join(folder, 'replica')
  const [primaryPort, replicaPort] = [await freePort(), await freePort()]
  const started: string[] = []
  const stop = () => {
    for (const dir of started.reverse()) {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', 'stop'])
      } catch {
        // already stopped
      }
    }
    fs.rmSync(folder, { recursive: true, force: true })
  }
  try {
    run('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'])
    // A bench database: durability traded for speed (it is thrown away); replication as in production.
    const settings = `-c listen_addresses=127.0.0.1 -c unix_socket_directories=${folder} -c wal_level=replica -c max_wal_senders=4 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`
    run('pg_ctl', [
      '-D',
      primary,
      '-l',
      path.join(folder, 'primary.log'),
      '-w',
      '-o',
      `-p ${primaryPort} ${settings}`,
      'start',
    ])
    started.push(primary)
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replica,
      '-R',
      '-X',
      'stream',
    ])
    run('pg_ctl', [
      '-D',
      replica,
      '-l',
      path.join(folder, 'replica.log'),
      '-w',
      '-o',
      `-p ${replicaPort} ${settings} -c hot_standby=on`,
      'start',
    ])
    started.push(replica)
    run('psql', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-qc', `CREATE DATABASE ${database}`])
  } catch (error) {
    stop()
    throw error
  }
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
    stop,
  }
}
