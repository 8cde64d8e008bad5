import { createHash, randomBytes, randomInt } from "node:crypto";
import type { TriageState, Urgency } from "./signals.tables.ts";

/** Working days per urgency; 0 means the same day. */
export interface DeadlineSettings {
  acuteWorkingDays: number;
  highWorkingDays: number;
  normalWorkingDays: number;
  lowWorkingDays: number;
}

export const DEFAULT_DEADLINES: DeadlineSettings = {
  acuteWorkingDays: 0,
  highWorkingDays: 2,
  normalWorkingDays: 5,
  lowWorkingDays: 10,
};

const ZONE = "Europe/Amsterdam";

// Made once: building a formatter costs more than formatting with it.
const dutchDay = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE });
const dutchHour = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", hourCycle: "h23" });

function amsterdamDate(at: Date): { y: number; m: number; d: number } {
  const [y, m, d] = dutchDay.format(at).split("-").map(Number);
  return { y: y ?? 1970, m: m ?? 1, d: d ?? 1 };
}

/** The last second of a calendar day in the Netherlands, as an instant (handles summer time). */
export function endOfDayInNetherlands(y: number, m: number, d: number): Date {
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(Date.UTC(y, m - 1, d, 23 - offsetHours, 59, 59));
    const hour = dutchHour.format(candidate);
    if (hour === "23") return candidate;
  }
  return new Date(Date.UTC(y, m - 1, d, 22, 59, 59));
}

/**
 * The triage deadline: the end of the day N working days after receipt (Saturdays and Sundays do not
 * count). N = 0 is the same day, also at the weekend: acute means today.
 */
export function triageDeadline(receivedAt: Date, urgency: Urgency, settings: DeadlineSettings): Date {
  const days = settings[`${urgency}WorkingDays`];
  const { y, m, d } = amsterdamDate(receivedAt);
  const day = new Date(Date.UTC(y, m - 1, d));
  let left = days;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return endOfDayInNetherlands(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

/** "1234 AB|12|A": one key per address, so signals about the same door are grouped. */
export function addressKey(postcode: string, houseNumber: number, addition: string | null): string {
  return `${postcode}|${houseNumber}|${(addition ?? "").toUpperCase().replace(/\s+/g, "")}`;
}

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L). */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A reference code such as SG-7K3M-9QXT: 31^8 ≈ 8·10^11 possibilities, looked up rate-limited. */
export function newReferenceCode(): string {
  const pick = () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join("");
  return `SG-${part()}-${part()}`;
}

export function normaliseReferenceCode(value: string): string {
  return value.trim().toUpperCase();
}

/** A partner-system API key: "wk_" + 43 characters of randomness. Only its SHA-256 is stored. */
export function newApiKey(): { token: string; prefix: string; hash: string } {
  const token = `wk_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), hash: hashApiKey(token) };
}

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What the reporter sees: received, in progress or handled — never what the team decided. */
export type ReporterStatus = "received" | "inProgress" | "handled";

export function reporterStatus(state: TriageState): ReporterStatus {
  if (state === "new") return "received";
  if (state === "outreach") return "inProgress";
  return "handled";
}
