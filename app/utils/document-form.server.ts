import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { JSONContent } from '@tiptap/core'
import { diffText } from '~/editor/diff.ts'
import { documentText, parseDocument } from '~/editor/document.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import type { StaleRevisionError } from '~/models/errors.server.ts'
import { countToneFindings } from '~/models/phrase-family.server.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import type { Flash } from '~/utils/flash.server.ts'
import { invalidSubmission } from '~/utils/forms.server.ts'
import { PrincipleDraftSchema } from '~/validation/schemas.ts'

/**
 * Reads a title + rich-text body form. The body must pass the editor's schema; when it does not,
 * the reply carries the reason as a field error (413 for an oversized document, else 400) and
 * nothing is stored.
 */
export function parseDocumentSubmission(formData: FormData) {
  const submission = parseWithZod(formData, { schema: PrincipleDraftSchema })
  if (submission.status !== 'success') return { ok: false as const, reply: invalidSubmission(submission) }
  const document = parseDocument(submission.value.body)
  if (!document.ok) {
    const status = document.error === 'editor.errors.tooLarge' ? 413 : 400
    return {
      ok: false as const,
      reply: data({ result: submission.reply({ fieldErrors: { body: [document.error] } }) }, { status }),
    }
  }
  return {
    ok: true as const,
    submission,
    value: { title: submission.value.title, json: document.json, text: document.text, revision: submission.value.revision },
  }
}

/**
 * The 409 answer to a stale save: both texts rendered on the server and the word diff between
 * them; the submitted text goes back to the editor so nothing is lost.
 */
export function conflictReply(error: StaleRevisionError, mine: { title: string; json: JSONContent; text: string }) {
  const theirs = error.current
  return data(
    {
      conflict: {
        mine: { title: mine.title, body: mine.json, html: renderDocumentHtml(mine.json) },
        theirs: {
          title: theirs.title,
          html: renderDocumentHtml(theirs.body),
          revision: theirs.revision,
          updatedBy: theirs.updatedBy,
          updatedAt: theirs.updatedAt,
        },
        diff: diffText(`${theirs.title}\n${documentText(theirs.body as JSONContent)}`, `${mine.title}\n${mine.text}`),
      },
    },
    { status: 409 },
  )
}

/** The message after a document was saved: the confirmation and the tone check's count (a save is never blocked by it). */
export async function savedDocumentFlash(ability: AppAbility, key: string, saved: { title: string; text: string }): Promise<Flash> {
  const count = await countToneFindings(ability, saved.title, saved.text)
  return { kind: 'success', key, detail: { key: 'phrases.afterSave', values: { count } } }
}
