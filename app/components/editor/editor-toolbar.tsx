// The editor's toolbar, following the WAI-ARIA toolbar pattern: one tab stop, arrow keys move
// between buttons, toggle buttons announce their state with aria-pressed.
//
// A button shows either text ("H2", "B") or an icon. A text button's accessible name begins with
// that text ("H2 Kop"), so speech input users can say what they see and the name read out matches
// the label on screen (WCAG 2.5.3 Label in Name); an icon button is named by its label alone.
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LinkPanel } from './link-panel.tsx'

type Command = {
  key: string
  label: string
  /** What the button shows: text, which then starts its accessible name, or an icon. */
  face: { text: string; style?: string } | { icon: ReactNode }
  active?: (editor: Editor) => boolean
  run: (editor: Editor) => void
}

export function EditorToolbar({
  editor,
  controls,
  frames = false,
}: {
  editor: Editor | null
  controls: string
  /** Offer kader and ruimte (the principle editor). */
  frames?: boolean
}) {
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
      face: { text: 'H2' },
      active: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: 'h3',
      label: t('editor.heading3'),
      face: { text: 'H3' },
      active: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      key: 'bold',
      label: t('editor.bold'),
      face: { text: 'B', style: 'font-bold' },
      active: (e) => e.isActive('bold'),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      key: 'italic',
      label: t('editor.italic'),
      face: { text: 'I', style: 'italic font-serif' },
      active: (e) => e.isActive('italic'),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      key: 'bullets',
      label: t('editor.bulletList'),
      face: { icon: <BulletListIcon /> },
      active: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'numbers',
      label: t('editor.orderedList'),
      face: { text: '1.' },
      active: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      key: 'quote',
      label: t('editor.blockquote'),
      face: { icon: <QuoteIcon /> },
      active: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    ...(frames
      ? (['kader', 'ruimte'] as const).map((kind) => ({
          key: kind,
          label: t(`editor.frames.${kind}`),
          face: { text: t(`editor.frames.${kind}Short`) },
          active: (e: Editor) => e.isActive('frame', { kind }),
          run: (e: Editor) => e.chain().focus().toggleFrame(kind).run(),
        }))
      : []),
    {
      key: 'link',
      label: t('editor.link'),
      face: { icon: <LinkIcon /> },
      active: (e) => e.isActive('link'),
      run: () => setLinkOpen((open) => !open),
    },
    { key: 'undo', label: t('editor.undo'), face: { icon: <UndoIcon /> }, run: (e) => e.chain().focus().undo().run() },
    { key: 'redo', label: t('editor.redo'), face: { icon: <RedoIcon /> }, run: (e) => e.chain().focus().redo().run() },
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
          const { face } = command
          const name = 'text' in face ? `${face.text} ${command.label}` : command.label
          return (
            <button
              key={command.key}
              ref={(element) => {
                buttons.current[index] = element
              }}
              type="button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-label={name}
              title={name}
              aria-pressed={command.active ? Boolean(pressed) : undefined}
              disabled={!editor}
              onFocus={() => setFocusIndex(index)}
              onClick={() => editor && command.run(editor)}
              className="min-h-10 min-w-10 rounded px-2 font-semibold text-stone-800 hover:bg-stone-200 focus-visible:outline-2 focus-visible:outline-brand-700 aria-pressed:bg-brand-800 aria-pressed:text-white"
            >
              {'text' in face ? <span className={face.style}>{face.text}</span> : face.icon}
            </button>
          )
        })}
      </div>
      {editor && linkOpen ? <LinkPanel editor={editor} onClose={() => setLinkOpen(false)} /> : null}
    </div>
  )
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="inline"
    >
      {children}
    </svg>
  )
}

function LinkIcon() {
  return (
    <Icon>
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </Icon>
  )
}

function BulletListIcon() {
  return (
    <Icon>
      <circle cx="4" cy="6" r="1" fill="currentColor" />
      <circle cx="4" cy="12" r="1" fill="currentColor" />
      <circle cx="4" cy="18" r="1" fill="currentColor" />
      <path d="M9 6h12M9 12h12M9 18h12" />
    </Icon>
  )
}

function QuoteIcon() {
  return (
    <Icon>
      <path d="M4 11h5v6H4zM14 11h5v6h-5z" fill="currentColor" />
      <path d="M4 11c0-3 1.5-5 5-6M14 11c0-3 1.5-5 5-6" />
    </Icon>
  )
}

function UndoIcon() {
  return (
    <Icon>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Icon>
  )
}

function RedoIcon() {
  return (
    <Icon>
      <path d="m15 14 5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </Icon>
  )
}
