/** The states of a region × principle cell in the coverage overview (shared with the browser). */
export const CELL_STATES = [
  'missing',
  'draft',
  'review',
  'published',
  'needs_review',
  'applies_as_written',
  'not_applicable',
  'overdue',
] as const
export type CellState = (typeof CELL_STATES)[number]
