// Calls route loaders and actions the way Remix does, and reports what the browser would get.

export interface Outcome {
  status: number
  location?: string | null
  data?: unknown
  /** The cookies the response sets, as `name=value` (what a browser would send back). */
  cookies?: string[]
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown

function toOutcome(value: unknown): Outcome {
  if (value instanceof Response) {
    return {
      status: value.status,
      location: value.headers.get('Location'),
      cookies: value.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!),
    }
  }
  if (value && typeof value === 'object' && (value as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = value as { data: unknown; init?: { status?: number; headers?: HeadersInit } }
    return { status: init?.status ?? 200, data }
  }
  return { status: 200, data: value }
}

export async function callRoute(
  handler: Handler,
  options: {
    method?: string
    path?: string
    cookie?: string
    form?: Record<string, string>
    /** A body as sent, with its content type (or none): for requests that are not forms. */
    raw?: { body: BodyInit; contentType?: string }
    params?: Record<string, string>
  } = {},
): Promise<Outcome> {
  const method = options.method ?? (options.form || options.raw ? 'POST' : 'GET')
  const headers = new Headers(options.cookie ? { Cookie: options.cookie } : {})
  if (options.raw?.contentType) headers.set('Content-Type', options.raw.contentType)
  const request = new Request(`http://localhost${options.path ?? '/'}`, {
    method,
    headers,
    body: options.raw ? options.raw.body : options.form ? new URLSearchParams(options.form) : undefined,
  })
  try {
    return toOutcome(await handler({ request, params: options.params ?? {}, context: { clientAddress: '127.0.0.1' } }))
  } catch (thrown) {
    return toOutcome(thrown)
  }
}
