// The CSV a user brings to an import page (staff, customer signals): a chosen file or pasted
// text, previewed first and applied after — the preview's text travels back in a hidden field.
import { z } from 'zod'
import { Invalid } from '~/utils/errors.ts'

export const MAX_CSV_BYTES = 900_000

/** The form fields of the preview step: a file, or the text pasted instead. */
export const CsvPreviewFields = z.object({
  file: z.instanceof(File).optional(),
  csv: z.string().max(MAX_CSV_BYTES).optional(),
})
/** The form field of the apply step: the text the preview showed. */
export const CsvApplyFields = z.object({ csv: z.string().max(MAX_CSV_BYTES) })

/** The file's text (or the pasted text), refused when too large or empty. */
export async function csvText({ file, csv }: { file?: File; csv?: string }) {
  if (file && file.size > MAX_CSV_BYTES) throw new Invalid('import.errors.tooLarge', 'file')
  const text = file && file.size ? await file.text() : (csv ?? '')
  if (!text.trim()) throw new Invalid('import.errors.empty', 'file')
  return text
}
