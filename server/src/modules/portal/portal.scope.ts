import type { FastifyRequest } from "fastify";
import type { AuditInput } from "../../platform/audit/actions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { AppError, forbidden } from "../../platform/http/errors.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";

/** A refusal that must stay in the audit trail although the request's own transaction rolls back. */
export class AuditedRefusal extends AppError {
  constructor(
    statusCode: number,
    code: string,
    message: string,
    readonly event: AuditInput,
  ) {
    super(statusCode, code, message);
  }
}

/**
 * Runs a portal use case; when it ends in an audited refusal, the refusal is written in a transaction
 * of its own (the use case's transaction is rolled back with the error) and the error is passed on.
 */
export async function inPortal<T>(
  request: FastifyRequest,
  fn: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  try {
    return await request.withContext(fn);
  } catch (error) {
    if (error instanceof AuditedRefusal) await request.withContext((ctx) => ctx.audit(error.event));
    throw error;
  }
}

export interface PortalHousehold {
  householdId: string;
  /** The resident the account is, or acts for. */
  residentId: string;
  kind: "self" | "representative";
}

export interface Authorisation {
  id: string;
  householdId: string;
  representedResidentId: string;
  representedName: string;
  basis: "parent" | "legalRepresentative" | "authorisedPerson";
  validFrom: string;
  validUntil: string;
  active: boolean;
}

export function assertResident(ctx: RequestContext): void {
  if (ctx.actor.role !== "resident") throw forbidden("Dit deel van Wijkwerk is voor inwoners.");
}

/** The account's own household, if its resident record is in one. */
export async function ownHousehold(ctx: RequestContext): Promise<PortalHousehold | undefined> {
  const row = await ctx.trx
    .selectFrom("residentAccount as a")
    .innerJoin("householdMember as m", (j) =>
      j.onRef("m.municipalityId", "=", "a.municipalityId").onRef("m.residentId", "=", "a.residentId"),
    )
    .select(["m.householdId", "a.residentId"])
    .where("a.municipalityId", "=", ctx.actor.municipalityId)
    .where("a.userId", "=", ctx.actor.userId)
    .executeTakeFirst();
  return row && { householdId: row.householdId, residentId: row.residentId, kind: "self" };
}

/** Every authorisation recorded for this account, also ended ones (the portal says why access ended). */
export async function authorisationsOf(ctx: RequestContext): Promise<Authorisation[]> {
  const today = todayInNetherlands(ctx.now);
  const rows = await ctx.trx
    .selectFrom("representation as r")
    .leftJoin("resident as p", (j) =>
      j.onRef("p.municipalityId", "=", "r.municipalityId").onRef("p.id", "=", "r.representedResidentId"),
    )
    .select([
      "r.id",
      "r.householdId",
      "r.representedResidentId",
      "r.basis",
      "r.validFrom",
      "r.validUntil",
      "r.revokedAt",
      "p.givenName",
    ])
    .where("r.municipalityId", "=", ctx.actor.municipalityId)
    .where("r.representativeUserId", "=", ctx.actor.userId)
    .orderBy("r.validUntil", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.householdId,
    representedResidentId: r.representedResidentId,
    // An ended authorisation no longer shows the person's record: only that it existed.
    representedName: r.givenName ?? "",
    basis: r.basis,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    active: !r.revokedAt && r.validFrom <= today && today <= r.validUntil,
  }));
}

/**
 * The household a portal request is about, if this account may act for it today. Another household
 * is a 404 (its existence is not confirmed); an ended authorisation is a 403 that says so. Both audited.
 */
export async function assertPortalHousehold(
  ctx: RequestContext,
  householdId: string,
): Promise<PortalHousehold> {
  assertResident(ctx);
  const own = await ownHousehold(ctx);
  if (own?.householdId === householdId) return own;
  const authorisations = (await authorisationsOf(ctx)).filter((a) => a.householdId === householdId);
  const active = authorisations.find((a) => a.active);
  if (active) return { householdId, residentId: active.representedResidentId, kind: "representative" };
  if (authorisations.length > 0) {
    throw new AuditedRefusal(
      403,
      "authorisationEnded",
      "Uw machtiging voor deze persoon is afgelopen. Neem contact op met het buurtteam als dit niet klopt.",
      {
        action: "portal.representationRefused",
        resourceType: "household",
        resourceId: householdId,
        householdId,
        details: { representationIds: authorisations.map((a) => a.id) },
      },
    );
  }
  throw new AuditedRefusal(404, "notFound", "Deze gegevens bestaan niet of zijn niet van u.", {
    action: "portal.accessRefused",
    resourceType: "household",
    resourceId: householdId,
  });
}

/** The household's current case: the open one, or else the most recently closed. */
export async function currentCase(ctx: RequestContext, householdId: string) {
  return ctx.trx
    .selectFrom("caseFile")
    .select(["id", "teamId", "status", "openedAt", "closedAt", "aftercareDate"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("householdId", "=", householdId)
    .orderBy("openedAt", "desc")
    .limit(1)
    .executeTakeFirst();
}
