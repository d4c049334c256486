// The one action dispatcher. A page's forms are one schema: a discriminated union on `intent`
// (several forms) or a plain object (one form). `dispatch` reads the body (a clear 400 when it is
// not a form), parses it, calls the handler of the intent, turns what the domain refuses into the
// form's field errors (Invalid, Conflict: 4xx with the message beside the field) or an error page
// (Forbidden, NotFound), and after success redirects with a flash message (Post/Redirect/Get).
import { parseWithZod } from '@conform-to/zod/v4'
import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { z } from 'zod'
import { hasUnstorableCharacter } from '~/utils/characters.ts'
import { DomainError, Forbidden, Invalid, NotFound } from '~/utils/errors.ts'
import { redirectWithFlash, type Flash } from './flash.server.ts'

/** What a handler returns after success: the flash message and (optionally) where to go. */
export interface Done {
  flash: string
  values?: Flash['values']
  detail?: Flash['detail']
  kind?: Flash['kind']
  /** Defaults to the dispatcher's `redirectTo` (the page itself). */
  to?: string
}
/** A handler may also answer with its own response or data (a page that shows a result, a 409 with both texts). */
type Outcome = Done | Response | ReturnType<typeof data<unknown>> | Record<string, unknown>

type Value<S extends z.ZodType> = z.output<S>
type Handler<V> = (value: V, submission: Submission<V>) => Promise<Outcome> | Outcome
export type Handlers<S extends z.ZodType> =
  Value<S> extends { intent: infer I extends string }
    ? { [K in I]: Handler<Extract<Value<S>, { intent: K }>> }
    : Handler<Value<S>>

type ReturnOf<H> = H extends (...args: never[]) => infer R ? Awaited<R> : { [K in keyof H]: ReturnOf<H[K]> }[keyof H]

/** The 4xx with the submission's errors, for the form to show (Conform's `lastResult`). */
export function submissionReply(
  submission: Submission<unknown>,
  status: number,
  errors?: { field?: string; key: string; values?: Record<string, string | number> },
  hideFields?: string[],
) {
  // Values travel with the key as a query ("key?minutes=3"), as the form's error list reads them.
  const message = errors?.values
    ? `${errors.key}?${new URLSearchParams(Object.entries(errors.values).map(([k, v]) => [k, String(v)]))}`
    : errors?.key
  const reply = !errors
    ? submission.reply({ hideFields })
    : errors.field
      ? submission.reply({ fieldErrors: { [errors.field]: [message!] }, hideFields })
      : submission.reply({ formErrors: [message!], hideFields })
  return data({ result: reply }, { status })
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data']

/**
 * The request's form fields. A body that is not one of the form encodings the pages send (JSON,
 * plain text, broken multipart) or a field holding a character no text can store is an Invalid
 * (400, with the field named), never a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase()
  let form: FormData
  if (!type) {
    // A post with no body at all (a bare button, `curl -X POST`) is an empty form.
    if ((await request.text()) !== '') throw new Invalid('errors.badForm')
    form = new FormData()
  } else if (!FORM_TYPES.includes(type)) {
    throw new Invalid('errors.badForm')
  } else {
    try {
      form = await request.formData()
    } catch {
      throw new Invalid('errors.badForm')
    }
  }
  for (const [name, value] of form) {
    if (hasUnstorableCharacter(name) || (typeof value === 'string' && hasUnstorableCharacter(value))) {
      throw new Invalid('errors.badCharacter', name, { field: /^[\w.[\]-]{1,40}$/.test(name) ? name : '?' })
    }
  }
  return form
}

/** Names one intent of a page: its form's schema plus `intent: "<name>"`. */
export function intent<N extends string, T extends z.ZodRawShape = Record<never, never>>(
  name: N,
  schema?: z.ZodObject<T>,
) {
  return (schema ?? z.object({})).extend({ intent: z.literal(name) }) as z.ZodObject<T & { intent: z.ZodLiteral<N> }>
}

/**
 * Parses the form with `schema` and runs the matching handler. Success lands on `redirectTo`
 * (default: the page itself) unless the handler says otherwise.
 */
export async function dispatch<S extends z.ZodType, H extends Handlers<S>>(
  request: Request,
  schema: S,
  handlers: H,
  options: { redirectTo?: string; hideFields?: string[] } = {},
): Promise<ReturnType<typeof submissionReply> | Response | Exclude<ReturnOf<H>, Done>> {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    // An intent no form on this page sends is not the user's mistake to correct: a plain 400.
    if (submission.error && 'intent' in submission.error) throw new Invalid('errors.unknownIntent')
    return submissionReply(submission, 400, undefined, options.hideFields)
  }
  const value = submission.value as Value<S>
  const handler = (
    typeof handlers === 'function'
      ? handlers
      : (handlers as Record<string, Handler<unknown>>)[(value as { intent: string }).intent]
  ) as Handler<unknown>
  try {
    const outcome = await handler(value, submission as Submission<unknown>)
    if (outcome instanceof Response || !isDone(outcome)) return outcome as Exclude<ReturnOf<H>, Done>
    const { flash, to, kind = 'success', ...rest } = outcome
    return redirectWithFlash(request, to ?? options.redirectTo ?? ownPath(request), { kind, key: flash, ...rest })
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof Forbidden || error instanceof NotFound) throw error
    return submissionReply(submission, error.status, error, options.hideFields)
  }
}
function isDone(outcome: Outcome): outcome is Done {
  return typeof (outcome as Done).flash === 'string'
}

function ownPath(request: Request) {
  const url = new URL(request.url)
  return url.pathname + url.search
}
