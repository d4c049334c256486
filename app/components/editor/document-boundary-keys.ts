// Ctrl+Home and Ctrl+End (on a Mac also Cmd+Home/Cmd+End) put the caret at the very start and end
// of the document; with Shift they extend the selection there. Neither ProseMirror nor Tiptap
// binds these keys, so they fell through to the browser's own caret movement in the
// contenteditable. That works on the rendered DOM, not on the document — the empty paragraph
// Tiptap keeps after a closing list or quote with its placeholder <br>, list and quote wrappers,
// the tone check's underline spans — and ProseMirror only learns where the caret went from a later
// `selectionchange`, so text typed right after Ctrl+End did not reliably land at the end. Here the
// keys set the selection in the document itself and scroll it into view.
//
// Keyboard handling only: no node or mark type, so the server's schema (app/editor/extensions.ts)
// is untouched.
import { Extension } from '@tiptap/core'
import { Selection, TextSelection, type Transaction } from '@tiptap/pm/state'

/** Moves (or, with `extend`, stretches) the selection to the document's first or last text position. */
export function selectDocumentBoundary(tr: Transaction, edge: 'start' | 'end', extend: boolean): Transaction {
  const target = edge === 'start' ? Selection.atStart(tr.doc) : Selection.atEnd(tr.doc)
  const selection = extend ? TextSelection.between(tr.selection.$anchor, target.$head) : target
  return tr.setSelection(selection).scrollIntoView()
}

export const DocumentBoundaryKeys = Extension.create({
  name: 'documentBoundaryKeys',
  addKeyboardShortcuts() {
    const go = (edge: 'start' | 'end', extend: boolean) => () =>
      this.editor.commands.command(({ tr, dispatch }) => {
        if (dispatch) selectDocumentBoundary(tr, edge, extend)
        return true
      })
    // `Mod` is Cmd on a Mac and Ctrl elsewhere; Ctrl is bound as well so it works on a Mac too.
    return {
      'Mod-Home': go('start', false),
      'Ctrl-Home': go('start', false),
      'Mod-End': go('end', false),
      'Ctrl-End': go('end', false),
      'Shift-Mod-Home': go('start', true),
      'Shift-Ctrl-Home': go('start', true),
      'Shift-Mod-End': go('end', true),
      'Shift-Ctrl-End': go('end', true),
    }
  },
})
