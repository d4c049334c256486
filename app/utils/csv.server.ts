// Reading the CSV files people bring from other systems (HR, complaint and survey tools): comma,
// semicolon or tab separated, a header row naming the columns (mapped to our fields by a table of
// the names those systems use), a byte-order mark and blank lines tolerated. A file that is not
// CSV, is empty or is too long is an Invalid on the form's `file` field.
import { parse } from 'csv-parse/sync'
import { Invalid } from './errors.ts'

/**
 * The file's rows as records of our field names (unknown columns are left out, NUL bytes removed,
 * values trimmed), each with its line number in the file. `required` lists the field groups of which
 * at least one field must have a column (`[['name'], ['email', 'employeeNumber']]`); without them the
 * file is refused with `columnsMessage`.
 */
export function readCsvRows<F extends string>(
  text: string,
  columns: Record<string, F>,
  required: F[][],
  maxRows: number,
  columnsMessage = 'import.errors.columns',
): ({ line: number } & Record<F, string>)[] {
  let records: string[][]
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    })
  } catch {
    throw new Invalid('import.errors.notCsv', 'file')
  }
  const [header, ...rows] = records
  if (!header) throw new Invalid('import.errors.empty', 'file')
  if (rows.length > maxRows) throw new Invalid('import.errors.tooMany', 'file')
  const fields = header.map((column) => columns[column.toLowerCase().replace(/\s+/g, ' ').trim()] ?? null)
  if (!required.every((group) => group.some((field) => fields.includes(field)))) {
    throw new Invalid(columnsMessage, 'file')
  }
  const known = [...new Set(Object.values(columns))]
  return rows.map((values, index) => {
    const row = Object.fromEntries(known.map((field) => [field, ''])) as Record<F, string>
    fields.forEach((field, column) => {
      if (field) row[field] = (values[column] ?? '').replace(/\u0000/g, '').trim()
    })
    return { line: index + 2, ...row }
  })
}
