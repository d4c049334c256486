// The tone check's findings under the editor: each flagged phrase with why it brushes customers
// off and what to write instead, and a button that puts the cursor on it. This is the keyboard
// (and screen reader) way to the same warnings the underline shows on hover; when the cursor
// enters a flagged phrase, its explanation is announced.
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toneState } from '~/editor/tone-check.ts'
import { checkTone, compileFamilies, type PhraseFamilyData } from '~/tone/checker.ts'

/** One finding: the phrase, its family, why it brushes customers off and what to write instead. */
function FindingItem({
  text,
  family,
  current,
  children,
}: {
  text: string
  family: PhraseFamilyData
  current?: boolean
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <li
      aria-current={current ? 'true' : undefined}
      className={`rounded border-l-4 bg-white px-3 py-2 ${current ? 'border-amber-600' : 'border-amber-300'}`}
    >
      <p>
        <q className="font-medium">{text}</q> · {family.name}
      </p>
      <p className="mt-1 text-stone-700">{family.explanation}</p>
      <p className="mt-1">
        <span className="font-medium">{t('tone.panel.instead')}</span> {family.suggestion}
      </p>
      {children}
    </li>
  )
}

/** The tone check on a plain field (the title), as it is typed; nothing when it is clean. */
export function ToneFindingsInText({ text, families, id }: { text: string; families: PhraseFamilyData[]; id: string }) {
  const { t } = useTranslation()
  const compiled = useMemo(() => compileFamilies(families), [families])
  const findings = useMemo(() => checkTone(text, compiled), [text, compiled])
  const byId = new Map(families.map((family) => [family.id, family]))
  if (!findings.length) return null
  return (
    <section
      aria-live="polite"
      aria-label={t('tone.panel.found', { count: findings.length })}
      id={id}
      className="-mt-2 mb-4 text-sm"
      data-testid="title-tone-findings"
    >
      <ul className="space-y-2">
        {findings.map((finding) => {
          const family = byId.get(finding.familyId)
          return family ? (
            <FindingItem key={`${finding.start}-${finding.familyId}`} text={finding.text} family={family} />
          ) : null
        })}
      </ul>
    </section>
  )
}

export function ToneFindings({
  editor,
  families,
  id,
}: {
  editor: Editor | null
  families: PhraseFamilyData[]
  id: string
}) {
  const { t } = useTranslation()
  const tone = useEditorState({
    editor,
    selector: ({ editor }) => {
      const state = editor ? toneState(editor.state) : undefined
      return state ? { findings: state.findings, active: state.active } : null
    },
  })
  if (!editor || !tone || !families.length) return null
  const byId = new Map(families.map((family) => [family.id, family]))
  const active = tone.active ? byId.get(tone.active.familyId) : undefined
  const titleId = `${id}-title`
  return (
    <section
      aria-labelledby={titleId}
      className="mt-2 rounded border border-stone-300 bg-stone-50 p-3 text-sm"
      data-testid="tone-findings"
    >
      <h3 id={titleId} className="font-semibold">
        {tone.findings.length ? t('tone.panel.found', { count: tone.findings.length }) : t('tone.panel.none')}
      </h3>
      <p aria-live="polite" className="sr-only">
        {active ? t('tone.panel.cursorIn', { name: active.name, explanation: active.explanation }) : ''}
      </p>
      {tone.findings.length ? (
        <ul className="mt-2 space-y-3">
          {tone.findings.map((finding) => {
            const family = byId.get(finding.familyId)
            if (!family) return null
            const current = finding.from === tone.active?.from && finding.to === tone.active.to
            return (
              <FindingItem
                key={`${finding.from}-${finding.familyId}`}
                text={finding.text}
                family={family}
                current={current}
              >
                <button
                  type="button"
                  className="mt-1 min-h-11 text-brand-800 underline focus-visible:outline-2 focus-visible:outline-brand-700"
                  onClick={() =>
                    editor
                      .chain()
                      .focus()
                      .setTextSelection({ from: finding.from, to: finding.to })
                      .scrollIntoView()
                      .run()
                  }
                >
                  {t('tone.panel.show', { text: finding.text })}
                </button>
              </FindingItem>
            )
          })}
        </ul>
      ) : null}
    </section>
  )
}
