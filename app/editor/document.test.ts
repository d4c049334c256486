import { describe, expect, it } from 'vitest'
import { MAX_DOCUMENT_CHARS, MAX_DOCUMENT_DEPTH, parseDocument } from './document.ts'
import { hasRoom, roomOf } from './frame.ts'
import { renderDocumentHtml } from './render.server.ts'

const text = (value: string, marks?: unknown[]) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
const doc = (...content: unknown[]) => JSON.stringify({ type: 'doc', content })
/** Written as text: JSON.stringify itself cannot go 20 000 deep. */
const quoted = (depth: number) =>
  `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}${JSON.stringify(paragraph(text('diep')))}${']}'.repeat(depth)}]}`
const linked = (href: string) => doc(paragraph(text('klik', [{ type: 'link', attrs: { href } }])))

const policy = doc(
  { type: 'heading', attrs: { level: 2 }, content: [text('Waarom')] },
  paragraph(
    text('De klant '),
    text('beslist', [{ type: 'bold' }]),
    text(' en '),
    text('wij', [{ type: 'italic' }]),
    text(' helpen.'),
  ),
  { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('Eén'))] }] },
  { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('Twee'))] }] },
  { type: 'blockquote', content: [paragraph(text('Citaat'))] },
  paragraph(
    text('Meer op '),
    text('de site', [{ type: 'link', attrs: { href: 'https://example.org/beleid' } }]),
    text(' of '),
    text('mail', [{ type: 'link', attrs: { href: 'mailto:hq@example.org' } }]),
  ),
)

describe('parseDocument', () => {
  it('accepts everything the editor can make and projects it to plain text', () => {
    const result = parseDocument(policy)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.text).toBe('Waarom\nDe klant beslist en wij helpen.\n• Eén\n• Twee\nCitaat\nMeer op de site of mail')
  })

  it('drops attributes the schema does not declare', () => {
    const result = parseDocument(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [text('x')] }))
    expect(result.ok && JSON.stringify(result.json)).not.toContain('onclick')
  })

  it.each([
    ['not JSON', '{"type":"doc",', 'editor.errors.notADocument'],
    ['not a document', JSON.stringify({ type: 'paragraph' }), 'editor.errors.notADocument'],
    ['HTML instead of JSON', '<p>hallo</p>', 'editor.errors.notADocument'],
    ['an unknown node', doc({ type: 'iframe', attrs: { src: 'https://evil.test' } }), 'editor.errors.unknownContent'],
    ['a script node', doc({ type: 'script', content: [text('alert(1)')] }), 'editor.errors.unknownContent'],
    ['an unknown mark', doc(paragraph(text('x', [{ type: 'code' }]))), 'editor.errors.unknownContent'],
    ['a disabled mark (strike)', doc(paragraph(text('x', [{ type: 'strike' }]))), 'editor.errors.unknownContent'],
    [
      'a heading level outside 2–3',
      doc({ type: 'heading', attrs: { level: 1 }, content: [text('x')] }),
      'editor.errors.unknownContent',
    ],
    [
      'a list item outside a list',
      doc({ type: 'listItem', content: [paragraph(text('x'))] }),
      'editor.errors.unknownContent',
    ],
    ['a javascript: link', linked('javascript:alert(1)'), 'editor.errors.unsafeLink'],
    ['a JavaScript: link in capitals', linked('JavaScript:alert(1)'), 'editor.errors.unsafeLink'],
    ['a javascript: link with a tab in it', linked('java\tscript:alert(1)'), 'editor.errors.unsafeLink'],
    ['a link with leading whitespace', linked(' javascript:alert(1)'), 'editor.errors.unsafeLink'],
    ['a data: link', linked('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='), 'editor.errors.unsafeLink'],
    ['a vbscript: link', linked('vbscript:msgbox(1)'), 'editor.errors.unsafeLink'],
    ['a protocol-relative link', linked('//evil.test/x'), 'editor.errors.unsafeLink'],
    ['a relative link', linked('/admin'), 'editor.errors.unsafeLink'],
    ['an empty document', doc({ type: 'paragraph' }), 'editor.errors.empty'],
    ['an oversized document', doc(paragraph(text('x'.repeat(MAX_DOCUMENT_CHARS)))), 'editor.errors.tooLarge'],
    ['quotes nested 1 000 deep', quoted(1000), 'editor.errors.tooDeep'],
    ['quotes nested 5 000 deep', quoted(5000), 'editor.errors.tooDeep'],
    ['a NUL character in the text', doc(paragraph(text('a\u0000b'))), 'editor.errors.badCharacter'],
    ['half a surrogate pair in the text', doc(paragraph(text('a\ud800b'))), 'editor.errors.badCharacter'],
    ['a NUL character in a link', linked('https://example.org/\u0000'), 'editor.errors.badCharacter'],
  ])('refuses %s', (_name, raw, error) => {
    expect(parseDocument(raw)).toEqual({ ok: false, error })
  })
})

describe('parseDocument: what authors write', () => {
  it('accepts lists nested as deep as authors nest them', () => {
    expect(parseDocument(quoted(MAX_DOCUMENT_DEPTH - 2)).ok).toBe(true)
  })

  it('keeps a pair of surrogates (an emoji) and other characters outside Latin-1', () => {
    const result = parseDocument(doc(paragraph(text('Top 👍 — 日本 ǅ'))))
    expect(result.ok && result.text).toBe('Top 👍 — 日本 ǅ')
  })

  it("stores only a link's address: the author's rel, target and class are dropped", () => {
    const result = parseDocument(
      doc(
        paragraph(
          text('klik', [
            { type: 'link', attrs: { href: 'https://example.org', rel: 'opener', target: '_blank', class: 'x' } },
          ]),
        ),
      ),
    )
    if (!result.ok) throw new Error(result.error)
    expect(JSON.stringify(result.json)).not.toMatch(/opener|_blank|"class"/)
    const html = renderDocumentHtml(result.json)
    expect(html).toContain('rel="noopener noreferrer nofollow"')
    expect(html).not.toContain('target=')
  })

  it('renders a document stored before with rel="opener" with the app\'s rel', () => {
    const stored = {
      type: 'doc',
      content: [
        paragraph(
          text('klik', [{ type: 'link', attrs: { href: 'https://example.org', rel: 'opener', target: '_blank' } }]),
        ),
      ],
    }
    const html = renderDocumentHtml(stored)
    expect(html).toContain('rel="noopener noreferrer nofollow"')
    expect(html).not.toMatch(/"opener"|target=/)
  })
})

describe('renderDocumentHtml', () => {
  it('renders the document and escapes text and attributes', () => {
    const result = parseDocument(
      doc(
        paragraph(
          text('<script>alert(1)</script>', [
            { type: 'link', attrs: { href: 'https://example.org/"><img/src=x/onerror=alert(1)>' } },
          ]),
        ),
      ),
    )
    if (!result.ok) throw new Error(result.error)
    const html = renderDocumentHtml(result.json)
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
    expect(html).toContain('rel="noopener noreferrer nofollow"')
  })

  it('renders headings, lists, quotes and links as HTML', () => {
    const result = parseDocument(policy)
    if (!result.ok) throw new Error(result.error)
    const html = renderDocumentHtml(result.json)
    expect(html).toContain('<h2>Waarom</h2>')
    expect(html).toMatch(/<ul><li><p>Eén<\/p><\/li><\/ul>/)
    expect(html).toContain('<blockquote>')
    expect(html).toContain('href="https://example.org/beleid"')
  })
})

describe('kader and ruimte', () => {
  const frame = (kind: string, ...content: unknown[]) => ({ type: 'frame', attrs: { kind }, content })
  it('accepts passages marked as frame or room at the top of a document and renders them marked', () => {
    const parsed = parseDocument(
      doc(frame('kader', paragraph(text('Altijd zo.'))), frame('ruimte', paragraph(text('Regio kiest.')))),
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.text).toContain('Regio kiest.')
    expect(hasRoom(parsed.json)).toBe(true)
    expect(roomOf(parsed.json).content).toEqual([paragraph(text('Regio kiest.'))])
    const html = renderDocumentHtml(parsed.json)
    expect(html).toContain('<section data-frame="kader" class="frame"><p>Altijd zo.</p></section>')
    expect(html).toContain('<section data-frame="ruimte" class="frame"><p>Regio kiest.</p></section>')
  })

  it('refuses a kind that is neither, a frame inside a frame or a quote, and an empty frame', () => {
    for (const body of [
      doc(frame('misschien', paragraph(text('x')))),
      doc(frame('kader', frame('ruimte', paragraph(text('x'))))),
      doc({ type: 'blockquote', content: [frame('ruimte', paragraph(text('x')))] }),
      doc(frame('ruimte')),
    ]) {
      expect(parseDocument(body), body).toEqual({ ok: false, error: 'editor.errors.unknownContent' })
    }
  })

  it('a principle without frames has no room', () => {
    const parsed = parseDocument(doc(paragraph(text('Gewoon.'))))
    expect(parsed.ok && hasRoom(parsed.json)).toBe(false)
  })
})
