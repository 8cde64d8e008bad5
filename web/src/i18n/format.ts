import { getLanguage } from "./i18n.ts";

/**
 * One formatter for dates, times, numbers and money, with Dutch conventions (English second): every page
 * shows "7 december 2026", "19:19", "1.234,5" and "€ 1.234". Times are shown in the Netherlands' zone.
 */

const zone = "Europe/Amsterdam";
const locale = () => (getLanguage() === "en" ? "en-GB" : "nl-NL");

/** A calendar date (YYYY-MM-DD) is read as noon in the Netherlands so it never shifts a day. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value);
}

function valid(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/** "7 december 2026" */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return new Intl.DateTimeFormat(locale(), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: zone,
  }).format(date);
}

/** "7 dec. 2026": for narrow table columns and chart axes. */
export function formatShortDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return new Intl.DateTimeFormat(locale(), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: zone,
  }).format(date);
}

/** "19:19" */
export function formatTime(value: string | Date): string {
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit", timeZone: zone }).format(
    date,
  );
}

/** "7 december 2026, 19:19" */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const date = toDate(value);
  if (!valid(date)) return String(value);
  return `${formatDate(date)}, ${formatTime(date)}`;
}

/** "1.234" or "1.234,5" (at most `digits` decimals). */
export function formatNumber(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

/** "€ 1.234" for whole euros, "€ 12,50" when there are cents (or `cents: true`). */
export function formatMoney(value: number | null | undefined, options: { cents?: boolean } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  const cents = options.cents ?? !Number.isInteger(Math.round(value * 100) / 100);
  return new Intl.NumberFormat(locale(), {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  }).format(value);
}

/** "12%" from 0.12 */
export function formatPercent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return "–";
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: digits }).format(
    fraction,
  );
}

/** Today's date in the Netherlands as YYYY-MM-DD (for date fields). */
export function todayIso(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
}
