import nodemailer from "nodemailer";

/** One e-mail: plain text, one recipient. Wijkwerk's e-mails carry no personal data beyond a code. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves when the SMTP server accepted the message; rejects with a MailError otherwise. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** A refused or failed delivery: permanent (a 5xx reply: do not try again) or not. */
export class MailError extends Error {
  constructor(
    readonly summary: string,
    readonly permanent: boolean,
  ) {
    super(summary);
  }
}

const ADDRESS = /[^\s<>"'@]+@[^\s<>"'@]+/g;

/** The SMTP reply code and text without addresses: what may be stored and shown to an administrator. */
export function describeSmtpError(error: unknown): MailError {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const code = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const text = (e.response ?? e.message ?? "unknown error").replace(ADDRESS, "<adres>").replace(/\s+/g, " ");
  const summary = `${code ?? e.code ?? "error"}: ${text}`.slice(0, 300);
  return new MailError(summary, code !== undefined && code >= 500 && code < 600);
}

/** SMTP through nodemailer, configured by SMTP_URL (smtp://user:pass@host:587 or smtps://…:465). */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        throw describeSmtpError(error);
      }
    },
    close: () => transport.close(),
  };
}
