// Handbook search, the way people ask at a counter. The question is analysed first
// (app/search/query.ts: people's words → the rule's words through HQ's synonym groups, question
// and filler words set aside, compounds joined and split, typos corrected against the vocabulary
// of published words), then one SQL statement ranks the region's current guidelines
// (SearchEntry, kept by triggers — never drafts, old versions or other regions) by which and how
// many of the asked things each contains: a rare word counts more than a common one (idf within
// the region), a match in the title half again, the principle's title less, all words close
// together more (cover density). No word blocks a result because it is absent.
//
// The ability must allow reading the region's handbook first, and the SQL returns nothing else,
// so search never shows what a guideline page would refuse.
import type { AppAbility } from '~/permissions/ability.ts'
import {
  analyseQuery,
  completeConcepts,
  normalisedQuery,
  tsqueryOf,
  type Concept,
  type Vocabulary,
} from '~/search/query.ts'
import { prisma, readingDb } from '~/utils/db.server.ts'
import { authorizeHandbook } from './handbook.server.ts'
import { searchLexicon } from './search-synonyms.server.ts'

export const SNIPPET_START = '\u0002'
export const SNIPPET_END = '\u0003'
const MAX_RESULTS = 20
/** How many of the best-scoring rules are re-ranked by how close together the asked words are. */
const CLOSENESS_CANDIDATES = 50
/** pg_trgm similarity from which a published word counts as what a misspelt search word meant. */
const TYPO_THRESHOLD = 0.25
/** How many resembling words a misspelt word is replaced by. */
const CORRECTIONS_PER_WORD = 3
/** How many published compounds a word is widened to ("bon" → "kassabon", "retourbon"). */
const COMPOUNDS_PER_WORD = 6
/** A matched synonym group is a known counter topic: it counts this much more than a loose word. */
const TOPIC_WEIGHT = 1.3

export type SnippetPart = { text: string; hit: boolean }
export type SearchHit = {
  id: string
  title: string
  principleTitle: string
  snippet: SnippetPart[]
  /** Found only through a correction, a compound or the principle's title: "similar words". */
  approximate: boolean
}
export type SearchResult = {
  hits: SearchHit[]
  /** When nothing matched: the region's rules whose titles resemble the question most. */
  closest: { id: string; title: string; principleTitle: string }[]
}

/** ts_headline's output split into plain and matched parts (so the browser never gets markup). */
export function snippetParts(snippet: string): SnippetPart[] {
  return snippet
    .split(SNIPPET_START)
    .flatMap((chunk, i) => {
      if (i === 0) return [{ text: chunk, hit: false }]
      const [hit = '', rest = ''] = chunk.split(SNIPPET_END)
      return [
        { text: hit, hit: true },
        { text: rest, hit: false },
      ]
    })
    .filter((part) => part.text.length > 0)
}

export type SearchOptions = {
  /** The last word may be incomplete (search as you type): it also counts as a prefix. */
  typing?: boolean
  /** Count a search that finds nothing in the region's gaps (words only, never who asked). */
  recordMiss?: boolean
}

/** The ranked hits for a question in one region's handbook. */
export async function searchHandbook(
  ability: AppAbility,
  regionId: string,
  query: string,
  options: SearchOptions = {},
): Promise<SearchHit[]> {
  return (await searchHandbookWithFallback(ability, regionId, query, { ...options, closest: false })).hits
}

/** Hits, and when there are none the closest rules (and the miss counted, if asked). */
export async function searchHandbookWithFallback(
  ability: AppAbility,
  regionId: string,
  query: string,
  options: SearchOptions & { closest?: boolean } = {},
): Promise<SearchResult> {
  authorizeHandbook(ability, regionId)
  const lexicon = await searchLexicon()
  const analysis = analyseQuery(query, lexicon, options.typing)
  if (!analysis.concepts.length) return { hits: [], closest: [] }
  const concepts = completeConcepts(analysis, await vocabulary(analysis.lookups), lexicon)
  const hits = await rankedHits(regionId, concepts)
  if (hits.length) return { hits, closest: [] }
  if (options.recordMiss) await recordMiss(regionId, query)
  return { hits, closest: options.closest === false ? [] : await closestRules(regionId, analysis.words.join(' ')) }
}

/** One statement asks the vocabulary of published words about every word of the question. */
async function vocabulary(lookups: { exact: string[]; parts: string[]; typos: string[] }): Promise<Vocabulary> {
  const rows = await readingDb().$queryRaw<{ kind: 'known' | 'compound' | 'typo'; token: string; word: string }[]>`
    /* prepared */ SELECT 'known' AS kind, "word" AS token, "word" FROM "SearchWord" WHERE "word" = ANY(${lookups.exact}::text[])
    UNION ALL
    SELECT 'compound', t.token, w."word"
    FROM unnest(${lookups.parts}::text[]) AS t(token)
    CROSS JOIN LATERAL (
      SELECT "word" FROM "SearchWord"
      WHERE ("word" LIKE t.token || '%' OR "word" LIKE '%' || t.token) AND length("word") >= length(t.token) + 3
      ORDER BY length("word"), "word" LIMIT ${COMPOUNDS_PER_WORD}
    ) AS w
    UNION ALL
    SELECT 'typo', t.token, w."word"
    FROM unnest(${lookups.typos}::text[]) AS t(token)
    CROSS JOIN LATERAL (
      SELECT "word" FROM "SearchWord" ORDER BY "word" <-> t.token LIMIT ${CORRECTIONS_PER_WORD}
    ) AS w
    WHERE similarity(w."word", t.token) >= ${TYPO_THRESHOLD}
      AND NOT EXISTS (SELECT 1 FROM "SearchWord" s WHERE s."word" = t.token)`
  const result: Vocabulary = { known: new Set(), compounds: new Map(), corrections: new Map() }
  for (const { kind, token, word } of rows) {
    // Only plain words become search terms (the vocabulary may hold e.g. hyphenated parts).
    if (!/^[\p{L}\p{N}]+$/u.test(word)) continue
    if (kind === 'known') result.known.add(word)
    else {
      const map = kind === 'compound' ? result.compounds : result.corrections
      map.set(token, [...(map.get(token) ?? []), word])
    }
  }
  return result
}

type Row = { id: string; title: string; principleTitle: string; snippet: string; approximate: boolean }

/**
 * The ranking. Per concept c and guideline g: hit = 1 when g's title or text has one of c's own
 * words or synonyms, 0.7 when only a compound, split or correction, 0.4 when only the principle's
 * title; score(g) = Σ hit × ln(1 + (N + 1) / (df + 0.5)) × (1.5 if in the title) + cover density
 * of all concepts together. N = the region's current guidelines, df = those containing c.
 */
async function rankedHits(regionId: string, concepts: Concept[]): Promise<SearchHit[]> {
  const all = (c: Concept) => [...c.main, ...c.weak]
  const columns = {
    mainText: concepts.map((c) => tsqueryOf(c.main, 'AD')),
    mainTitle: concepts.map((c) => tsqueryOf(c.main, 'A')),
    weakText: concepts.map((c) => tsqueryOf(c.weak, 'AD')),
    weakTitle: concepts.map((c) => tsqueryOf(c.weak, 'A')),
    why: concepts.map((c) => tsqueryOf(all(c), 'C')),
    weight: concepts.map((c) => (c.topic ? TOPIC_WEIGHT : 1)),
  }
  const anyQuery = concepts.map((c) => tsqueryOf(all(c), '')).filter(Boolean)
  if (!anyQuery.length) return []
  const everyQuery = anyQuery.map((q) => `(${q})`).join(' & ')
  const rows = await readingDb().$queryRaw<Row[]>`
    /* prepared */
    -- MATERIALIZED: each concept's queries are parsed and stemmed once, not once per guideline.
    WITH c AS MATERIALIZED (
      SELECT ord, x.weight,
        CASE WHEN x.main_text <> '' THEN to_tsquery('dutch', x.main_text) END AS main_text,
        CASE WHEN x.main_title <> '' THEN to_tsquery('dutch', x.main_title) END AS main_title,
        CASE WHEN x.weak_text <> '' THEN to_tsquery('dutch', x.weak_text) END AS weak_text,
        CASE WHEN x.weak_title <> '' THEN to_tsquery('dutch', x.weak_title) END AS weak_title,
        CASE WHEN x.why <> '' THEN to_tsquery('dutch', x.why) END AS why
      FROM unnest(${columns.mainText}::text[], ${columns.mainTitle}::text[], ${columns.weakText}::text[],
        ${columns.weakTitle}::text[], ${columns.why}::text[], ${columns.weight}::float8[])
        WITH ORDINALITY AS x(main_text, main_title, weak_text, weak_title, why, weight, ord)
    ),
    q AS (SELECT to_tsquery('dutch', ${anyQuery.join(' | ')}) AS any_q, to_tsquery('dutch', ${everyQuery}) AS every_q),
    hits AS (
      SELECT e."guidelineId", e."title", e."bodyText", e."principleTitle", e."doc"
      FROM "SearchEntry" e, q WHERE e."regionId" = ${regionId} AND e."doc" @@ q.any_q
    ),
    m AS (
      SELECT h."guidelineId" AS id, c.ord, c.weight,
        CASE WHEN coalesce(h."doc" @@ c.main_text, false) THEN 1.0
          WHEN coalesce(h."doc" @@ c.weak_text, false) THEN 0.7
          WHEN coalesce(h."doc" @@ c.why, false) THEN 0.4 ELSE 0 END AS hit,
        coalesce(h."doc" @@ c.main_title, false) OR coalesce(h."doc" @@ c.weak_title, false) AS in_title,
        coalesce(h."doc" @@ c.main_text, false) AS exact
      FROM hits h CROSS JOIN c
    ),
    df AS (SELECT ord, count(*) FILTER (WHERE hit > 0) AS df FROM m GROUP BY ord),
    n AS (SELECT count(*)::float8 AS n FROM "SearchEntry" WHERE "regionId" = ${regionId}),
    scored AS (
      SELECT m.id,
        sum(m.weight * m.hit * ln(1 + (n.n + 1) / (df.df + 0.5)) * CASE WHEN m.in_title THEN 1.5 ELSE 1 END)::float8 AS score,
        NOT bool_or(m.exact) AS approximate
      FROM m JOIN df USING (ord) CROSS JOIN n GROUP BY m.id
    ),
    -- Cover density (closeness) is costly: only the best candidates by concept score get it.
    best AS (SELECT * FROM scored WHERE score > 0 ORDER BY score DESC LIMIT ${CLOSENESS_CANDIDATES}),
    top AS (
      SELECT h."guidelineId" AS id, h."title", h."bodyText", h."principleTitle", b.approximate,
        b.score + 2 * ts_rank_cd(h."doc", q.every_q)::float8 AS score
      FROM best b JOIN "SearchEntry" h ON h."guidelineId" = b.id CROSS JOIN q
      ORDER BY score DESC, h."title"
      LIMIT ${MAX_RESULTS}
    )
    SELECT t.id, t."title", t."principleTitle", t.approximate,
      ts_headline('dutch', t."title" || '. ' || t."bodyText", q.any_q,
        ${`StartSel=${SNIPPET_START}, StopSel=${SNIPPET_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) AS "snippet"
    FROM top t CROSS JOIN q
    ORDER BY t.score DESC, t."title"`
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    principleTitle: r.principleTitle,
    snippet: snippetParts(r.snippet),
    approximate: r.approximate,
  }))
}

/** Below this trigram resemblance a title is not offered as "perhaps you mean". */
const CLOSEST_THRESHOLD = 0.3

/** The region's rules whose titles (or principle titles) resemble the question most (none that do not). */
export function closestRules(regionId: string, words: string) {
  if (!words) return Promise.resolve([])
  return readingDb().$queryRaw<{ id: string; title: string; principleTitle: string }[]>`
    /* prepared */ SELECT id, "title", "principleTitle" FROM (
      SELECT "guidelineId" AS id, "title", "principleTitle",
        greatest(word_similarity(${words}, "title"), 0.5 * word_similarity(${words}, "principleTitle")) AS resemblance
      FROM "SearchEntry" WHERE "regionId" = ${regionId}
    ) AS r
    WHERE resemblance >= ${CLOSEST_THRESHOLD}
    ORDER BY resemblance DESC, "title"
    LIMIT 3`
}

/** First day of the current month (UTC), the unit the gaps are counted in. */
export function monthOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1))
}

async function recordMiss(regionId: string, query: string) {
  const words = normalisedQuery(query)
  if (!words) return
  await prisma.$executeRaw`
    INSERT INTO "SearchMiss" ("regionId", "month", "query", "count") VALUES (${regionId}, ${monthOf(new Date())}::date, ${words}, 1)
    ON CONFLICT ("regionId", "month", "query") DO UPDATE SET "count" = "SearchMiss"."count" + 1`
}
