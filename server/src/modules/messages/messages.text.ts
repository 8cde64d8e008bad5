import { unprocessable } from "../../platform/http/errors.ts";

export const MAX_MESSAGE_LENGTH = 4000;

// C0/C1 control characters except tab and newline, and the bidirectional overrides that can make text
// read differently from what it is ("Trojan Source").
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Cleans a message to plain text: line ends normalised, control characters removed, trimmed. The text
 * is stored and shown as text, never as HTML, so markup stays visible as the characters typed.
 */
export function cleanMessageText(raw: string, maxLength = MAX_MESSAGE_LENGTH): string {
  const text = raw.replace(/\r\n?/g, "\n").replace(UNSAFE, "").trim();
  if (text.length === 0) throw unprocessable("emptyMessage", "Schrijf eerst een bericht.", { field: "text" });
  if (text.length > maxLength) {
    throw unprocessable("messageTooLong", `Uw bericht is te lang. Gebruik hooguit ${maxLength} tekens.`, {
      field: "text",
      maxLength,
    });
  }
  return text;
}
