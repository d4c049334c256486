// Server-side HTML of a stored document. The static renderer escapes text and attribute values
// (@tiptap/static-renderer >= 3.22.5); the document was validated before it was stored.
import type { JSONContent } from '@tiptap/core'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { documentExtensions } from './extensions.ts'

export function renderDocumentHtml(json: unknown): string {
  return renderToHTMLString({ extensions: documentExtensions, content: json as JSONContent })
}
