// The SMTP connection (nodemailer), when SMTP_URL is set — e.g. `smtp://user:pass@mail.example:587`
// or `smtps://…:465`. Without it there is no transport: mails are kept for the admin's mail page.
import nodemailer, { type Transporter } from 'nodemailer'

const transports = new Map<string, Transporter>()

export function mailTransport(): Transporter | null {
  const url = process.env.SMTP_URL
  if (!url) return null
  let transport = transports.get(url)
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    })
    transports.set(url, transport)
  }
  return transport
}

/** The sender of every mail. */
export const mailFrom = () => process.env.MAIL_FROM ?? 'Leidraad <leidraad@localhost>'

/** The app's address as people reach it (links in e-mails): APP_URL, or this server on localhost. */
export const appUrl = () => (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')
