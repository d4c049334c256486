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
      role="status"
      className={visible ? 'bg-amber-100 px-4 py-2 text-center font-medium text-amber-950' : 'hidden'}
    >
      {visible ? (since ? t('offline.asOf', { time: formatDate(since) }) : t('offline.now')) : null}
    </p>
  )
}

/** While offline a form is refused on the spot, with a clear message, instead of failing later. */
export function refuseWhenOffline(event: { preventDefault(): void }, refuse: () => void) {
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    event.preventDefault()
    refuse()
  }
}
