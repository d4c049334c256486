// A table of numbers in a scrollable region (keyboard-reachable on a phone): a header row whose
// numeric columns align right, and the rows the page gives.
import type { ReactNode } from 'react'
import { ScrollRegion } from './form.tsx'

export interface Column {
  label: string
  numeric?: boolean
}

export const cell = (numeric?: boolean) => `px-3 py-2${numeric ? ' text-right' : ''}`

export function DataTable({ label, columns, children }: { label: string; columns: Column[]; children: ReactNode }) {
  return (
    <ScrollRegion label={label}>
      <table className="w-full text-left text-sm">
        <thead className="bg-stone-100">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={cell(column.numeric)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">{children}</tbody>
      </table>
    </ScrollRegion>
  )
}
