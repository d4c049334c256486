// Bad input of every shape, on every action and loader, as every role: never a 500, never a row
// written. The shapes are those an outside sweep sent (JSON, plain text, no content type, broken
// multipart, a NUL byte, an out-of-range number, an impossible date); the routes are found by
// reading app/routes, so a new route is swept without anyone adding it here.
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { listPhraseFamilies } from '~/models/tone.server.ts'
import { prisma } from '~/utils/db.server.ts'
import { makeGuideline, makeOrganisation, makePrinciple, signInRoles } from '../factories.ts'
import { callRoute, type Outcome } from '../route-helpers.ts'

const routeFiles = fs
  .readdirSync(path.resolve('app/routes'))
  .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes('.test.'))
type RouteModule = { loader?: (...args: never[]) => unknown; action?: (...args: never[]) => unknown }

/** The intents a route's forms send (the first is used when a shape needs one). */
function intentsOf(file: string): string[] {
  const source = fs.readFileSync(path.resolve('app/routes', file), 'utf8')
  return [...source.matchAll(/intent\('([\w-]+)'/g)].map((m) => m[1]!)
}

/** Every table's row count and latest change: equal before and after means nothing was written. */
let snapshotSql = ''
async function snapshot(): Promise<string> {
  if (!snapshotSql) {
    const tables = await prisma.$queryRaw<{ table: string; updated: boolean }[]>`
      SELECT t.tablename AS "table",
        EXISTS (SELECT 1 FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.table_name = t.tablename AND c.column_name = 'updatedAt') AS updated
      FROM pg_tables t WHERE t.schemaname = 'public' AND t.tablename NOT IN ('_prisma_migrations', 'HealthCheck')
      ORDER BY 1`
    snapshotSql = `SELECT concat_ws('|', ${tables
      .map(
        ({ table, updated }) =>
          `(SELECT count(*)::text${updated ? ` || '@' || coalesce(max("updatedAt")::text, '')` : ''} FROM "${table}")`,
      )
      .join(', ')}) AS state`
  }
  const [row] = await prisma.$queryRawUnsafe<{ state: string }[]>(snapshotSql)
  return row!.state
}

const NUL = 'a\u0000b'
const encode = (text: string) => new TextEncoder().encode(text)

/** Shapes every action must refuse whole: 4xx, nothing written. */
const SHAPES: [
  string,
  (intent: string) => { form?: Record<string, string>; raw?: { body: BodyInit; contentType?: string } },
][] = [
  ['JSON', (intent) => ({ raw: { body: JSON.stringify({ intent, title: 'x' }), contentType: 'application/json' } })],
  ['plain text', (intent) => ({ raw: { body: `intent=${intent}&title=x`, contentType: 'text/plain' } })],
  ['no content type', (intent) => ({ raw: { body: encode(`intent=${intent}&title=x`) } })],
  [
    'broken multipart',
    () => ({ raw: { body: '--X\r\nContent-Disposition: form-da', contentType: 'multipart/form-data; boundary=X' } }),
  ],
  [
    'a NUL byte in every field',
    (intent) => ({
      form: Object.fromEntries(
        [
          'title',
          'body',
          'changeNote',
          'comment',
          'said',
          'note',
          'answer',
          'name',
          'email',
          'reason',
          'patterns',
          'explanation',
          'suggestion',
          'description',
          'password',
          'currentPassword',
          'newPassword',
          'confirmPassword',
          'group',
        ]
          .map((field): [string, string] => [field, NUL])
          .concat([['intent', intent]]),
      ),
    }),
  ],
  [
    'a NUL byte in a multipart field',
    (intent) => {
      const form = new FormData()
      form.set('intent', intent)
      form.set('title', NUL)
      return { raw: { body: form } }
    },
  ],
]

describe('bad input', () => {
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let cookies: Record<'admin' | 'hq' | 'manager' | 'frontline', string>
  let params: Record<string, string>

  beforeAll(async () => {
    org = await makeOrganisation()
    const signedIn = await signInRoles(org, ['admin', 'hq', 'manager', 'frontline'] as const)
    cookies = signedIn.cookies
    await listPhraseFamilies(signedIn.abilities.admin) // the default families arrive on first read, not with bad input
    const principle = await makePrinciple(org.users.hq.id, { status: 'consultation', publishedVersion: 1 })
    const guideline = await makeGuideline(org.users.manager.id, {
      regionId: org.regionA.id,
      principleId: principle.id,
      status: 'published',
      publishedVersion: 1,
    })
    params = {
      slug: principle.slug,
      number: '1',
      guidelineId: guideline.id,
      regionId: org.regionA.id,
      userId: org.users.member.id,
      familyId: 'nope',
      mailId: 'nope',
      notificationId: 'nope',
      kind: 'digest',
      signature: 'nope',
    }
  })

  const actionFiles = routeFiles.filter((file) =>
    /export (const|async function) action\b/.test(fs.readFileSync(path.resolve('app/routes', file), 'utf8')),
  )

  it('finds the actions', () => {
    expect(actionFiles.length).toBeGreaterThanOrEqual(20)
  })

  for (const file of actionFiles) {
    it(`${file}: every shape of bad input is a 4xx and writes nothing, for every role`, async () => {
      const mod = (await import(`~/routes/${file}`)) as RouteModule
      const intent = intentsOf(file)[0] ?? 'x'
      for (const [shape, make] of SHAPES) {
        for (const [role, cookie] of Object.entries(cookies)) {
          const before = await snapshot()
          const outcome: Outcome = await callRoute(mod.action as never, { cookie, params, ...make(intent) })
          const label = `${file} · ${shape} · ${role}`
          expect(outcome.status, label).toBeGreaterThanOrEqual(400)
          expect(outcome.status, label).toBeLessThan(500)
          expect(await snapshot(), label).toBe(before)
        }
      }
    })
  }

  for (const file of routeFiles) {
    it(`${file}: a loader given NUL bytes and junk in its address and query answers without a 500`, async () => {
      const mod = (await import(`~/routes/${file}`)) as RouteModule
      if (!mod.loader) return
      const query = new URLSearchParams({ before: '\u0000', q: NUL, status: NUL, text: NUL, redirectTo: '/\u3000/x' })
      for (const junk of [{ ...params }, Object.fromEntries(Object.keys(params).map((k) => [k, NUL]))]) {
        const outcome = await callRoute(mod.loader as never, {
          cookie: cookies.admin,
          params: junk,
          path: `/?${query}`,
        })
        expect(outcome.status, file).toBeLessThan(500)
      }
    })
  }
})

describe('numbers and dates are read strictly: out of range or impossible is a 400 naming the field', () => {
  let org: Awaited<ReturnType<typeof makeOrganisation>>
  let cookies: Record<'hq' | 'manager' | 'frontline', string>
  const routes = {} as Record<string, RouteModule>
  const ids = {} as Record<
    'slug' | 'principleId' | 'published' | 'review' | 'regionId' | 'familyId' | 'roundId',
    string
  >

  beforeAll(async () => {
    org = await makeOrganisation()
    const signedIn = await signInRoles(org, ['hq', 'manager', 'frontline'] as const)
    cookies = signedIn.cookies
    const families = await listPhraseFamilies(signedIn.abilities.hq)
    const principle = await makePrinciple(org.users.hq.id, { status: 'consultation', publishedVersion: 1 })
    const guideline = (status: 'published' | 'review') =>
      makeGuideline(org.users.manager.id, {
        regionId: org.regionA.id,
        principleId: principle.id,
        status,
        publishedVersion: status === 'published' ? 1 : 0,
      })
    Object.assign(ids, {
      slug: principle.slug,
      principleId: principle.id,
      published: (await guideline('published')).id,
      review: (await guideline('review')).id,
      regionId: org.regionA.id,
      familyId: families[0]!.id,
    })
    // A customer panel round on the draft in review, for the link count below.
    ids.roundId = (
      await prisma.customerConsultation.create({
        data: {
          guidelineId: ids.review,
          regionId: org.regionA.id,
          title: 'Ronde',
          body: {},
          question1: 'Vraag?',
          closesAt: new Date(Date.now() + 7 * 86_400_000),
        },
      })
    ).id
    for (const file of [
      'principles.$slug.edit.tsx',
      'principles.$slug._index.tsx',
      'principles._index.tsx',
      'guidelines.$guidelineId._index.tsx',
      'handbook.$regionId.$guidelineId.tsx',
      'tone.$familyId.tsx',
      'regions.$regionId_.signals.tsx',
      'panels.$roundId.tsx',
    ]) {
      routes[file] = (await import(`~/routes/${file}`)) as RouteModule
    }
  })

  const HUGE = ['2147483648', '99999999999', '-1', '1e3', '0x10', ' ', 'abc', '1.5']
  const IMPOSSIBLE = ['2026-02-30', '0000-00-00', '2026-13-01', '2026-00-10', '1899-12-31', '2026-1-1', '']

  const cases: [string, () => [string, Record<string, string>, string, Record<string, string>], string[]][] = [
    [
      'a principle save: revision',
      () => ['principles.$slug.edit.tsx', { slug: ids.slug }, 'hq', { title: 'Titel', body: '{}', revision: '' }],
      HUGE,
    ],
    [
      'a principle publication: revision',
      () => [
        'principles.$slug._index.tsx',
        { slug: ids.slug },
        'hq',
        { intent: 'publish', changeNote: 'Nieuw', revision: '' },
      ],
      HUGE,
    ],
    [
      'a consultation: endsAt',
      () => ['principles.$slug._index.tsx', { slug: ids.slug }, 'hq', { intent: 'open-consultation', endsAt: '' }],
      IMPOSSIBLE,
    ],
    [
      "HQ's order: position",
      () => ['principles._index.tsx', {}, 'hq', { principleId: ids.principleId, direction: 'up', position: '' }],
      HUGE,
    ],
    [
      'a guideline publication: reviewBy',
      () => [
        'guidelines.$guidelineId._index.tsx',
        { guidelineId: ids.review },
        'manager',
        { intent: 'publish', changeNote: 'Eerste versie', revision: '1', reviewBy: '' },
      ],
      IMPOSSIBLE,
    ],
    [
      'a guideline publication: confirmBy',
      () => [
        'guidelines.$guidelineId._index.tsx',
        { guidelineId: ids.review },
        'manager',
        { intent: 'publish', changeNote: 'Eerste versie', revision: '1', reviewBy: '2027-01-01', confirmBy: '' },
      ],
      IMPOSSIBLE.filter(Boolean),
    ],
    [
      'customer input: heardOn',
      () => [
        'guidelines.$guidelineId._index.tsx',
        { guidelineId: ids.review },
        'manager',
        { intent: 'add-input', said: 'Dat duurde lang', source: 'conversation', heardOn: '' },
      ],
      IMPOSSIBLE,
    ],
    [
      'a read confirmation: version',
      () => [
        'handbook.$regionId.$guidelineId.tsx',
        { regionId: ids.regionId, guidelineId: ids.published },
        'frontline',
        { intent: 'acknowledge', version: '' },
      ],
      HUGE,
    ],
    [
      'the complaint threshold',
      () => [
        'regions.$regionId_.signals.tsx',
        { regionId: ids.regionId },
        'manager',
        { intent: 'threshold', threshold: '' },
      ],
      [...HUGE, '0', '1001'],
    ],
    [
      'customer panel links: count',
      () => ['panels.$roundId.tsx', { roundId: ids.roundId }, 'manager', { intent: 'links', count: '' }],
      [...HUGE, '0', '201'],
    ],
    [
      'a customer panel round: closesOn',
      () => [
        'guidelines.$guidelineId._index.tsx',
        { guidelineId: ids.review },
        'manager',
        { intent: 'open-panel', question1: 'Is dit duidelijk?', closesOn: '' },
      ],
      IMPOSSIBLE,
    ],
    [
      'a phrase family save: revision',
      () => [
        'tone.$familyId.tsx',
        { familyId: ids.familyId },
        'hq',
        {
          name: 'Naam van de familie',
          patterns: 'nu eenmaal beleid',
          explanation: 'Een uitleg van voldoende lengte.',
          suggestion: 'Een betere zin van voldoende lengte.',
          enabled: 'on',
          revision: '',
        },
      ],
      HUGE.filter((value) => value !== ' '),
    ],
  ]

  for (const [name, make, values] of cases) {
    it(name, async () => {
      const [file, params, role, form] = make()
      const field = Object.entries(form).find(([, value]) => value === '')![0]
      for (const value of values) {
        const before = await snapshot()
        const outcome = await callRoute(routes[file]!.action as never, {
          cookie: cookies[role as keyof typeof cookies],
          params,
          form: { ...form, [field]: value },
        })
        expect(outcome.status, `${field}=${JSON.stringify(value)}`).toBe(400)
        const errors = (outcome.data as { result?: { error?: Record<string, string[]> } }).result?.error ?? {}
        expect(Object.keys(errors), `${field}=${JSON.stringify(value)}`).toContain(field)
        expect(await snapshot(), `${field}=${JSON.stringify(value)}`).toBe(before)
      }
    })
  }
})
