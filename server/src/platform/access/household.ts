import { sql } from "kysely";
import type { RequestContext } from "../context.ts";
import { AppError, notFound } from "../http/errors.ts";
import { GROUPS, HOUSEHOLD_ACTIONS, type HouseholdAction, LEVELS, type Level } from "./rules.ts";

/**
 * What the acting user may do with one household, read from household_access — the same rows the
 * database's policies read — and the use cases (rules.ts HOUSEHOLD_ACTIONS) those levels allow.
 */
export interface HouseholdAccess {
  householdId: string;
  levels: Level[];
  /** Why: team lead, involved, integrated team, emergency access … (for "why can I see this"). */
  sources: string[];
  /** When emergency access is the only level: until when. */
  emergencyUntil: string | null;
  actions: HouseholdAction[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTIONS = Object.keys(HOUSEHOLD_ACTIONS) as HouseholdAction[];

export function allows(levels: readonly Level[], action: HouseholdAction): boolean {
  const group: readonly Level[] = GROUPS[HOUSEHOLD_ACTIONS[action]];
  return levels.some((level) => group.includes(level));
}

/** The levels the acting user holds on the household now (one indexed read). */
export async function householdAccess(ctx: RequestContext, householdId: string): Promise<HouseholdAccess> {
  const rows = UUID.test(householdId)
    ? await ctx.trx
        .selectFrom("householdAccess")
        .select(["level", "sources", "validUntil"])
        .where("userId", "=", ctx.actor.userId)
        .where("householdId", "=", householdId)
        .where("validFrom", "<=", sql<Date>`now()`)
        .where("validUntil", ">", sql<Date>`now()`)
        .execute()
    : [];
  const levels = rows
    .map((r) => r.level)
    .filter((l): l is Level => (LEVELS as readonly string[]).includes(l));
  const emergency = rows.find((r) => r.level === "emergency");
  return {
    householdId,
    levels,
    sources: [...new Set(rows.flatMap((r) => r.sources))].sort(),
    emergencyUntil: emergency ? new Date(emergency.validUntil).toISOString() : null,
    actions: ACTIONS.filter((action) => allows(levels, action)),
  };
}

/**
 * Refuses unless the acting user may do `action` on the household: 404 when the user holds no level
 * (the household's existence stays hidden), 403 with what is needed and whom to ask otherwise.
 * The request layer audits both refusals in a transaction of their own.
 */
export async function assertHouseholdAction(
  ctx: RequestContext,
  householdId: string,
  action: HouseholdAction,
): Promise<HouseholdAccess> {
  const access = await householdAccess(ctx, householdId);
  if (access.levels.length === 0) throw notFound("Dit dossier bestaat niet of u heeft er geen toegang toe.");
  if (!allows(access.levels, action)) throw accessRefused(access.levels, action);
  return access;
}

/** A 403 that says what the user can do now, what this needs, and whom to ask. */
export function accessRefused(levels: readonly Level[], action: HouseholdAction): AppError {
  return new AppError(403, "accessLevel", refusalMessage(levels, action), {
    action,
    levels,
    needed: GROUPS[HOUSEHOLD_ACTIONS[action]],
  });
}

const ASK_TO_JOIN =
  "Vraag de regiehouder of uw teamleider om u bij de casus te betrekken als u hierin moet werken.";

function refusalMessage(levels: readonly Level[], action: HouseholdAction): string {
  if (action === "route")
    return "Alleen de frontoffice van het team zet een aanvraag door naar de backoffice.";
  if (action === "portal")
    return "Dit deel is alleen voor de inwoner zelf en wie namens hem of haar optreedt.";
  if (levels.includes("frontOffice") && !levels.some((l) => GROUPS.dossier.includes(l as never)))
    return "Als frontoffice ziet u alleen de aanmelding en de samenvatting van de intake. Het volledige dossier is voor de backoffice: zet de aanvraag door.";
  if (levels.includes("emergency"))
    return action === "share"
      ? "Met noodtoegang kunt u het dossier lezen, maar niet delen of exporteren."
      : `U heeft noodtoegang: u kunt dit dossier lezen, maar niet wijzigen. ${ASK_TO_JOIN}`;
  if (action === "linkPortalAccount")
    return `Alleen wie in dit dossier werkt (regiehouder, betrokken professional of teamleider) koppelt het inlogaccount van een inwoner. ${ASK_TO_JOIN}`;
  return `U kunt dit dossier inzien, maar niet wijzigen. ${ASK_TO_JOIN}`;
}
