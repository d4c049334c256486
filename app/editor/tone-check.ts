// The tone check in the editor: a Tiptap extension that underlines brush-off phrasing while it is
// typed. It adds decorations only — nothing is stored in the document, so the server's schema
// (extensions.ts) does not know it exists. Each text block is checked on its own and the result
// is kept per (immutable) ProseMirror node, so a keystroke re-checks only the block it changed.
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import {
  checkTone,
  LEARNED_FAMILY_ID,
  type CompiledFamily,
  type Finding,
  type ToneCheckOptions,
} from '~/tone/checker.ts'

export interface ToneFinding {
  familyId: string
  from: number
  to: number
  text: string
  /** The sentence it stands in, and for the learned signal the labelled brush-off it is like. */
  sentence: string
  example?: string
}

export interface ToneState {
  findings: ToneFinding[]
  /** The finding the cursor stands in, if any (its explanation is announced). */
  active: ToneFinding | null
  decorations: DecorationSet
}

export const toneCheckKey = new PluginKey<ToneState>('toneCheck')

export function toneState(state: EditorState): ToneState | undefined {
  return toneCheckKey.getState(state)
}

function findingsIn(
  doc: PMNode,
  families: CompiledFamily[],
  options: ToneCheckOptions,
  checked: WeakMap<PMNode, Finding[]>,
): ToneFinding[] {
  const findings: ToneFinding[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    let own = checked.get(node)
    if (!own) {
      // One character per position: a hard break counts as a line end, so offsets map exactly.
      // Headings are checked by the families only, as the server does with titles.
      const text = node.textBetween(0, node.content.size, '\n', '\n')
      own = checkTone(text, families, node.type.name === 'heading' ? { overrides: options.overrides } : options)
      checked.set(node, own)
    }
    for (const finding of own) {
      findings.push({
        familyId: finding.familyId,
        from: pos + 1 + finding.start,
        to: pos + 1 + finding.end,
        text: finding.text,
        sentence: finding.sentence,
        ...(finding.example ? { example: finding.example } : {}),
      })
    }
    return false
  })
  return findings
}

function decorate(doc: PMNode, findings: ToneFinding[], active: ToneFinding | null, titles: Map<string, string>) {
  return DecorationSet.create(
    doc,
    findings.map((finding) =>
      Decoration.inline(finding.from, finding.to, {
        class: finding === active ? 'tone-flag tone-flag-active' : 'tone-flag',
        title: titles.get(finding.familyId) ?? '',
        'data-tone-family': finding.familyId,
      }),
    ),
  )
}

function activeFinding(findings: ToneFinding[], state: EditorState): ToneFinding | null {
  const { from, to } = state.selection
  return findings.find((finding) => from >= finding.from && to <= finding.to) ?? null
}

export interface ToneCheckConfig {
  families: CompiledFamily[]
  /** The learned signal and HQ's decided sentences. */
  check: ToneCheckOptions
  /** The learned signal's hover text (it has no family of its own). */
  learned: { name: string; explanation: string; suggestion: string }
  insteadLabel: string
}

/** The ProseMirror plugin itself (the extension below wraps it; the tone bench runs it bare). */
export function toneCheckPlugin({ families, check, learned, insteadLabel }: ToneCheckConfig) {
  const checked = new WeakMap<PMNode, Finding[]>()
  // The hover text: the family, why it brushes customers off, and what to write instead.
  const titles = new Map(
    [...families.map(({ family }) => family), { id: LEARNED_FAMILY_ID, ...learned }].map((family) => [
      family.id,
      `${family.name} — ${family.explanation} ${insteadLabel} ${family.suggestion}`,
    ]),
  )
  const build = (state: EditorState, findings: ToneFinding[]): ToneState => {
    const active = activeFinding(findings, state)
    return { findings, active, decorations: decorate(state.doc, findings, active, titles) }
  }
  return new Plugin<ToneState>({
    key: toneCheckKey,
    state: {
      init: (_, state) => build(state, findingsIn(state.doc, families, check, checked)),
      apply(tr, previous, _oldState, state) {
        if (tr.docChanged) return build(state, findingsIn(state.doc, families, check, checked))
        if (!tr.selectionSet) return previous
        const active = activeFinding(previous.findings, state)
        return active === previous.active ? previous : build(state, previous.findings)
      },
    },
    props: {
      decorations: (state) => toneCheckKey.getState(state)?.decorations,
    },
  })
}

export const ToneCheck = Extension.create<ToneCheckConfig>({
  name: 'toneCheck',
  addOptions() {
    return { families: [], check: {}, learned: { name: '', explanation: '', suggestion: '' }, insteadLabel: 'Better:' }
  },
  addProseMirrorPlugins() {
    return [toneCheckPlugin(this.options)]
  },
})
