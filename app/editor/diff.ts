// Word-level differences between two texts (jsdiff's diffWordsWithSpace keeps line breaks, so
// paragraphs and list items stay apart in the output).
import { diffWordsWithSpace } from 'diff'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
}

export function diffStats(parts: DiffPart[]) {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length
  return {
    added: parts.filter((p) => p.kind === 'added').reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((p) => p.kind === 'removed').reduce((n, p) => n + words(p.text), 0),
  }
}
