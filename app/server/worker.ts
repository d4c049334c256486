// The background worker, in the app's own process: it works off the event outbox (notifications
// and mails), sends pending mails, and runs the scheduled checks (consultations closing, overdue
// confirmations, the daily digest, today's read rates). Every step is safe to run in several
// processes at once (rows are claimed with FOR UPDATE SKIP LOCKED; notifications and mails have
// dedupe keys), and safe to stop at any moment. WORKER=off leaves it to another process.
import { markInterruptedMails, sendPendingMails } from '../models/mail.server.ts'
import { onEventRecorded } from '../models/events.server.ts'
import { notifyClosingConsultations, processPendingEvents, writeDigests } from '../models/notifications.server.ts'
import { notifyOverdueConfirmations, snapshotReadRates } from '../models/read-campaign.server.ts'
import { anonymiseExpired } from '../models/retention.server.ts'
import { deleteExpiredThrottles } from '../utils/throttle.server.ts'
import { ORGANISATION_TIME_ZONE } from '../utils/date-format.ts'
import { logger } from '../utils/logger.server.ts'

const POLL_MS = Number(process.env.WORKER_POLL_MS ?? 2_000)
const SWEEP_MS = 60_000
/** The hour (Europe/Amsterdam) from which the day's digests are written. */
const DIGEST_HOUR = Number(process.env.DIGEST_HOUR ?? 7)

function organisationHour(now: Date) {
  return Number(
    new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hour12: false, timeZone: ORGANISATION_TIME_ZONE }).format(now),
  )
}

export function startWorker() {
  let busy: Promise<void> | null = null
  let again = false
  let lastSweep = 0
  let lastRetention = ''
  let stopped = false

  async function run() {
    await processPendingEvents()
    await sendPendingMails()
    const now = new Date()
    if (now.getTime() - lastSweep >= SWEEP_MS) {
      lastSweep = now.getTime()
      await notifyClosingConsultations(now)
      await notifyOverdueConfirmations(now)
      if (organisationHour(now) >= DIGEST_HOUR) await writeDigests(now)
      await snapshotReadRates(now)
      // Sign-in counters whose window has passed count nothing any more.
      await deleteExpiredThrottles(now)
      // Once a day is enough for the retention period.
      const today = now.toISOString().slice(0, 10)
      if (lastRetention !== today) {
        lastRetention = today
        await anonymiseExpired(now)
      }
      await sendPendingMails()
    }
  }

  function tick() {
    if (stopped) return
    if (busy) {
      again = true
      return
    }
    busy = run()
      .catch((error: unknown) => logger.error({ err: error }, 'background work failed; it is tried again'))
      .finally(() => {
        busy = null
        if (again && !stopped) {
          again = false
          tick()
        }
      })
  }

  void markInterruptedMails().catch((error: unknown) =>
    logger.error({ err: error }, 'checking interrupted mails failed'),
  )
  onEventRecorded(tick)
  const timer = setInterval(tick, POLL_MS)
  timer.unref()
  tick()
  return {
    /** Stops polling and waits for the step in progress. */
    async stop() {
      stopped = true
      clearInterval(timer)
      await busy
    },
  }
}
