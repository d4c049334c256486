// The rich-text editor (Tiptap). Imported only by editing routes, so reading pages ship none of
// its JavaScript. The document travels in a hidden input as JSON; the server validates it
// against the same extension list (app/editor/extensions.ts) before anything is stored.
import type { JSONContent } from '@tiptap/core'
import { Placeholder } from '@tiptap/extensions'
import { EditorContent, useEditor } from '@tiptap/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { documentExtensions } from '~/editor/extensions.ts'
import { ToneCheck } from '~/editor/tone-check.ts'
import type { ToneSettings } from '~/tone/checker.ts'
import { DocumentBoundaryKeys } from './document-boundary-keys.ts'
import { EditorToolbar } from './editor-toolbar.tsx'
import { ToneFindings, useTone } from './tone-findings.tsx'

export function RichTextEditor({
  id,
  name,
  label,
  defaultValue,
  errors,
  placeholder,
  tone,
  frames,
}: {
  id: string
  name: string
  label: string
  defaultValue: JSONContent
  errors?: string[]
  placeholder: string
  /** The tone check's settings; what it finds is underlined as the text is typed. */
  tone: ToneSettings
  /** Offer kader and ruimte in the toolbar (principles). */
  frames?: boolean
}) {
  const { t } = useTranslation()
  const [json, setJson] = useState(() => JSON.stringify(defaultValue))
  const labelId = `${id}-label`
  const errorId = `${id}-error`
  const toneCheck = useTone(tone)
  const editor = useEditor({
    extensions: [
      ...documentExtensions,
      Placeholder.configure({ placeholder }),
      DocumentBoundaryKeys,
      ToneCheck.configure({
        families: toneCheck.compiled,
        check: toneCheck.options,
        learned: toneCheck.learned,
        insteadLabel: t('tone.panel.instead'),
      }),
    ],
    content: defaultValue,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(errors?.length ? { 'aria-invalid': 'true', 'aria-describedby': errorId } : {}),
        class: 'rich-text min-h-64 px-4 py-3 focus:outline-none',
      },
    },
    onUpdate: ({ editor }) => setJson(JSON.stringify(editor.getJSON())),
  })

  return (
    <div className="mb-4">
      <span id={labelId} className="mb-1 block font-medium">
        {label}
      </span>
      <div className="rounded border border-stone-400 bg-white focus-within:ring-2 focus-within:ring-brand-700">
        <EditorToolbar editor={editor} controls={id} frames={frames} />
        {editor ? (
          <EditorContent editor={editor} />
        ) : (
          <div className="min-h-64 px-4 py-3 text-stone-600">
            <noscript>{t('editor.needsJavaScript')}</noscript>
          </div>
        )}
      </div>
      <ToneFindings editor={editor} tone={toneCheck} id={`${id}-tone`} />
      <input type="hidden" name={name} value={json} />
      {errors?.length ? (
        <ul id={errorId} className="mt-1 text-sm text-red-800">
          {errors.map((error) => (
            <li key={error}>{t(error)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
