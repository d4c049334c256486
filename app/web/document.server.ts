// Editing pages of versioned documents (principles and guidelines, new and edit): the page's
// data for the editor, and the one save action — title and rich-text body checked against the
// editor's schema (field errors, 413 when too large), saved through the domain, a stale save
// answered with 409 and both texts (nothing lost), success redirected with the tone check's count.
import type { JSONContent } from '@tiptap/core'
import { data } from '@remix-run/node'
import type { Params } from '@remix-run/react'
import { diffText } from '~/editor/diff.ts'
import { documentText } from '~/editor/document.ts'
import { renderDocumentHtml } from '~/editor/render.server.ts'
import {
  documentInput,
  StaleRevisionError,
  type DocumentInput,
  type SaveWorkingCopy,
} from '~/models/document.server.ts'
import { countToneFindings, toneSettings } from '~/models/tone.server.ts'
import type { AppAbility } from '~/permissions/ability.ts'
import { DocumentDraftSchema } from '~/validation/schemas.ts'
import { dispatch } from './action.server.ts'
import { signedIn } from './route.server.ts'

/** What an editing page needs: the working copy and the tone check's enabled families. */
export async function editorData(
  ability: AppAbility,
  document: { title: string; body: unknown; revision: number; status: string; publishedVersion: number },
) {
  return {
    title: document.title,
    body: document.body as JSONContent,
    revision: document.revision,
    status: document.status,
    publishedVersion: document.publishedVersion,
    tone: await toneSettings(ability),
  }
}

/**
 * The 409 answer to a stale save: both texts rendered on the server and the word diff between
 * them; the submitted text goes back to the editor so nothing is lost.
 */
export function conflictReply(error: StaleRevisionError, mine: DocumentInput) {
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

/**
 * The save action of an editing page. `save` stores the checked document (creating or updating
 * it through the domain) and says where to go next; `flash` is the message shown there, with the
 * tone check's count as a second line (a save is never blocked by it).
 */
export function saveDocument(
  request: Request,
  ability: AppAbility,
  options: { flash: string; save: (input: DocumentInput, baseRevision: number) => Promise<string> },
) {
  return dispatch(request, DocumentDraftSchema, async (value) => {
    const input = documentInput(value.title, value.body)
    let to: string
    try {
      to = await options.save(input, value.revision ?? 0)
    } catch (error) {
      // Someone saved in between: nothing was written; show both texts.
      if (error instanceof StaleRevisionError) return conflictReply(error, input)
      throw error
    }
    const count = await countToneFindings(ability, input.title, input.text)
    return { flash: options.flash, to, detail: { key: 'tone.afterSave', values: { count } } }
  })
}

type EditableDocument = {
  id: string
  title: string
  body: unknown
  revision: number
  status: string
  publishedVersion: number
}

/**
 * Loader and action of an editing page (`/principles/:slug/edit`, `/guidelines/:id/edit`): both
 * require the document with the right to update it; the loader gives the editor its data and the
 * way back, the action saves (see saveDocument) and returns to the document.
 */
export function documentEditRoute<D extends EditableDocument>(options: {
  /** The i18n prefix of the page's texts (`principles.edit`, `guidelines.editPublishedNote`, …). */
  messages: 'principles' | 'guidelines'
  require: (ability: AppAbility, params: Params) => Promise<D>
  save: SaveWorkingCopy
  to: (document: D) => string
  flash: string
  /** A text to write beside (a guideline's principle, with its kader and ruimte). */
  beside?: (ability: AppAbility, document: D) => Promise<{ title: string; body: unknown } | null>
}) {
  return {
    loader: signedIn(async ({ ability, params }) => {
      const document = await options.require(ability, params)
      const beside = options.beside ? await options.beside(ability, document) : null
      return {
        messages: options.messages,
        back: options.to(document),
        beside: beside && { title: beside.title, html: renderDocumentHtml(beside.body) },
        ...(await editorData(ability, document)),
      }
    }),
    action: signedIn(async ({ request, user, ability, params }) => {
      const document = await options.require(ability, params)
      return saveDocument(request, ability, {
        flash: options.flash,
        save: async (input, baseRevision) => {
          await options.save(ability, user.id, document.id, { ...input, baseRevision })
          return options.to(document)
        },
      })
    }),
  }
}
