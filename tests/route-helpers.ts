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
    params?: Record<string, string>
  } = {},
): Promise<Outcome> {
  const method = options.method ?? (options.form ? 'POST' : 'GET')
  const request = new Request(`http://localhost${options.path ?? '/'}`, {
    method,
    headers: options.cookie ? { Cookie: options.cookie } : {},
    body: options.form ? new URLSearchParams(options.form) : undefined,
  })
  try {
    return toOutcome(await handler({ request, params: options.params ?? {}, context: { clientAddress: '127.0.0.1' } }))
  } catch (thrown) {
    return toOutcome(thrown)
  }
}
