import type { Kysely } from "kysely";
import { hashPassword } from "../platform/auth/password.ts";
import type { DB } from "../platform/db/schema.ts";
import { onboardMunicipality } from "../platform/onboarding/onboarding.ts";

/** Builders for test data, written as the owner (no access rules): arrange, not act. */
export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;
let counter = 0;
const next = () => ++counter;

export async function buildMunicipality(
  db: Kysely<DB>,
  over: { code?: string; name?: string; mfaRequiredRoles?: string[] } = {},
) {
  const n = next();
  return db
    .insertInto("municipality")
    .values({
      code: over.code ?? `GM${String(9000 + n).padStart(4, "0")}`,
      name: over.name ?? `Testgemeente ${n}`,
      mfaRequiredRoles: over.mfaRequiredRoles ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildOrganisation(
  db: Kysely<DB>,
  municipalityId: string,
  over: { name?: string; type?: string } = {},
) {
  return db
    .insertInto("organisation")
    .values({ municipalityId, name: over.name ?? `Organisatie ${next()}`, type: over.type ?? "welfare" })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildTeam(
  db: Kysely<DB>,
  municipalityId: string,
  over: { name?: string; model?: "integrated" | "frontBackOffice" | "network"; areaCodes?: string[] } = {},
) {
  return db
    .insertInto("team")
    .values({
      municipalityId,
      name: over.name ?? `Team ${next()}`,
      model: over.model ?? "integrated",
      areaCodes: over.areaCodes ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildUser(
  db: Kysely<DB>,
  municipalityId: string,
  over: {
    username?: string;
    role?: string;
    organisationId?: string | null;
    displayName?: string;
    oidcSubject?: string;
  } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const n = next();
  return db
    .insertInto("appUser")
    .values({
      municipalityId,
      username: over.username ?? `user${n}`,
      displayName: over.displayName ?? `Gebruiker ${n}`,
      email: null,
      role: over.role ?? "professional",
      homeOrganisationId: over.organisationId ?? null,
      passwordHash: await passwordHash,
      totpSecret: null,
      oidcSubject: over.oidcSubject ?? null,
      lockedUntil: null,
      disabledAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildMembership(
  db: Kysely<DB>,
  municipalityId: string,
  teamId: string,
  userId: string,
  organisationId: string,
  over: { office?: "front" | "back" | null; hoursPerWeek?: number; expertise?: string[] } = {},
) {
  await db
    .insertInto("teamMembership")
    .values({
      municipalityId,
      teamId,
      userId,
      organisationId,
      hoursPerWeek: over.hoursPerWeek ?? 24,
      expertise: over.expertise ?? [],
      office: over.office ?? null,
    })
    .execute();
}

/**
 * A municipality created the way a platform operator adds one (`municipality:add`): CBS areas, ZRM
 * version, 2FA roles and a first administrator with a password set-up link. No role must use 2FA here,
 * so tests can log in with a password.
 */
export async function buildOnboardedMunicipality(db: Kysely<DB>, over: { code: string; name?: string }) {
  const n = next();
  const result = await onboardMunicipality(db, {
    code: over.code,
    name: over.name ?? `Gemeente ${over.code}`,
    adminUsername: `beheer-${over.code.toLowerCase()}-${n}`,
    adminEmail: `beheer-${n}@${over.code.toLowerCase()}.example`,
    mfaRequiredRoles: [],
  });
  return db
    .selectFrom("municipality")
    .selectAll()
    .where("id", "=", result.municipalityId)
    .executeTakeFirstOrThrow();
}

/** A municipality with one organisation and one team, and a user of the given role in that team. */
export async function buildStaffedTeam(
  db: Kysely<DB>,
  over: { model?: "integrated" | "frontBackOffice" | "network"; code?: string; onboarded?: boolean } = {},
) {
  const municipality =
    over.onboarded && over.code
      ? await buildOnboardedMunicipality(db, { code: over.code })
      : await buildMunicipality(db, { code: over.code });
  const organisation = await buildOrganisation(db, municipality.id);
  const team = await buildTeam(db, municipality.id, { model: over.model });
  const member = async (role = "professional", office: "front" | "back" | null = null) => {
    const user = await buildUser(db, municipality.id, { role, organisationId: organisation.id });
    if (role === "professional" || role === "teamLead") {
      await buildMembership(db, municipality.id, team.id, user.id, organisation.id, { office });
    }
    return user;
  };
  return { municipality, organisation, team, member };
}
