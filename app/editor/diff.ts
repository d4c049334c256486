// Word-level differences between two texts, with jsdiff's diffWords: runs of changed words come
// out as one part, and whitespace and line breaks are kept, so paragraphs stay apart.
import { diffWords } from 'diff'

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

export function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
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
