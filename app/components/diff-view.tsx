// A word-level diff, readable without colour: deletions are struck through, insertions
// underlined, and both are announced to screen readers.
import { useTranslation } from 'react-i18next'
import type { DiffPart } from '~/editor/diff.ts'

export function DiffView({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation()
  return (
    <div>
      <p className="mb-2 text-sm text-stone-700">
        {t('diff.legend')} <ins className="diff-ins">{t('diff.added')}</ins> ·{' '}
        <del className="diff-del">{t('diff.removed')}</del>
      </p>
      <div
        className="whitespace-pre-wrap rounded border border-stone-300 bg-white p-4 leading-relaxed"
        data-testid="diff"
      >
        {parts.map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            <ins key={index} className="diff-ins">
              <span className="sr-only">{t('diff.addedStart')}</span>
              {part.text}
              <span className="sr-only">{t('diff.end')}</span>
            </ins>
          ) : (
            <del key={index} className="diff-del">
              <span className="sr-only">{t('diff.removedStart')}</span>
              {part.text}
              <span className="sr-only">{t('diff.end')}</span>
            </del>
          ),
        )}
      </div>
    </div>
  )
}
