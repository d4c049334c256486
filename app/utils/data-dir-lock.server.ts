import fs from 'node:fs'
import path from 'node:path'

const LOCK_FILE = 'leidraad.lock'

export class DataDirLockedError extends Error {}

/**
 * Two processes opening the same PGlite folder corrupt it, so the embedded engine takes a
 * lock file holding its pid. A lock whose process is gone (e.g. after SIGKILL) is taken over.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockPath = path.join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath)
        } catch {
          // already gone
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim())
      if (holder && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(
          `The database folder ${dataDir} is in use by another Leidraad process (pid ${holder}). ` +
            'Stop that process first, or point DATABASE_URL at another folder.',
        )
      }
      fs.rmSync(lockPath, { force: true }) // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not take the lock on ${lockPath}`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
