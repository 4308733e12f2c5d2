/**
 * The handoff packet as an .eml file: a plain-text message (the Markdown reads well as
 * text) that any mail client opens as a draft to forward or send. nodemailer's composer
 * writes the headers and encodings (UTF-8, quoted-printable, folded subjects).
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface HandoffMail {
  to: string | null;
  subject: string;
  markdown: string;
  /** The message's date; the core's clock. */
  date: Date;
}

export function handoffEml(mail: HandoffMail): Promise<Buffer> {
  const composer = new MailComposer({
    ...(mail.to ? { to: mail.to } : {}),
    subject: mail.subject,
    text: mail.markdown,
    date: mail.date,
    textEncoding: 'quoted-printable',
    headers: { 'X-Unsent': '1' },
  });
  return composer.compile().build();
}
