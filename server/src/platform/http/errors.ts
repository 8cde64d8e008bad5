import { GROUPS, TABLES, type TableRules } from "../access/rules.ts";

/**
 * Errors the API answers with: `{ error: code, message: Dutch text, details? }`.
 * Services throw these; the error handler turns anything else into a precise 4xx or 503 where it can.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A 429 (or 423) that tells when to try again: the handler sends `Retry-After` (issue 18). */
export class RetryLaterError extends AppError {
  constructor(
    statusCode: 423 | 429,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(statusCode, code, message);
  }
}

/** "over 3 minuten" / "over 40 seconden": when to try again, in plain Dutch. */
export function inDutchTime(seconds: number): string {
  if (seconds < 90) return `${seconds} ${seconds === 1 ? "seconde" : "seconden"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? "minuut" : "minuten"}`;
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (code = "unauthenticated", message = "Log eerst in.") =>
  new AppError(401, code, message);
export const forbidden = (message = "U heeft geen toegang tot deze gegevens.") =>
  new AppError(403, "forbidden", message);
export const notFound = (message = "Niet gevonden.") => new AppError(404, "notFound", message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

interface PgError {
  code?: string;
  constraint?: string;
  message?: string;
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
]);

/** Maps a database error to an API error; undefined when it is not one we recognise. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const e = error as PgError;
  const code = e?.code;
  if (!code) {
    if (
      /Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/.test(
        e?.message ?? "",
      )
    )
      return databaseUnavailable();
    return undefined;
  }
  if (CONNECTION_CODES.has(code) || code.startsWith("08")) return databaseUnavailable();
  switch (code) {
    case "23505":
      return conflict("duplicate", "Dit bestaat al.", { constraint: e.constraint });
    case "23503":
      return unprocessable("unknownReference", "Een verwijzing naar een onbekend gegeven.", {
        constraint: e.constraint,
      });
    case "23514":
    case "23502":
      return unprocessable("invalidValue", "Een waarde is ongeldig.", { constraint: e.constraint });
    case "42501":
      return databaseRefusal(e.message ?? "");
    case "40001":
    case "40P01":
      return conflict("concurrentChange", "Iemand anders wijzigde dit tegelijk. Probeer het opnieuw.");
    default:
      // Class 22 is "data exception": a value the database cannot take (too long, out of range, NUL …).
      if (code.startsWith("22")) return unprocessable("invalidValue", "Een waarde is ongeldig.");
      return undefined;
  }
}

export function databaseUnavailable(): AppError {
  return new AppError(
    503,
    "databaseUnavailable",
    "De database is even niet bereikbaar. Probeer het zo opnieuw.",
  );
}

const LEVEL_NAMES: Record<string, string> = {
  frontOffice: "de frontoffice",
  read: "leestoegang",
  emergency: "noodtoegang",
  edit: "werken in het dossier",
  caseLead: "de regiehouder",
  resident: "de inwoner",
  representative: "een gemachtigde",
};

/**
 * A write the row-level security refused: 403 naming what the declaration (access/rules.ts) asks for
 * that table and action, never a misleading 409. Services check first; this is the safety net.
 */
function databaseRefusal(message: string): AppError {
  const table = /table "([a-z_]+)"/.exec(message)?.[1];
  const rules = table ? (TABLES as Record<string, TableRules>)[table] : undefined;
  const households = rules?.insert.flatMap((alternative) =>
    alternative.flatMap((c) => (c.kind === "household" ? [...GROUPS[c.group]] : [])),
  );
  const needed = [...new Set(households ?? [])].map((l) => LEVEL_NAMES[l] ?? l);
  return new AppError(
    403,
    "accessLevel",
    needed.length > 0
      ? `U mag dit niet vastleggen: daarvoor is nodig: ${needed.join(" of ")}. Vraag de regiehouder of uw teamleider om u bij de casus te betrekken.`
      : "U heeft geen toegang om dit vast te leggen.",
    { table: table ?? null },
  );
}
