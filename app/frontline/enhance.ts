// The only JavaScript the frontline pages (/handbook/…) ship. They are server-rendered and not
// hydrated: every link is a plain link and every form a plain form, which is what a phone at the
// counter needs. This script adds what plain HTML cannot do, and nothing breaks without it:
//   - registers the service worker that keeps the handbook readable offline (public/sw.js);
//   - shows "offline — as of <time>" when the service worker served a stored page, or the
//     connection drops while reading;
//   - refuses a confirmation or feedback on the spot while offline, with a clear message;
//   - search as you type: the results below the search box follow the typing.
// Built by Vite as a separate small bundle (imported with ?worker&url in root.tsx), so it lands
// in /assets/ with a content hash, which the service worker keeps for offline use.
import { dateFormat } from '../utils/date-format.ts' // relative: Vite's worker build has no path aliases

/** Typing paused this long on a search without results: it counts as a search that found nothing. */
const SETTLE_MS = 2_500
const SEARCH_DELAY_MS = 200

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return
  const register = () =>
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline support in this browser session; everything else works as before.
    })
  if (document.readyState === 'complete') void register()
  else window.addEventListener('load', () => void register())
}

/** The shell renders <p data-offline-since="" data-text-as-of="… {time}" data-text-now="…">. */
function offlineBanner() {
  const banner = document.querySelector<HTMLElement>('[data-offline-since]')
  if (!banner) return
  const since = banner.dataset.offlineSince
  const update = () => {
    let text = ''
    if (since) {
      const time = dateFormat(document.documentElement.lang, 'dateTime').format(new Date(since))
      text = (banner.dataset.textAsOf ?? '').replace('{time}', time)
    } else if (!navigator.onLine) {
      text = banner.dataset.textNow ?? ''
    }
    banner.textContent = text
    banner.classList.toggle('hidden', !text)
  }
  update()
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
}

/** Forms marked data-refuse-offline are not sent while offline; the page's refusal alert shows instead. */
function refuseFormsOffline() {
  const refusal = document.querySelector<HTMLElement>('[data-offline-refusal]')
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-refuse-offline]')) {
    form.addEventListener('submit', (event) => {
      if (navigator.onLine) return
      event.preventDefault()
      if (refusal) {
        refusal.hidden = false
        refusal.scrollIntoView({ block: 'nearest' })
      }
    })
  }
}

/** The search form (data-live-search) refreshes the results region (#handbook-results) as the user types. */
function searchAsYouType() {
  const form = document.querySelector<HTMLFormElement>('form[data-live-search]')
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]')
  if (!form || !input) return
  let timer: ReturnType<typeof setTimeout> | undefined
  let settled: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined
  input.addEventListener('input', () => {
    clearTimeout(timer)
    clearTimeout(settled)
    timer = setTimeout(async () => {
      const results = document.getElementById('handbook-results')
      if (!results) return
      const query = input.value.trim()
      const url = query ? `${location.pathname}?q=${encodeURIComponent(query)}` : location.pathname
      // While typing the last word may be half a word (live=1: searched as a prefix, a miss not counted).
      const live = query ? `${url}&live=1` : url
      inFlight?.abort()
      inFlight = new AbortController()
      results.setAttribute('aria-busy', 'true')
      try {
        const response = await fetch(live, { headers: { accept: 'text/html' }, signal: inFlight.signal })
        if (!response.ok) return
        const page = new DOMParser().parseFromString(await response.text(), 'text/html')
        const fresh = page.getElementById('handbook-results')
        if (!fresh) return
        results.replaceChildren(...fresh.childNodes)
        history.replaceState(null, '', url)
        // Typing stopped on a search that found nothing: asked once more as a whole, so the
        // region's gaps count it (words only).
        if (fresh.querySelector('[data-no-result]'))
          settled = setTimeout(() => void fetch(url, { headers: { accept: 'text/html' } }).catch(() => {}), SETTLE_MS)
      } catch {
        // Aborted by newer typing, or offline: the search button still submits the form.
      } finally {
        results.setAttribute('aria-busy', 'false')
      }
    }, SEARCH_DELAY_MS)
  })
}

/** After a post or a search, focus goes to its result: the element the address names, or the message. */
function focusOnResult() {
  const named = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null
  const target = named ?? document.getElementById('flash')
  target?.focus()
}

registerServiceWorker()
focusOnResult()
offlineBanner()
refuseFormsOffline()
searchAsYouType()
