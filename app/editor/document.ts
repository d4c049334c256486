// Rich-text documents as the server sees them: parsed from the submitted JSON, checked against
// the editor's schema (app/editor/extensions.ts) and projected to plain text. Nothing the
// browser sends is stored unless it passes here; HTML from the browser is never accepted.
import { getSchema, type JSONContent } from '@tiptap/core'
import { Node as PMNode, type Schema } from '@tiptap/pm/model'
import { documentExtensions, HEADING_LEVELS } from './extensions.ts'
import { FRAME_KINDS } from './frame.ts'
import { isSafeHref } from './safe-href.ts'
import { hasUnstorableCharacter } from '~/utils/characters.ts'

/** Largest accepted document, as JSON text (about 40 pages of policy text). */
export const MAX_DOCUMENT_CHARS = 200_000
/**
 * Deepest accepted nesting of nodes: doc › list › item › list › item › list › item › quote ›
 * paragraph › text is 10; nothing an author writes comes near 24. Deeper documents would only
 * exhaust the stack of whatever walks them (the editor, the renderer, PostgreSQL's JSON).
 */
export const MAX_DOCUMENT_DEPTH = 24

export type DocumentError =
  | 'editor.errors.tooLarge'
  | 'editor.errors.notADocument'
  | 'editor.errors.unknownContent'
  | 'editor.errors.unsafeLink'
  | 'editor.errors.empty'
  | 'editor.errors.tooDeep'
  | 'editor.errors.badCharacter'

export type ParsedDocument = { ok: true; json: JSONContent; text: string } | { ok: false; error: DocumentError }

let cachedSchema: Schema | undefined
export const documentSchema = () => (cachedSchema ??= getSchema(documentExtensions))

export const EMPTY_DOCUMENT: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] }

/** Parses and validates a submitted document (a JSON string). */
export function parseDocument(raw: unknown, options: { allowEmpty?: boolean } = {}): ParsedDocument {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, error: 'editor.errors.notADocument' }
  if (raw.length > MAX_DOCUMENT_CHARS) return { ok: false, error: 'editor.errors.tooLarge' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return { ok: false, error: 'editor.errors.notADocument' }
  }
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'doc') {
    return { ok: false, error: 'editor.errors.notADocument' }
  }
  const shapeProblem = checkShape(json)
  if (shapeProblem) return { ok: false, error: shapeProblem }
  let node: PMNode
  try {
    node = PMNode.fromJSON(documentSchema(), json)
    node.check()
  } catch {
    // Unknown node or mark types, content that breaks the schema (a list item outside a list…).
    return { ok: false, error: 'editor.errors.unknownContent' }
  }
  let problem: DocumentError | null = null
  node.descendants((child, _pos, parent) => {
    if (problem) return false
    if (child.type.name === 'heading' && !(HEADING_LEVELS as readonly number[]).includes(child.attrs.level as number)) {
      problem = 'editor.errors.unknownContent'
    }
    // Kader and ruimte mark whole passages of the document: at its top, one of the two kinds.
    if (
      child.type.name === 'frame' &&
      (parent !== node || !(FRAME_KINDS as readonly string[]).includes(child.attrs.kind as string))
    ) {
      problem = 'editor.errors.unknownContent'
    }
    for (const mark of child.marks) {
      if (mark.type.name === 'link' && !isSafeHref(mark.attrs.href)) problem = 'editor.errors.unsafeLink'
    }
    return true
  })
  if (problem) return { ok: false, error: problem }
  const text = documentText(node)
  if (!options.allowEmpty && text.trim().length === 0) return { ok: false, error: 'editor.errors.empty' }
  // toJSON() drops attributes the schema does not declare.
  return { ok: true, json: node.toJSON() as JSONContent, text }
}

/**
 * Walks the parsed JSON without recursion (so depth cannot overflow the stack here): too deep a
 * nesting, or a string no database text can hold, is refused before ProseMirror sees it.
 */
function checkShape(json: unknown): DocumentError | null {
  const stack: [unknown, number][] = [[json, 0]]
  while (stack.length) {
    const [value, depth] = stack.pop()!
    if (typeof value === 'string') {
      if (hasUnstorableCharacter(value)) return 'editor.errors.badCharacter'
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth])
    } else if (value && typeof value === 'object') {
      // A node's children (through `content`) are one level below it; its marks' attributes two.
      if (depth > MAX_DOCUMENT_DEPTH + 2) return 'editor.errors.tooDeep'
      for (const [key, item] of Object.entries(value)) {
        if (hasUnstorableCharacter(key)) return 'editor.errors.badCharacter'
        stack.push([item, depth + 1])
      }
    }
  }
  return null
}

/** The document's blocks as lines of text, list items marked, for search and word diffs. */
export function documentBlocks(doc: PMNode | JSONContent): string[] {
  const node = doc instanceof PMNode ? doc : PMNode.fromJSON(documentSchema(), doc)
  const blocks: string[] = []
  node.descendants((child, _pos, parent) => {
    if (!child.isTextblock) return true
    const text = child.textContent.trim()
    if (!text) return false
    const inList = parent?.type.name === 'listItem'
    blocks.push(inList ? `• ${text}` : text)
    return false
  })
  return blocks
}

export function documentText(doc: PMNode | JSONContent): string {
  return documentBlocks(doc).join('\n')
}
