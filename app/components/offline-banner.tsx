// "Offline — as of <time>": the service worker (public/sw.js) fills data-offline-since when it
// serves a stored page; the browser's offline event covers a connection lost while reading.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDateFormat } from '~/utils/dates.ts'

export function OfflineBanner() {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const ref = useRef<HTMLParagraphElement>(null)
  const [since, setSince] = useState<string | null>(null)
  const [offline, setOffline] = useState(false)

  useEffect(() => {
    const stored = ref.current?.dataset.offlineSince
    if (stored) setSince(stored)
    const update = () => setOffline(!navigator.onLine)
    update()
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])

  const visible = Boolean(since) || offline
  return (
    <p
      ref={ref}
      data-offline-since=""
      // Read by the frontline pages' script (app/frontline/enhance.ts), which has no i18n of its own.
      data-text-as-of={t('offline.asOf', { time: '{time}' })}
      data-text-now={t('offline.now')}
      role="status"
      className={visible ? 'bg-amber-100 px-4 py-2 text-center font-medium text-amber-950' : 'hidden'}
    >
      {visible ? (since ? t('offline.asOf', { time: formatDate(since) }) : t('offline.now')) : null}
    </p>
  )
}
