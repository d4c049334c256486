// Server-side HTML of a stored document. The static renderer escapes text and attribute values
// (@tiptap/static-renderer >= 3.22.5); the document was validated before it was stored.
import type { JSONContent } from '@tiptap/core'
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string'
import { documentExtensions } from './extensions.ts'

export function renderDocumentHtml(json: unknown): string {
  return renderToHTMLString({ extensions: documentExtensions, content: json as JSONContent })
}

/** Published versions never change: their HTML is rendered once per process (bounded). */
const renderedVersions = new Map<string, string>()
const MAX_RENDERED_VERSIONS = 5000

export function renderVersionHtml(versionKey: string, json: unknown): string {
  let html = renderedVersions.get(versionKey)
  if (html === undefined) {
    html = renderDocumentHtml(json)
    if (renderedVersions.size >= MAX_RENDERED_VERSIONS) renderedVersions.delete(renderedVersions.keys().next().value!)
    renderedVersions.set(versionKey, html)
  }
  return html
}
