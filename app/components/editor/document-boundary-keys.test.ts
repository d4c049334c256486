import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { documentSchema } from '~/editor/document.ts'
import { selectDocumentBoundary } from './document-boundary-keys.ts'

const text = (value: string) => ({ type: 'text', text: value })
const paragraph = (value?: string) => ({ type: 'paragraph', ...(value ? { content: [text(value)] } : {}) })
const item = (value: string) => ({ type: 'listItem', content: [paragraph(value)] })

/** Starts with a heading, ends inside a quote inside a list: the deepest places to start and end. */
function stateOf(...content: unknown[]) {
  const doc = documentSchema().nodeFromJSON({ type: 'doc', content })
  return EditorState.create({ doc })
}
const nested = stateOf(
  { type: 'heading', attrs: { level: 2 }, content: [text('Waarom')] },
  paragraph('Een klant die wacht, twijfelt.'),
  {
    type: 'bulletList',
    content: [
      { type: 'listItem', content: [paragraph('Bel terug'), { type: 'blockquote', content: [paragraph('Citaat')] }] },
    ],
  },
)

function move(state: EditorState, from: number, edge: 'start' | 'end', extend = false) {
  const placed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from)))
  const tr = selectDocumentBoundary(placed.tr, edge, extend)
  return { selection: placed.apply(tr).selection, scrolled: tr.scrolledIntoView }
}

describe('selectDocumentBoundary', () => {
  it('puts the caret before the first character of the document, wherever it was', () => {
    const { selection, scrolled } = move(nested, nested.doc.content.size - 4, 'start')
    expect(selection.empty).toBe(true)
    expect(selection.head).toBe(1)
    expect(nested.doc.textBetween(0, selection.head)).toBe('')
    expect(scrolled).toBe(true)
  })

  it('puts the caret after the last character, also when the document ends in a quote inside a list', () => {
    const { selection, scrolled } = move(nested, 3, 'end')
    expect(selection.empty).toBe(true)
    expect(nested.doc.textBetween(selection.head, nested.doc.content.size)).toBe('')
    expect(selection.$head.parent.textContent).toBe('Citaat')
    expect(selection.$head.parentOffset).toBe('Citaat'.length)
    expect(scrolled).toBe(true)
  })

  it('ends in the empty paragraph after a closing list, the last place one can type', () => {
    const state = stateOf(paragraph('Eerst'), { type: 'orderedList', content: [item('Een')] }, paragraph())
    const { selection } = move(state, 2, 'end')
    expect(selection.head).toBe(state.doc.content.size - 1)
    expect(selection.$head.parent.type.name).toBe('paragraph')
    expect(selection.$head.depth).toBe(1)
  })

  it('with Shift, stretches the selection from where it was to the start or the end', () => {
    const from = 5
    const toEnd = move(nested, from, 'end', true).selection
    expect([toEnd.anchor, toEnd.head]).toEqual([from, nested.doc.content.size - 4])
    const toStart = move(nested, from, 'start', true).selection
    expect([toStart.anchor, toStart.head]).toEqual([from, 1])
  })
})
