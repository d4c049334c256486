// Imported before any schema is built (first in root.tsx and in schemas.ts). Zod 4 compiles object
// parsers with `new Function` when the page allows it, and finds out by trying: under our
// Content-Security-Policy (no 'unsafe-eval') every such probe is a CSP violation report. Forms
// this small parse as fast without it.
import { z } from 'zod'

z.config({ jitless: true })
