// Customer signals from an existing complaint or survey tool: a CSV export (date, region, kind,
// text, optional score, guideline and channel), first previewed with every row's problem named,
// then applied in one transaction — all or nothing. Each row is stored with a key made of its
// content (and how many identical rows came before it in the file), so importing the same file,
// or an export that overlaps the last one, adds only what is new.
import { createHash } from 'node:crypto'
import type { SignalChannel, SignalKind } from '~/generated/prisma/enums.ts'
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { readCsvRows } from '~/utils/csv.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { endOfDayInOrganisation, startOfDayInOrganisation } from '~/utils/dates.ts'
import { Invalid } from '~/utils/errors.ts'
import { findPersonalData, type PersonalDataKind } from '~/validation/personal-data.server.ts'
import { recordAudit } from './audit.server.ts'
import type { Tx } from './document.server.ts'

type Field = 'date' | 'region' | 'kind' | 'text' | 'score' | 'guideline' | 'channel'
const COLUMNS: Record<string, Field> = {
  date: 'date',
  datum: 'date',
  region: 'region',
  regio: 'region',
  kind: 'kind',
  type: 'kind',
  soort: 'kind',
  text: 'text',
  tekst: 'text',
  omschrijving: 'text',
  opmerking: 'text',
  comment: 'text',
  score: 'score',
  cijfer: 'score',
  rating: 'score',
  guideline: 'guideline',
  richtlijn: 'guideline',
  regel: 'guideline',
  channel: 'channel',
  kanaal: 'channel',
}
const KINDS: Record<string, SignalKind> = {
  complaint: 'complaint',
  klacht: 'complaint',
  compliment: 'compliment',
  praise: 'compliment',
  question: 'question',
  vraag: 'question',
  suggestion: 'suggestion',
  suggestie: 'suggestion',
  idee: 'suggestion',
}
const CHANNELS: Record<string, SignalChannel> = {
  counter: 'counter',
  balie: 'counter',
  phone: 'phone',
  telefoon: 'phone',
  mail: 'mail',
  'e-mail': 'mail',
  email: 'mail',
  chat: 'chat',
  social: 'social',
  'social media': 'social',
  sociale: 'social',
}
/** What the file may say instead of a guideline when no rule covered it. */
const NO_RULE = new Set(['geen regel', 'geen regel dekte dit', 'no rule', 'none', 'geen'])
const MAX_ROWS = 20_000
const MAX_TEXT = 2000

export type SignalRowProblem =
  | 'badDate'
  | 'futureDate'
  | 'unknownRegion'
  | 'notYourRegion'
  | 'unknownKind'
  | 'noText'
  | 'textTooLong'
  | 'badScore'
  | 'unknownGuideline'
  | 'ambiguousGuideline'
  | 'unknownChannel'
  | `personalData.${PersonalDataKind}`

export interface PlannedSignal {
  line: number
  date: string
  region: { id: string; name: string } | null
  kind: SignalKind | null
  text: string
  score: number | null
  channel: SignalChannel | null
  guideline: { id: string; title: string; principleId: string } | null
  noRule: boolean
  problems: SignalRowProblem[]
  /** Already imported (the same row of an earlier file): applying skips it. */
  known: boolean
  key: string
}

/** "2026-11-03", "3-11-2026", "03/11/2026" or "3.11.2026" → "2026-11-03"; null when not a calendar day. */
function isoDay(value: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value)
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: .*)?$/.exec(value)
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : []
  if (!y || !m || !d) return null
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return null
  if (Number(y) < 2000) return null
  return date.toISOString().slice(0, 10)
}

async function plan(db: Tx | typeof prisma, ability: AppAbility, text: string, now: Date) {
  const raw = readCsvRows(
    text,
    COLUMNS,
    [['date'], ['region'], ['kind'], ['text']],
    MAX_ROWS,
    'signals.import.errors.columns',
  )
  const [regions, guidelines] = await Promise.all([
    db.region.findMany({ select: { id: true, name: true, slug: true } }),
    db.$queryRaw<{ id: string; regionId: string; principleId: string; title: string; workingTitle: string }[]>`
      SELECT g."id", g."regionId", g."principleId", v."title", g."title" AS "workingTitle" FROM "Guideline" g
      JOIN "GuidelineVersion" v ON v."guidelineId" = g."id" AND v."number" = g."publishedVersion"
      WHERE g."publishedVersion" > 0 AND g."status" <> 'archived'`,
  ])
  const regionBy = new Map<string, { id: string; name: string }>()
  for (const r of regions) {
    regionBy.set(r.name.toLowerCase(), r)
    regionBy.set(r.slug.toLowerCase(), r)
  }
  const today = endOfDayInOrganisation(now.toISOString().slice(0, 10))
  const seen = new Map<string, number>()
  const rows: PlannedSignal[] = raw.map((r) => {
    const problems: SignalRowProblem[] = []
    const day = isoDay(r.date)
    if (!day) problems.push('badDate')
    else if (startOfDayInOrganisation(day) > today) problems.push('futureDate')
    const region = regionBy.get(r.region.toLowerCase()) ?? null
    if (!region) problems.push('unknownRegion')
    else if (!can(ability, 'create', 'CustomerSignal', { regionId: region.id, authorId: null }))
      problems.push('notYourRegion')
    const kind = KINDS[r.kind.toLowerCase()] ?? null
    if (!kind) problems.push('unknownKind')
    if (!r.text) problems.push('noText')
    else if (r.text.length > MAX_TEXT) problems.push('textTooLong')
    else {
      const personal = findPersonalData(r.text)
      if (personal) problems.push(`personalData.${personal}`)
    }
    let score: number | null = null
    if (r.score) {
      score = /^[1-5]$/.test(r.score) ? Number(r.score) : null
      if (score === null) problems.push('badScore')
    }
    let channel: SignalChannel | null = null
    if (r.channel) {
      channel = CHANNELS[r.channel.toLowerCase()] ?? null
      if (!channel) problems.push('unknownChannel')
    }
    let guideline: PlannedSignal['guideline'] = null
    const noRule = NO_RULE.has(r.guideline.toLowerCase())
    if (r.guideline && !noRule && region) {
      const name = r.guideline.toLowerCase()
      const matches = guidelines.filter(
        (g) =>
          g.regionId === region.id &&
          (g.id === r.guideline || g.title.toLowerCase() === name || g.workingTitle.toLowerCase() === name),
      )
      if (matches.length === 1)
        guideline = { id: matches[0]!.id, title: matches[0]!.title, principleId: matches[0]!.principleId }
      else problems.push(matches.length ? 'ambiguousGuideline' : 'unknownGuideline')
    }
    const content = [day, region?.id, kind, r.text, score, channel, guideline?.id, noRule].join('\u001f')
    const occurrence = (seen.get(content) ?? 0) + 1
    seen.set(content, occurrence)
    const key = createHash('sha256').update(`${content}\u001f${occurrence}`).digest('hex')
    return {
      line: r.line,
      date: day ?? r.date,
      region,
      kind,
      text: r.text,
      score,
      channel,
      guideline,
      noRule,
      problems,
      known: false,
      key,
    }
  })
  const known = new Set(
    (
      await db.customerSignal.findMany({
        where: { importKey: { in: rows.map((r) => r.key) } },
        select: { importKey: true },
      })
    ).map((s) => s.importKey),
  )
  for (const row of rows) row.known = known.has(row.key)
  const summary = {
    rows: rows.length,
    add: rows.filter((r) => !r.known && !r.problems.length).length,
    known: rows.filter((r) => r.known).length,
    problems: rows.filter((r) => r.problems.length).length,
  }
  return { rows, summary }
}

/**
 * May this user import signals at all: whoever manages some region's signals (its manager, the
 * admin). Each row is then checked against its own region.
 */
export function requireSignalImport(ability: AppAbility) {
  authorize(ability, 'update', 'CustomerSignal')
}

export async function previewSignalImport(ability: AppAbility, text: string, now = new Date()) {
  requireSignalImport(ability)
  return plan(prisma, ability, text, now)
}

/** Applies the file in one transaction: any row with a problem refuses the whole file. */
export async function applySignalImport(ability: AppAbility, actorId: string, text: string, now = new Date()) {
  requireSignalImport(ability)
  return prisma.$transaction(
    async (tx) => {
      const { rows, summary } = await plan(tx, ability, text, now)
      if (summary.problems) throw new Invalid('import.errors.fixFirst', 'file')
      const fresh = rows.filter((r) => !r.known)
      // The version of the guideline current on the day the customer said it (for before/after).
      const versions = await tx.guidelineVersion.findMany({
        where: { guidelineId: { in: [...new Set(fresh.flatMap((r) => (r.guideline ? [r.guideline.id] : [])))] } },
        select: { guidelineId: true, number: true, publishedAt: true },
        orderBy: { number: 'asc' },
      })
      const data = fresh.map((r) => {
        const occurredAt = new Date(startOfDayInOrganisation(r.date).getTime() + 12 * 3_600_000)
        const current = versions.filter((v) => v.guidelineId === r.guideline?.id && v.publishedAt <= occurredAt).at(-1)
        return {
          regionId: r.region!.id,
          kind: r.kind!,
          channel: r.channel,
          said: r.text,
          score: r.score,
          guidelineId: r.guideline?.id ?? null,
          principleId: r.guideline?.principleId ?? null,
          versionNumber: current?.number ?? null,
          noRule: r.noRule,
          occurredAt,
          authorId: null,
          importKey: r.key,
        }
      })
      // A row that another import added meanwhile is skipped, not an error (the key is unique).
      const added = data.length ? (await tx.customerSignal.createMany({ data, skipDuplicates: true })).count : 0
      const regionIds = [...new Set(data.map((d) => d.regionId))]
      for (const regionId of regionIds) {
        await recordAudit(tx, {
          actorId,
          action: 'signals.import',
          subjectType: 'Region',
          subjectId: regionId,
          regionId,
          after: { added: data.filter((d) => d.regionId === regionId).length },
        })
      }
      return { added, known: summary.known }
    },
    { timeout: 60_000 },
  )
}
