// Frame and room ("leg alleen de hoofdlijn vast"): HQ marks passages of a principle as *kader*
// (applies everywhere, as written) or *ruimte* (the region decides). A frame is a block around
// paragraphs, headings and lists, only at the top of a document (never nested); its kind is one
// of two words. Part of the one extension list, so the editor, the server's validation and its
// rendering agree.
import { Node, type JSONContent } from '@tiptap/core'

export const FRAME_KINDS = ['kader', 'ruimte'] as const
export type FrameKind = (typeof FRAME_KINDS)[number]

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    frame: {
      /** Puts the selected blocks in a frame of this kind, changes the frame's kind, or (same kind) takes them out. */
      toggleFrame: (kind: FrameKind) => ReturnType
    }
  }
}

export const Frame = Node.create({
  name: 'frame',
  group: 'block',
  content: '(paragraph | heading | bulletList | orderedList | blockquote)+',
  defining: true,
  addAttributes() {
    return {
      kind: {
        default: 'kader',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-frame'),
        renderHTML: (attributes: { kind: string }) => ({ 'data-frame': attributes.kind }),
      },
    }
  },
  parseHTML() {
    return [{ tag: 'section[data-frame]' }]
  },
  renderHTML({ HTMLAttributes }) {
    return ['section', { ...HTMLAttributes, class: 'frame' }, 0]
  },
  addCommands() {
    return {
      toggleFrame:
        (kind) =>
        ({ editor, commands }) => {
          if (editor.isActive('frame', { kind })) return commands.lift('frame')
          if (editor.isActive('frame')) return commands.updateAttributes('frame', { kind })
          return commands.wrapIn('frame', { kind })
        },
    }
  },
})

/** Whether a stored document marks any passage as room for the regions. */
export function hasRoom(json: unknown): boolean {
  return ((json as JSONContent | null)?.content ?? []).some(
    (node) => node.type === 'frame' && node.attrs?.kind === 'ruimte',
  )
}

/** The passages marked as room, as a document of their own (empty content when there are none). */
export function roomOf(json: unknown): JSONContent {
  const frames = ((json as JSONContent | null)?.content ?? []).filter(
    (node) => node.type === 'frame' && node.attrs?.kind === 'ruimte',
  )
  return { type: 'doc', content: frames.flatMap((frame) => frame.content ?? []) }
}
