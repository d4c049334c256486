import type { Submission } from '@conform-to/react'
import { data } from '@remix-run/node'
import { DomainError } from '~/models/errors.server.ts'

/** A 400 with the submission's field errors, for Conform to show. */
export function invalidSubmission(submission: Submission<unknown>) {
  return data({ result: submission.reply() }, { status: 400 })
}

/** Turns a DomainError into the form's error (4xx); anything else is a real failure. */
export function domainErrorReply(submission: Submission<unknown>, error: unknown) {
  if (!(error instanceof DomainError)) throw error
  const reply = error.field
    ? submission.reply({ fieldErrors: { [error.field]: [error.key] } })
    : submission.reply({ formErrors: [error.key] })
  return data({ result: reply }, { status: error.status })
}

/** The value of the form's `intent` button, to tell several forms on one page apart. */
export function getIntent(formData: FormData): string {
  const intent = formData.get('intent')
  return typeof intent === 'string' ? intent : ''
}
