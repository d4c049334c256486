// The second step of an import: what the file would do, row by row (problems first), then either
// "fix the file first" or the one button that applies it all — the previewed text sent back.
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, ScrollRegion } from '~/components/ui/form.tsx'

/** At most this many rows are listed; the summary counts them all. */
export const PREVIEW_ROWS = 300

export function ImportPreview({
  summary,
  headers,
  rows,
  total,
  problems,
  csv,
  applyLabel,
  notes,
  applyFields,
}: {
  summary: string
  headers: string[]
  /** The rows to list (at most PREVIEW_ROWS), as table rows. */
  rows: ReactNode
  total: number
  problems: number
  csv: string
  applyLabel: string
  /** Anything to say between the table and the button. */
  notes?: ReactNode
  /** Options sent with the apply button. */
  applyFields?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" className="mb-2 text-lg font-semibold">
        {t('import.previewTitle')}
      </h2>
      <p role="status" className="mb-3" data-testid="import-summary">
        {summary}
      </p>
      <ScrollRegion label={t('import.previewTitle')} className="mb-4">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col" className="px-3 py-2">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">{rows}</tbody>
        </table>
      </ScrollRegion>
      {total > PREVIEW_ROWS ? (
        <p className="mb-4 text-sm">{t('import.more', { count: total - PREVIEW_ROWS })}</p>
      ) : null}
      {notes}
      {problems ? (
        <p role="alert" className="font-medium text-red-900">
          {t('import.fixFirst', { count: problems })}
        </p>
      ) : (
        <Form method="post" className="rounded border border-stone-300 bg-white p-4">
          <input type="hidden" name="csv" value={csv} />
          {applyFields}
          <Button name="intent" value="apply">
            {applyLabel}
          </Button>
        </Form>
      )}
    </section>
  )
}

/** A row's problems as a list, or what applying does to it. */
export function RowOutcome({ problems, outcome }: { problems: string[]; outcome: string }) {
  return problems.length ? (
    <ul className="text-red-900">
      {problems.map((problem) => (
        <li key={problem}>{problem}</li>
      ))}
    </ul>
  ) : (
    <>{outcome}</>
  )
}
