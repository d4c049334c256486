import fs from 'node:fs'
import path from 'node:path'

const LOCK_FILE = 'leidraad.lock'

export class DataDirLockedError extends Error {}

/** Who holds the lock: the process id, and (on Linux) what makes it this process and not a later one with the same id. */
interface Holder {
  pid: number
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22). */
  started?: string
  /** The kernel's boot id: after a reboot, every pid in an old lock names another process. */
  boot?: string
}

function readProc(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

const bootId = () => readProc('/proc/sys/kernel/random/boot_id')?.trim()

function startTimeOf(pid: number | 'self'): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`)
  // "pid (command) state ppid …": the command may hold spaces and parentheses, so count from the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
}

function me(): Holder {
  return { pid: process.pid, started: startTimeOf('self'), boot: bootId() }
}

/** Reads a lock file: this module's JSON, or the bare pid older versions wrote. */
function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Holder | number
    if (typeof value === 'number') return { pid: value }
    return typeof value?.pid === 'number' ? value : null
  } catch {
    return null
  }
}

/**
 * Whether the lock's process still runs *and is the one that wrote it*. A pid alone is not
 * enough: after a crash and a reboot (or in a container, where every start gets the same low
 * pids) an unrelated live process can carry it, and the folder would stay locked for good.
 */
function holderAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) return false // our own earlier lock (a test reopening the folder)
  const procAvailable = readProc('/proc/self/stat') !== null
  if (procAvailable) {
    if (holder.boot && holder.boot !== bootId()) return false
    const started = startTimeOf(holder.pid)
    if (started === undefined) return false // no such process
    return holder.started === undefined || holder.started === started
  }
  try {
    process.kill(holder.pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Two processes opening the same PGlite folder corrupt it, so the embedded engine takes a lock
 * file naming its process. A lock whose process is gone (SIGKILL, a reboot) is taken over; the
 * takeover renames the stale file first, so two processes starting at once cannot both win.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, LOCK_FILE)
  const mine = JSON.stringify(me())
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, mine, { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const text = readProc(lockPath) ?? ''
      const holder = parseHolder(text)
      if (holder && holderAlive(holder)) {
        throw new DataDirLockedError(
          `The database folder ${dataDir} is in use by another Leidraad process (pid ${holder.pid}). ` +
            'Stop that process first, or point DATABASE_URL at another folder.',
        )
      }
      // Stale: move it aside, and only delete it if it is still the file we judged.
      const aside = `${lockPath}.stale-${process.pid}`
      try {
        fs.renameSync(lockPath, aside)
      } catch {
        continue // someone else took it over meanwhile: look again
      }
      if (fs.readFileSync(aside, 'utf8') !== text) {
        // A fresh lock another process wrote meanwhile: put it back (never over a newer one).
        try {
          fs.linkSync(aside, lockPath)
        } catch {
          // a third lock is there now; the next round looks at it
        }
      }
      fs.rmSync(aside, { force: true })
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${lockPath}`)
}
