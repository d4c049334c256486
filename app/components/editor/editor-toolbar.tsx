// The editor's toolbar, following the WAI-ARIA toolbar pattern: one tab stop, arrow keys move
// between buttons, toggle buttons announce their state with aria-pressed.
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LinkPanel } from './link-panel.tsx'

type Command = {
  key: string
  label: string
  text: string
  style?: string
  active?: (editor: Editor) => boolean
  run: (editor: Editor) => void
}

export function EditorToolbar({ editor, controls }: { editor: Editor | null; controls: string }) {
  const { t } = useTranslation()
  const [focusIndex, setFocusIndex] = useState(0)
  const [linkOpen, setLinkOpen] = useState(false)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  // Re-render on selection changes so the pressed states are current.
  useEditorState({ editor, selector: ({ editor }) => (editor ? editor.state.selection.toJSON() : null) })

  const commands: Command[] = [
    {
      key: 'h2',
      label: t('editor.heading2'),
      text: 'H2',
      active: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      label: t('editor.heading3'),
      text: 'H3',
      active: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bold',
      label: t('editor.bold'),
      text: 'B',
      style: 'font-bold',
      active: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('editor.italic'),
      text: 'I',
      style: 'italic font-serif',
      active: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      key: 'bullets',
      label: t('editor.bulletList'),
      text: '•',
      active: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'numbers',
      label: t('editor.orderedList'),
      text: '1.',
      active: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'quote',
      label: t('editor.blockquote'),
      text: '❝',
      active: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      key: 'link',
      label: t('editor.link'),
      text: 'link',
      active: (e) => e.isActive('link'),
      run: () => setLinkOpen((open) => !open),
    },
    { key: 'undo', label: t('editor.undo'), text: '↶', run: (e) => e.chain().focus().undo().run() },
    { key: 'redo', label: t('editor.redo'), text: '↷', run: (e) => e.chain().focus().redo().run() },
  ]

  function onKeyDown(event: KeyboardEvent) {
    const last = commands.length - 1
    const next = { ArrowRight: focusIndex + 1, ArrowLeft: focusIndex - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    const index = (next + commands.length) % commands.length
    setFocusIndex(index)
    buttons.current[index]?.focus()
  }

  return (
    <div className="border-b border-stone-300 bg-stone-50">
      <div
        role="toolbar"
        aria-label={t('editor.toolbar')}
        aria-controls={controls}
        onKeyDown={onKeyDown}
        className="flex flex-wrap gap-1 p-1"
      >
        {commands.map((command, index) => {
          const pressed = editor && command.active ? command.active(editor) : undefined
          return (
            <button
              key={command.key}
              ref={(element) => {
                buttons.current[index] = element
              }}
              type="button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={command.label}
              title={command.label}
              aria-pressed={command.active ? Boolean(pressed) : undefined}
              disabled={!editor}
              onFocus={() => setFocusIndex(index)}
              onClick={() => editor && command.run(editor)}
              className="min-h-10 min-w-10 rounded px-2 font-semibold text-stone-800 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-brand-700 aria-pressed:bg-brand-800 aria-pressed:text-white"
            >
              {command.text === 'link' ? (
                <LinkIcon />
              ) : (
                <span aria-hidden="true" className={command.style}>
                  {command.text}
                </span>
              )}
            </button>
          )
        })}
      </div>
      {editor && linkOpen ? <LinkPanel editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </div>
  )
}

function LinkIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      className="inline"
    >
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  )
}
