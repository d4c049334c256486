// The first step of an import: choose a CSV file or paste its text, then preview what it does.
import type { SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Button, FormErrors } from '~/components/ui/form.tsx'

/** An example file, wrapped rather than scrolled (a scrolling block would need its own tab stop). */
export function CsvExample({ children }: { children: string }) {
  return (
    <pre className="mb-4 max-w-prose whitespace-pre-wrap break-words rounded bg-stone-100 p-3 text-sm">{children}</pre>
  )
}

export function CsvUploadForm({ errors }: { errors?: SubmissionResult<string[]>['error'] }) {
  const { t } = useTranslation()
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      className="mb-8 max-w-xl rounded border border-stone-300 bg-white p-5"
    >
      <FormErrors errors={[...(errors?.[''] ?? []), ...(errors?.file ?? [])]} />
      <label htmlFor="file" className="mb-1 block font-medium">
        {t('import.file')}
      </label>
      <input id="file" name="file" type="file" accept=".csv,text/csv,text/plain" className="mb-4 block" />
      <label htmlFor="csv" className="mb-1 block font-medium">
        {t('import.paste')}
      </label>
      <textarea
        id="csv"
        name="csv"
        rows={4}
        className="mb-4 block w-full rounded border border-stone-400 px-3 py-2 font-mono text-sm"
      />
      <Button name="intent" value="preview">
        {t('import.preview')}
      </Button>
    </Form>
  )
}
