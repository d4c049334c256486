// Search quality, measured: realistic guidelines written for this test (not the demo) and
// questions as people type them at a counter, each with the guideline(s) that answer it.
// Two parts, written independently: `dev` shaped the synonym defaults and the ranking; `test`
// (held out) was never looked at while tuning. Prints recall@1, recall@3, MRR and the share of
// queries without any result, per part and per kind of query; `npx vitest run search-quality`
// runs it alone. SEARCH_QUALITY_FILE=/path/to/set.json measures another set of the same shape.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from '~/editor/document.ts'
import { publishGuideline } from '~/models/guideline.server.ts'
import { searchHandbook } from '~/models/search.server.ts'
import { defineAbilityFor } from '~/permissions/ability.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, makeRegion } from '../factories.ts'

type QualitySet = {
  principles: { key: string; title: string }[]
  guidelines: { key: string; principle: string; title: string; body: string[] }[]
  queries: { q: string; answers: string[]; kind?: string }[]
}

type Scores = { queries: number; recall1: number; recall3: number; mrr: number; noResult: number }

const load = (file: string): QualitySet =>
  JSON.parse(readFileSync(new URL(`../search-quality/${file}`, import.meta.url), 'utf8')) as QualitySet

const parts: [string, QualitySet][] = process.env.SEARCH_QUALITY_FILE
  ? [['extern', JSON.parse(readFileSync(process.env.SEARCH_QUALITY_FILE, 'utf8')) as QualitySet]]
  : [
      ['dev', load('dev.json')],
      ['test', load('test.json')],
    ]

let org: Awaited<ReturnType<typeof makeOrganisation>>
let ability: ReturnType<typeof defineAbilityFor>
const results = new Map<string, { kind: string; rank: number; hits: number }[]>()

/** Publishes a set's guidelines in a region of their own; returns key → guideline id. */
async function publishSet(set: QualitySet): Promise<{ regionId: string; ids: Map<string, string> }> {
  const region = await makeRegion()
  await prisma.membership.create({ data: { userId: org.users.manager.id, regionId: region.id, role: 'manager' } })
  const manager = defineAbilityFor(
    await prisma.user.findUniqueOrThrow({ where: { id: org.users.manager.id }, include: { memberships: true } }),
  )
  const principles = new Map<string, string>()
  for (const [index, p] of set.principles.entries()) {
    // Principle titles are unique in a database the PostgreSQL test files share.
    const title = `${p.title} (${region.slug}-${index})`
    principles.set(
      p.key,
      (await makePrinciple(org.users.hq.id, { status: 'published', publishedVersion: 1, title })).id,
    )
  }
  const ids = new Map<string, string>()
  for (const g of set.guidelines) {
    const made = await makeGuideline(org.users.manager.id, {
      regionId: region.id,
      principleId: principles.get(g.principle)!,
      title: g.title,
    })
    const parsed = parseDocument(
      JSON.stringify({
        type: 'doc',
        content: g.body.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
      }),
    )
    if (!parsed.ok) throw new Error(parsed.error)
    await prisma.guideline.update({ where: { id: made.id }, data: { body: parsed.json, bodyText: parsed.text } })
    await publishGuideline(manager, org.users.manager.id, made.id, {
      changeNote: 'v1',
      reviewBy: new Date(Date.now() + 365 * 86_400_000),
      baseRevision: 1,
    })
    ids.set(g.key, made.id)
  }
  return { regionId: region.id, ids }
}

function score(ranks: { rank: number; hits: number }[]): Scores {
  const n = ranks.length || 1
  return {
    queries: ranks.length,
    recall1: ranks.filter((r) => r.rank === 1).length / n,
    recall3: ranks.filter((r) => r.rank >= 1 && r.rank <= 3).length / n,
    mrr: ranks.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / n,
    noResult: ranks.filter((r) => r.hits === 0).length / n,
  }
}

const fmt = (s: Scores) =>
  `n=${String(s.queries).padStart(3)}  recall@1 ${s.recall1.toFixed(3)}  recall@3 ${s.recall3.toFixed(3)}  MRR ${s.mrr.toFixed(3)}  no result ${(100 * s.noResult).toFixed(1)} %`

beforeAll(async () => {
  org = await makeOrganisation()
  ability = defineAbilityFor(
    await prisma.user.findUniqueOrThrow({ where: { id: org.users.hq.id }, include: { memberships: true } }),
  )
  for (const [name, set] of parts) {
    const { regionId, ids } = await publishSet(set)
    const misses: string[] = []
    const ranks = []
    for (const query of set.queries) {
      const hits = await searchHandbook(ability, regionId, query.q)
      const answers = new Set(query.answers.map((key) => ids.get(key)))
      const rank = hits.findIndex((hit) => answers.has(hit.id)) + 1
      if (rank === 0 || rank > 3)
        misses.push(
          `  ${query.kind ?? ''}: "${query.q}" → ${
            hits
              .slice(0, 3)
              .map((h) => h.title)
              .join(' | ') || '(niets)'
          }`,
        )
      ranks.push({ kind: query.kind ?? 'other', rank, hits: hits.length })
    }
    results.set(name, ranks)
    const lines = [`search quality, ${name} part (${set.guidelines.length} guidelines): ${fmt(score(ranks))}`]
    for (const kind of [...new Set(ranks.map((r) => r.kind))].sort())
      lines.push(`  ${kind.padEnd(11)} ${fmt(score(ranks.filter((r) => r.kind === kind)))}`)
    if (process.env.SEARCH_QUALITY_MISSES) lines.push('not in the top 3:', ...misses)
    console.log(lines.join('\n'))
  }
}, 300_000)

describe('search quality', () => {
  it.each(parts.map(([name]) => name))(
    '%s part: the right rule in the top three nearly always, almost never nothing',
    (name) => {
      const s = score(results.get(name)!)
      // The held-out part reached 0.82 when first measured (README): the assertion guards against getting worse.
      expect(s.recall3).toBeGreaterThanOrEqual(name === 'test' ? 0.8 : 0.9)
      expect(s.noResult).toBeLessThanOrEqual(0.03)
    },
  )
})
