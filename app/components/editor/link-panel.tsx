// Adding or removing a link on the selection: an inline panel instead of window.prompt, so it
// is reachable by keyboard and read by screen readers. Only http(s) and mailto: are accepted,
// the same rule the server applies (app/editor/safe-href.ts).
import type { Editor } from '@tiptap/react'
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isSafeHref } from '~/editor/safe-href.ts'

function normaliseHref(input: string): string {
  const value = input.trim()
  if (/^[\w.+-]+@[\w-]+\.[\w.-]+$/.test(value)) return `mailto:${value}`
  if (/^[\w-]+(\.[\w-]+)+(\/.*)?$/.test(value)) return `https://${value}`
  return value
}

export function LinkPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation()
  const id = useId()
  const [href, setHref] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '')
  const [error, setError] = useState<string | null>(null)

  function apply(event: FormEvent | KeyboardEvent) {
    event.preventDefault()
    const value = normaliseHref(href)
    if (!isSafeHref(value)) return setError(t('editor.errors.unsafeLink'))
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run()
    onClose()
  }

  return (
    <div className="flex flex-wrap items-end gap-2 border-t border-stone-300 p-2">
      <div className="grow">
        <label htmlFor={id} className="block text-sm font-medium">
          {t('editor.linkAddress')}
        </label>
        <input
          id={id}
          type="url"
          inputMode="url"
          autoFocus
          value={href}
          onChange={(event) => setHref(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') apply(event)
            if (event.key === 'Escape') onClose()
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-full rounded border border-stone-400 px-2 py-1"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button type="button" onClick={apply} className="min-h-10 rounded bg-brand-800 px-3 text-white">
        {t('editor.applyLink')}
      </button>
      <button
        type="button"
        onClick={() => {
          editor.chain().focus().extendMarkRange('link').unsetLink().run()
          onClose()
        }}
        className="min-h-10 rounded border border-stone-500 px-3"
      >
        {t('editor.removeLink')}
      </button>
    </div>
  )
}
