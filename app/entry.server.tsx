import { Writable } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { NonceProvider } from './components/nonce.tsx'
import { pageHeaders } from './web/auth.server.ts'
import { getI18nInstance, getLanguage } from './web/i18n.server.ts'
import { logger } from './utils/logger.server.ts'

/** The data of client-side navigations is no more storable than the pages. */
export function handleDataRequest(response: Response) {
  try {
    if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store')
  } catch {
    // Immutable headers (Response.redirect): a redirect is not stored anyway.
  }
  return response
}

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  const i18n = await getI18nInstance(await getLanguage(request))
  await pageHeaders(request, responseHeaders)
  // A document's headers come from its routes, not from a loader's thrown reply: say when to retry here.
  if (responseStatusCode === 503 && !responseHeaders.has('Retry-After')) responseHeaders.set('Retry-After', '10')

  // Nothing in Leidraad streams (no defer, no Suspense): the page is rendered completely and
  // sent in one write. Under load that is cheaper than many small chunks through three streams.
  return new Promise<Response>((resolve, reject) => {
    let didError = false
    const chunks: Buffer[] = []
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk)
        callback()
      },
    })
    body.on('finish', () => {
      clearTimeout(timeout)
      responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
      resolve(
        new Response(Buffer.concat(chunks), { headers: responseHeaders, status: didError ? 500 : responseStatusCode }),
      )
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          didError = true
          logger.error({ err: error }, 'render failed')
        },
      },
    )
    const timeout = setTimeout(abort, ABORT_DELAY + 1000)
  })
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  logger.error({ err: error, url: request.url }, 'request failed')
}
