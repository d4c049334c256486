// The tone check's findings under the editor: each flagged phrase with why it brushes customers
// off and what to write instead, and a button that puts the cursor on it. This is the keyboard
// (and screen reader) way to the same warnings the underline shows on hover; when the cursor
// enters a flagged phrase, its explanation is announced. Writers report an underline that is
// wrong, or a sentence the check missed, to HQ from here (POST /tone, intent report).
import type { Editor } from '@tiptap/react'
import { useEditorState } from '@tiptap/react'
import { useFetcher } from '@remix-run/react'
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { toneState } from '~/editor/tone-check.ts'
import {
  checkTone,
  compileFamilies,
  LEARNED_FAMILY_ID,
  type PhraseFamilyData,
  type ToneSettings,
} from '~/tone/checker.ts'
import { defaultToneModel } from '~/tone/default-model.ts'
import { sentenceAt } from '~/tone/text.ts'

/** The tone check as the editor runs it: compiled families, the learned signal, HQ's decided sentences. */
export function useTone(settings: ToneSettings) {
  const { t } = useTranslation()
  return useMemo(() => {
    const learned = {
      name: t('tone.learned.name'),
      explanation: t('tone.learned.explanation'),
      suggestion: t('tone.learned.suggestion'),
    }
    const families: PhraseFamilyData[] = [
      ...settings.families,
      { id: LEARNED_FAMILY_ID, patterns: '', exceptions: '', ...learned },
    ]
    return {
      compiled: compileFamilies(settings.families),
      options: { model: defaultToneModel(), overrides: settings.overrides },
      learned,
      byId: new Map(families.map((family) => [family.id, family])),
    }
  }, [settings, t])
}
export type ToneCheckInEditor = ReturnType<typeof useTone>

/** "Onterecht" under a finding, or "Meld als afpoeier": the report goes to HQ's review list. */
function ReportButton({
  kind,
  text,
  familyId,
  label,
}: {
  kind: 'wrongFlag' | 'missed'
  text: string
  familyId?: string
  label: string
}) {
  const { t } = useTranslation()
  const fetcher = useFetcher<{ reported?: boolean }>({ key: `tone-report-${kind}-${text}` })
  const status = useRef<HTMLParagraphElement>(null)
  const done = fetcher.state === 'idle' && fetcher.data !== undefined
  // The button becomes a message: keyboard focus moves to it instead of falling to the page.
  useEffect(() => {
    if (done) status.current?.focus()
  }, [done])
  if (done) {
    return (
      <p ref={status} tabIndex={-1} role="status" className="mt-1 text-stone-700">
        {fetcher.data?.reported ? t('tone.reports.thanks') : t('tone.reports.failed')}
      </p>
    )
  }
  return (
    <button
      type="button"
      aria-disabled={fetcher.state !== 'idle' || !text.trim()}
      className="mt-1 min-h-11 text-left text-brand-800 underline focus-visible:outline-2 focus-visible:outline-brand-700"
      onClick={() => {
        if (fetcher.state !== 'idle' || !text.trim()) return
        fetcher.submit(
          { intent: 'report', kind, text: text.slice(0, 1_000), ...(familyId ? { familyId } : {}) },
          { method: 'post', action: '/tone?index' },
        )
      }}
    >
      {label}
    </button>
  )
}

/** One finding: the phrase, its family, why it brushes customers off and what to write instead. */
function FindingItem({
  text,
  family,
  example,
  current,
  children,
}: {
  text: string
  family: PhraseFamilyData
  example?: string
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
      {example ? (
        <p className="mt-1 text-stone-700">
          {t('tone.learned.like')} <q>{example}</q>
        </p>
      ) : null}
      <p className="mt-1">
        <span className="font-medium">{t('tone.panel.instead')}</span> {family.suggestion}
      </p>
      {children}
    </li>
  )
}

/** The tone check on a plain field (the title), as it is typed; nothing when it is clean. */
export function ToneFindingsInText({ text, tone: settings, id }: { text: string; tone: ToneSettings; id: string }) {
  const { t } = useTranslation()
  const tone = useTone(settings)
  // The title is a heading: the families check it, not the learned signal (as on the server).
  const findings = useMemo(() => checkTone(text, tone.compiled, { overrides: tone.options.overrides }), [text, tone])
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
          const family = tone.byId.get(finding.familyId)
          return family ? (
            <FindingItem
              key={`${finding.start}-${finding.familyId}`}
              text={finding.text}
              family={family}
              example={finding.example}
            />
          ) : null
        })}
      </ul>
    </section>
  )
}

export function ToneFindings({
  editor,
  tone: check,
  id,
}: {
  editor: Editor | null
  tone: ToneCheckInEditor
  id: string
}) {
  const { t } = useTranslation()
  const tone = useEditorState({
    editor,
    selector: ({ editor }) => {
      const state = editor ? toneState(editor.state) : undefined
      if (!state || !editor) return null
      // The sentence at the cursor, for "Meld als afpoeier" (a brush-off the check missed).
      const { $from } = editor.state.selection
      const block = $from.parent.isTextblock ? $from.parent.textBetween(0, $from.parent.content.size, '\n', '\n') : ''
      return { findings: state.findings, active: state.active, atCursor: sentenceAt(block, $from.parentOffset) }
    },
  })
  if (!editor || !tone) return null
  const byId = check.byId
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
                example={finding.example}
                current={current}
              >
                <button
                  type="button"
                  className="mt-1 min-h-11 text-left text-brand-800 underline focus-visible:outline-2 focus-visible:outline-brand-700"
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
                </button>{' '}
                <ReportButton
                  kind="wrongFlag"
                  text={finding.sentence}
                  familyId={finding.familyId}
                  label={t('tone.reports.wrongFlag')}
                />
              </FindingItem>
            )
          })}
        </ul>
      ) : null}
      {tone.atCursor && !tone.findings.some((finding) => finding.sentence === tone.atCursor) ? (
        <p className="mt-2 text-left">
          <ReportButton kind="missed" text={tone.atCursor} label={t('tone.reports.missed', { text: tone.atCursor })} />
        </p>
      ) : null}
    </section>
  )
}
