// What reaches Remix: every request body is read here first, under one byte limit that holds for
// chunked bodies too (Content-Length alone can be left out), a URL with a NUL byte is refused, and
// the Remix Request is built from the bytes read. (@remix-run/express, which this replaces,
// streams `req` itself — impossible once the limit has read it — and takes a port from
// X-Forwarded-Host even when no proxy is trusted.)
import {
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from '@remix-run/node'
import express from 'express'
import { logger } from '../utils/logger.server.ts'
import { runInRequestScope } from '../utils/request-scope.server.ts'
import { beforeRender, mayKeep, sendAndKeep } from './page-cache.ts'
import { readsFromPrimary, rememberWritePosition } from './read-your-writes.ts'

/** STATEMENT_HEADER=1: each response says how many SQL statements it took (the bench reads it). */
const COUNT_STATEMENTS = process.env.STATEMENT_HEADER === '1'

/** No form here needs more than 1 MB (a principle is capped at 200 000 characters of JSON). */
export const MAX_REQUEST_BYTES = 1_000_000

const plain = (res: express.Response, status: number, text: string) =>
  res.status(status).set('Cache-Control', 'no-store').type('text/plain').send(text)

/**
 * Reads the body of every request into memory, stopping with 413 as soon as it passes the limit
 * (declared or not), and refuses compressed bodies the app never asks for (415).
 */
export function readBodies(): express.RequestHandler[] {
  return [
    (req, res, next) => {
      if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES)
        return void plain(res, 413, 'Request too large')
      next()
    },
    express.raw({ type: () => true, limit: MAX_REQUEST_BYTES, inflate: false }),
  ]
}

/** Errors of reading a body: too large, aborted, an encoding the app does not accept. Never a 500. */
export const bodyErrors: express.ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type
  if (type === 'entity.too.large') return void plain(res, 413, 'Request too large')
  if (type === 'encoding.unsupported') return void plain(res, 415, 'Compressed request bodies are not accepted')
  if (type === 'request.aborted' || type === 'request.size.invalid' || type === 'entity.verify.failed') {
    return void plain(res, 400, 'The request body could not be read')
  }
  next(error)
}

/** A NUL byte in the path or query string reaches no route: PostgreSQL refuses it in every text. */
export const refuseNulInUrl: express.RequestHandler = (req, res, next) => {
  if (/%00/i.test(req.originalUrl) || req.originalUrl.includes('\0')) {
    return void plain(res, 400, 'The address contains a NUL byte')
  }
  next()
}

/** The last error handler: a plain 500 without a stack trace, logged. */
export const lastResort: express.ErrorRequestHandler = (error, req, res, _next) => {
  logger.error({ err: error, method: req.method, path: req.path }, 'request failed')
  if (res.headersSent) return void res.end()
  plain(res, 500, 'Something went wrong on our side')
}

/** The host the browser used: X-Forwarded-Host only when the peer is a trusted proxy. */
function requestHost(req: express.Request): string {
  const trust = req.app.get('trust proxy fn') as (address: string | undefined, hop: number) => boolean
  const forwarded = trust(req.socket.remoteAddress, 0) ? req.get('X-Forwarded-Host')?.split(',')[0]?.trim() : undefined
  return forwarded || req.get('Host') || 'localhost'
}

function remixRequest(req: express.Request, res: express.Response): Request {
  const url = new URL(`${req.protocol}://${requestHost(req)}${req.originalUrl}`)
  const controller = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) controller.abort()
  })
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    // The body below is the bytes already read: these two described the stream, not them.
    if (value === undefined || name === 'content-length' || name === 'transfer-encoding') continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && Buffer.isBuffer(req.body)
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
    signal: controller.signal,
  })
}

function setHead(res: express.Response, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [name, value] of response.headers.entries()) res.append(name, value)
}

async function sendResponse(res: express.Response, response: Response) {
  setHead(res, response)
  if (response.body) await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

/** Remix's request handler for Express, over the bodies `readBodies` read. */
export function remixHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>)
  mode: string
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext
}): express.RequestHandler {
  const handle = createRequestHandler(options.build, options.mode)
  return async (req, res, next) => {
    let request: Request
    try {
      request = remixRequest(req, res)
    } catch {
      return void plain(res, 400, 'The request address could not be read') // a Host header no URL can hold
    }
    try {
      const fromPrimary = await readsFromPrimary(req)
      const heardBefore = beforeRender()
      const { response, scope } = await runInRequestScope(async (scope) => {
        const response = await handle(request, options.getLoadContext(req, res))
        if (COUNT_STATEMENTS) res.set('X-Leidraad-Statements', String(scope.statements))
        return { response, scope }
      }, fromPrimary)
      await rememberWritePosition(req, res, response.status, scope.wrote)
      if (mayKeep(req, scope, response, heardBefore)) {
        // Read whole (a page is small), sent, then kept for the next identical request.
        const html = Buffer.from(await response.arrayBuffer())
        setHead(res, response)
        sendAndKeep(req, res, scope, html, heardBefore)
      } else await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  }
}
