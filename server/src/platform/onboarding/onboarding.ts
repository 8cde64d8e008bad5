import type { Kysely } from "kysely";
import { loadAreas } from "../../modules/areas/areas.loader.ts";
import { isRole, type Role } from "../access/permissions.ts";
import { recordSystemAudit } from "../audit/system-audit.ts";
import { issuePasswordSetup } from "../auth/password-setup.ts";
import type { DB } from "../db/schema.ts";
import { conflict, unprocessable } from "../http/errors.ts";

/**
 * Adding a municipality to a running platform (the `municipality:add` command and the platform
 * operator's API share this): the municipality with its ZRM version and the roles that must use 2FA,
 * its CBS wijken and buurten from reference/cbs, and its first administrator, who gets a one-time link
 * by e-mail to set a password. One transaction: a refusal leaves nothing behind.
 */
export interface OnboardingInput {
  code: string;
  name: string;
  adminUsername: string;
  adminEmail: string;
  adminDisplayName?: string;
  zrmVersion?: "2010" | "2017";
  mfaRequiredRoles?: string[];
}

/** The government baseline asks for 2FA on social-domain data: everyone who opens dossiers. */
export const DEFAULT_MFA_ROLES: Role[] = ["administrator", "teamLead", "professional", "policyOfficer"];

export interface OnboardingResult {
  municipalityId: string;
  code: string;
  name: string;
  zrmVersion: "2010" | "2017";
  mfaRequiredRoles: string[];
  districts: number;
  neighbourhoods: number;
  administrator: { userId: string; username: string };
  passwordSetupExpiresAt: string;
}

function validate(input: OnboardingInput) {
  const problems: Record<string, string> = {};
  const code = input.code.trim().toUpperCase();
  if (!/^GM\d{4}$/.test(code))
    problems.code = "Een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0355.";
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) problems.name = "Geef een naam van 1 tot 200 tekens.";
  const username = input.adminUsername.trim().toLowerCase();
  if (!/^[a-z0-9._@-]{3,100}$/.test(username))
    problems.adminUsername = "Een gebruikersnaam heeft 3 tot 100 tekens: letters, cijfers, . _ @ of -.";
  const email = input.adminEmail.trim();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 200)
    problems.adminEmail = "Geef een geldig e-mailadres.";
  const zrmVersion = input.zrmVersion ?? "2017";
  if (zrmVersion !== "2010" && zrmVersion !== "2017") problems.zrmVersion = "Kies ZRM-versie 2010 of 2017.";
  const mfaRequiredRoles = [...new Set(input.mfaRequiredRoles ?? DEFAULT_MFA_ROLES)];
  const unknown = mfaRequiredRoles.filter((r) => !isRole(r));
  if (unknown.length > 0) problems.mfaRequiredRoles = `Onbekende rollen: ${unknown.join(", ")}.`;
  if (Object.keys(problems).length > 0)
    throw unprocessable("invalidMunicipality", "De gegevens voor de nieuwe gemeente kloppen niet.", problems);
  const displayName = (input.adminDisplayName ?? `Beheerder ${name}`).trim().slice(0, 200);
  return { code, name, username, email, zrmVersion, mfaRequiredRoles, displayName };
}

export async function onboardMunicipality(db: Kysely<DB>, input: OnboardingInput): Promise<OnboardingResult> {
  const v = validate(input);
  const result = await db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("municipality")
      .select("id")
      .where("code", "=", v.code)
      .executeTakeFirst();
    if (taken) throw conflict("municipalityExists", `Gemeente ${v.code} bestaat al op dit platform.`);
    const nameTaken = await trx
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", v.username)
      .executeTakeFirst();
    if (nameTaken)
      throw conflict("usernameTaken", "Deze gebruikersnaam is al in gebruik. Kies een andere.", {
        field: "adminUsername",
      });
    const municipality = await trx
      .insertInto("municipality")
      .values({ code: v.code, name: v.name, zrmVersion: v.zrmVersion, mfaRequiredRoles: v.mfaRequiredRoles })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    await loadAreas(trx, municipality.id, v.code);
    const areas = await trx
      .selectFrom("area")
      .select(["kind", (eb) => eb.fn.countAll<number>().as("n")])
      .where("municipalityId", "=", municipality.id)
      .groupBy("kind")
      .execute();
    const admin = await trx
      .insertInto("appUser")
      .values({
        municipalityId: municipality.id,
        username: v.username,
        displayName: v.displayName,
        email: v.email,
        role: "administrator",
        homeOrganisationId: null,
        passwordHash: null,
        totpSecret: null,
        oidcSubject: null,
        lockedUntil: null,
        disabledAt: null,
      })
      .returning(["id"])
      .executeTakeFirstOrThrow();
    const setup = await issuePasswordSetup(trx, {
      municipalityId: municipality.id,
      userId: admin.id,
      requestedByUserId: null,
    });
    const count = (kind: string) => Number(areas.find((a) => a.kind === kind)?.n ?? 0);
    const who = {
      municipalityId: municipality.id,
      userId: null,
      role: "platformOperator",
      organisationId: null,
    };
    await recordSystemAudit(trx, who, null, {
      action: "municipality.onboarded",
      resourceType: "municipality",
      resourceId: municipality.id,
      details: {
        code: v.code,
        zrmVersion: v.zrmVersion,
        mfaRequiredRoles: v.mfaRequiredRoles,
        districts: count("district"),
        neighbourhoods: count("neighbourhood"),
      },
    });
    // issuePasswordSetup audits the link it issued (user.passwordSetupIssued).
    return {
      municipalityId: municipality.id,
      code: v.code,
      name: v.name,
      zrmVersion: v.zrmVersion,
      mfaRequiredRoles: v.mfaRequiredRoles,
      districts: count("district"),
      neighbourhoods: count("neighbourhood"),
      administrator: { userId: admin.id, username: v.username },
      passwordSetupExpiresAt: setup.expiresAt.toISOString(),
    };
  });
  return result;
}
