// The one list of rich-text extensions. The browser editor, the server's validation and the
// server's HTML rendering all build on it, so what the editor can make is exactly what the
// server accepts and renders.
import type { Extensions } from '@tiptap/core'
import Link from '@tiptap/extension-link'
import StarterKit from '@tiptap/starter-kit'
import { Frame } from './frame.ts'
import { isSafeHref } from './safe-href.ts'

export const HEADING_LEVELS = [2, 3] as const

export const documentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [...HEADING_LEVELS] },
    code: false,
    codeBlock: false,
    strike: false,
    underline: false,
    horizontalRule: false,
    link: false,
  }),
  // A link stores only where it points. Its `rel` and `target` are the app's, never the author's:
  // a submitted `rel="opener"` or `target` is dropped, also from documents stored before.
  Link.extend({
    addAttributes() {
      return { href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') } }
    },
  }).configure({
    openOnClick: false,
    autolink: true,
    defaultProtocol: 'https',
    protocols: ['http', 'https', 'mailto'],
    isAllowedUri: (url) => isSafeHref(url),
    HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
  }),
  // Kader and ruimte: which passages of a principle apply as written, and which the region decides.
  Frame,
]
