// E-mail: rendered in the recipient's language, written to the Mail outbox in the transaction
// that decides it, and sent by the background worker over SMTP with retries and backoff.
//  - An SMTP outage loses nothing: a refused or failed send stays pending and is retried later
//    (1, 2, 4 … minutes, at most 6 hours apart; after MAX_ATTEMPTS it is marked failed for the admin).
//  - A crash sends nothing twice: a row is claimed ('sending') before the SMTP call; a row still
//    'sending' after a restart may or may not have left, so it is marked 'unknown' and never sent
//    again by itself (the admin can send it again from the mail page).
//  - Without SMTP_URL (the embedded demo) mails are 'kept': the admin reads them on the mail page.
import { can, type AppAbility } from '~/permissions/ability.ts'
import { authorize } from '~/permissions/authorize.ts'
import { dateFormat } from '~/utils/date-format.ts'
import { messageKey, messageValues } from '~/utils/notification-text.ts'
import { prisma } from '~/utils/db.server.ts'
import { invariantFound } from '~/utils/errors.ts'
import { logger } from '~/utils/logger.server.ts'
import { appUrl, mailFrom, mailTransport } from '~/utils/mailer.server.ts'
import { sign, verifySignature } from '~/utils/secrets.server.ts'
import { translator } from '~/utils/translations.server.ts'

export const MAX_ATTEMPTS = 10
const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000
/** A row 'sending' for longer than this belongs to a process that stopped. */
const SENDING_LEASE_MS = 10 * 60 * 1000

type Translate = Awaited<ReturnType<typeof translator>>
export interface Rendered {
  subject: string
  text: string
  html: string
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The signed one-click link that stops e-mail of one kind (`digest`: the daily digest) for one user. */
export function unsubscribeUrl(userId: string, kind: string) {
  return `${appUrl()}/unsubscribe/${userId}/${encodeURIComponent(kind)}/${sign(`unsubscribe:${userId}:${kind}`)}`
}

export function verifyUnsubscribe(userId: string, kind: string, signature: string) {
  return verifySignature(`unsubscribe:${userId}:${kind}`, signature)
}

function layout(
  t: Translate,
  lines: string[],
  action: { label: string; url: string } | null,
  footer: string,
  unsubscribe: string,
) {
  const text = [
    ...lines,
    ...(action ? ['', `${action.label}: ${action.url}`] : []),
    '',
    '—',
    footer,
    `${t('mail.unsubscribe')}: ${unsubscribe}`,
  ].join('\n')
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;color:#1c1917">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    action ? `<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p>` : '',
    `<hr><p style="font-size:12px;color:#57534e">${escapeHtml(footer)} <a href="${escapeHtml(unsubscribe)}">${escapeHtml(t('mail.unsubscribe'))}</a></p>`,
    '</body></html>',
  ].join('')
  return { text, html }
}

/** The e-mail for one notification, in the recipient's language. */
export async function renderNotificationMail(
  user: { id: string; name: string; language: string },
  notification: { kind: string; params: Record<string, unknown>; link: string },
): Promise<Rendered> {
  return personalise(await notificationMailTemplate(user.language, notification), user, notification.kind)
}

// A notification to many people is the same mail but for the name and the unsubscribe link: it
// is rendered once per language and personalised per recipient.
const NAME = '\u0000name\u0000'
const UNSUBSCRIBE = '\u0000unsubscribe\u0000'

/** The mail of a notification in one language, with placeholders for the recipient. */
export async function notificationMailTemplate(
  language: string,
  notification: { kind: string; params: Record<string, unknown>; link: string },
): Promise<Rendered> {
  const t = await translator(language)
  const message = t(messageKey(notification.kind, notification.params), messageValues(language, notification.params))
  const { text, html } = layout(
    t,
    [t('mail.greeting', { name: NAME }), message],
    { label: t('mail.open'), url: `${appUrl()}${notification.link}` },
    t('mail.why', { kind: t(`notifications.settings.kinds.${notification.kind}`) }),
    UNSUBSCRIBE,
  )
  return { subject: `Leidraad: ${message}`, text, html }
}

/** A template with the recipient's name and unsubscribe link filled in. */
export function personalise(template: Rendered, user: { id: string; name: string }, kind: string): Rendered {
  const unsubscribe = unsubscribeUrl(user.id, kind)
  const fill = (value: string, escape: (s: string) => string) =>
    value.replaceAll(NAME, escape(user.name)).replaceAll(UNSUBSCRIBE, escape(unsubscribe))
  return { subject: template.subject, text: fill(template.text, (s) => s), html: fill(template.html, escapeHtml) }
}

export interface DigestItem {
  kind: string
  params: Record<string, unknown>
  link: string
}

/** The daily digest: what happened since the last one, and (for managers) confirmations past their due date. */
export async function renderDigest(
  user: { id: string; name: string; language: string },
  items: DigestItem[],
  overdue: { title: string; open: number; confirmBy: Date; link: string }[],
): Promise<Rendered> {
  const t = await translator(user.language)
  const date = dateFormat(user.language, 'date')
  const lines = [
    t('mail.greeting', { name: user.name }),
    t('mail.digest.intro', { count: items.length + overdue.length }),
    ...items.map(
      (item) =>
        `• ${t(messageKey(item.kind, item.params), messageValues(user.language, item.params))} — ${appUrl()}${item.link}`,
    ),
    ...(overdue.length ? ['', t('mail.digest.overdue')] : []),
    ...overdue.map(
      (o) =>
        `• ${t('mail.digest.overdueLine', { title: o.title, count: o.open, date: date.format(o.confirmBy) })} — ${appUrl()}${o.link}`,
    ),
  ]
  const { text, html } = layout(
    t,
    lines,
    { label: t('mail.openNotifications'), url: `${appUrl()}/notifications` },
    t('mail.digest.why'),
    unsubscribeUrl(user.id, 'digest'),
  )
  return { subject: t('mail.digest.subject', { count: items.length + overdue.length }), text, html }
}

function backoff(attempts: number) {
  return Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, attempts - 1))
}

/** Rows left 'sending' by a process that stopped: marked 'unknown', never sent again by themselves. */
export async function markInterruptedMails(now = new Date()) {
  const { count } = await prisma.mail.updateMany({
    where: { status: 'sending', nextAttemptAt: { lt: new Date(now.getTime() - SENDING_LEASE_MS) } },
    data: { status: 'unknown', lastError: 'The process stopped while sending; it may or may not have been delivered.' },
  })
  if (count) logger.warn({ count }, 'mails interrupted while sending are marked unknown')
  return count
}

/**
 * Sends the pending mails that are due (a batch), or keeps them when no SMTP server is configured.
 * Each row is claimed before its send, so two workers never send the same mail.
 */
export async function sendPendingMails(options: { now?: Date; limit?: number } = {}) {
  const now = options.now ?? new Date()
  const transport = mailTransport()
  if (!transport) {
    const { count } = await prisma.mail.updateMany({ where: { status: 'pending' }, data: { status: 'kept' } })
    return { sent: 0, kept: count, retried: 0, failed: 0 }
  }
  const claimed = await prisma.$queryRaw<
    {
      id: string
      to: string
      subject: string
      text: string
      html: string
      attempts: number
      userId: string | null
      kind: string
    }[]
  >`
    UPDATE "Mail" SET "status" = 'sending'::"MailStatus", "attempts" = "attempts" + 1, "nextAttemptAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Mail" WHERE "status" = 'pending'::"MailStatus" AND "nextAttemptAt" <= ${now}
      ORDER BY "createdAt" LIMIT ${options.limit ?? 50} FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "html", "attempts", "userId", "kind"`
  const result = { sent: 0, kept: 0, retried: 0, failed: 0 }
  for (const mail of claimed) {
    try {
      const unsubscribe = mail.userId ? unsubscribeUrl(mail.userId, mail.kind) : null
      await transport.sendMail({
        from: mailFrom(),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: unsubscribe
          ? { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {},
      })
      await prisma.mail.update({
        where: { id: mail.id },
        data: { status: 'sent', sentAt: new Date(), lastError: null },
      })
      result.sent++
    } catch (error) {
      const failed = mail.attempts >= MAX_ATTEMPTS
      await prisma.mail.update({
        where: { id: mail.id },
        data: {
          status: failed ? 'failed' : 'pending',
          nextAttemptAt: new Date(Date.now() + backoff(mail.attempts)),
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
        },
      })
      if (failed) result.failed++
      else result.retried++
      logger.warn(
        { err: error, mailId: mail.id, attempts: mail.attempts },
        failed ? 'mail failed for good' : 'mail will be retried',
      )
    }
  }
  return result
}

// --- The admin's mail page ---------------------------------------------------------------------

/** The newest mails (what was sent, what is kept because no SMTP server is set, what failed). */
export async function listMails(ability: AppAbility, options: { status?: string } = {}) {
  authorize(ability, 'read', 'Mail')
  const statuses = ['pending', 'sending', 'sent', 'kept', 'failed', 'unknown'] as const
  const status = statuses.find((s) => s === options.status)
  return {
    smtp: mailTransport() !== null,
    mails: await prisma.mail.findMany({
      where: status ? { status } : {},
      orderBy: { createdAt: 'desc' },
      take: 100,
      select: {
        id: true,
        to: true,
        subject: true,
        kind: true,
        status: true,
        attempts: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
      },
    }),
    mayResend: can(ability, 'update', 'Mail'),
  }
}

export async function requireMail(ability: AppAbility, id: string) {
  authorize(ability, 'read', 'Mail')
  const mail = await prisma.mail.findUnique({ where: { id } })
  invariantFound(mail)
  return mail
}

/** The admin sends a failed or interrupted mail again (a deliberate choice: it may arrive twice). */
export async function resendMail(ability: AppAbility, id: string) {
  authorize(ability, 'update', 'Mail')
  const { count } = await prisma.mail.updateMany({
    where: { id, status: { in: ['failed', 'unknown'] } },
    data: { status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null },
  })
  invariantFound(count ? id : null)
}
