// Leidraad's service worker: the frontline handbook keeps working without a connection.
// - Handbook pages (/handbook/…, plain HTML: they are never rendered by React in the browser):
//   network first; every good answer is stored, and without a connection the stored copy is
//   served, marked "offline — as of <time>".
// - Built assets (/assets/…, content-hashed): cache first.
// - Nothing else is stored; posts are never replayed (the page refuses them clearly while offline).
// - Stored pages belong to one session (the server names it in X-Leidraad-Session and says until
//   when it holds in X-Leidraad-Session-Expires): a page of another session is forgotten as soon
//   as a page of the new one arrives, a page whose session has expired is never served, and an
//   answer that sends the phone to the sign-in page (session ended or revoked) forgets them all.
const PAGES = 'leidraad-pages-v3'
const ASSETS = 'leidraad-assets-v1'

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== PAGES && key !== ASSETS).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('message', (event) => {
  // Sent on sign-in and sign-out: a shared phone must not show the previous user's handbook.
  if (event.data === 'clear-pages') event.waitUntil(caches.delete(PAGES))
})

const isHandbook = (url) => url.pathname === '/handbook' || url.pathname.startsWith('/handbook/')

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.open(ASSETS).then(async (cache) => {
        const hit = await cache.match(request)
        if (hit) return hit
        const response = await fetch(request)
        if (response.ok) cache.put(request, response.clone())
        return response
      }),
    )
    return
  }
  if (!isHandbook(url)) return
  event.respondWith(networkFirst(request))
})

const SESSION_KEY = '/__leidraad-session'

/** Forgets every stored page when this answer was made for another session than the stored ones. */
async function keepOneSession(cache, session) {
  const current = await cache.match(SESSION_KEY)
  const stored = current ? await current.text() : null
  if (stored === session) return cache
  await caches.delete(PAGES)
  const fresh = await caches.open(PAGES)
  await fresh.put(SESSION_KEY, new Response(session))
  return fresh
}

const signedOut = (response) => response.redirected && new URL(response.url).pathname === '/login'

async function store(cache, request, response) {
  const session = response.headers.get('x-leidraad-session')
  if (!session) return // not made for a signed-in user: nothing to keep
  cache = await keepOneSession(cache, session)
  const body = await response.arrayBuffer()
  const headers = new Headers(response.headers)
  headers.delete('content-encoding')
  headers.delete('content-length')
  headers.set('x-leidraad-stored-at', new Date().toISOString())
  await cache.put(request, new Response(body, { status: response.status, headers }))
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES)
  try {
    // Known to be offline: don't wait for a request that cannot succeed.
    if (self.navigator.onLine === false) throw new Error('offline')
    const response = await fetch(request)
    if (signedOut(response)) await caches.delete(PAGES)
    else if (response.ok && !response.redirected) await store(cache, request, response.clone())
    return response
  } catch {
    const hit = await cache.match(request, { ignoreSearch: false })
    if (!hit) return offlineMiss(request)
    const expires = Date.parse(hit.headers.get('x-leidraad-session-expires') ?? '')
    if (!(expires > Date.now())) {
      await caches.delete(PAGES) // the session these pages were made for has ended
      return offlineMiss(request)
    }
    const storedAt = hit.headers.get('x-leidraad-stored-at') ?? ''
    if (request.mode !== 'navigate') return hit
    // Mark the stored page: the shell renders an empty data-offline-since attribute for this.
    const html = (await hit.text()).replace('data-offline-since=""', `data-offline-since="${storedAt}"`)
    return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } })
  }
}

function offlineMiss(request) {
  if (request.mode === 'navigate') {
    return new Response(
      '<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline</title>' +
        '<body style="font-family:system-ui;padding:1rem"><h1>Offline</h1><p>Deze pagina is nog niet eerder geopend en is daarom niet offline beschikbaar. ' +
        'Open het handboek opnieuw zodra je verbinding hebt.</p><p lang="en">This page was not opened before, so it is not available offline.</p>' +
        '<p><a href="/handbook">Handboek</a></p></body></html>',
      { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
    )
  }
  return new Response(JSON.stringify({ offline: true }), {
    status: 503,
    headers: { 'content-type': 'application/json' },
  })
}
