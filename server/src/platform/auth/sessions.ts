import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { isRole, type Role } from "../access/permissions.ts";
import type { Config } from "../config.ts";
import type { Actor } from "../context.ts";
import type { DB } from "../db/schema.ts";

/** Where a logged-in session stands: fully in, or still owing a second factor. */
export type SessionStage = "active" | "mfaRequired" | "mfaSetupRequired";

export interface SessionState {
  id: string;
  stage: SessionStage;
  csrfToken: string;
  actor: Actor;
  username: string;
  municipalityName: string;
  organisationName: string | null;
  mfaEnabled: boolean;
  teams: { id: string; name: string; model: string; office: "front" | "back" | null }[];
}

export const SESSION_COOKIE = "wijkwerk_session";

export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * Sessions are platform plumbing: they are read before anyone's identity is known, so these queries
 * run as the owner, never through a user's context. The cookie carries only the token.
 */
export async function createSession(
  db: Kysely<DB>,
  user: { municipalityId: string; id: string },
  options: { mfaPassed: boolean; clientIp: string | null },
): Promise<string> {
  const token = newToken();
  await db
    .insertInto("session")
    .values({
      municipalityId: user.municipalityId,
      id: sessionIdOf(token),
      userId: user.id,
      csrfToken: newToken(),
      mfaPassed: options.mfaPassed,
      clientIp: options.clientIp,
    })
    .execute();
  return token;
}

export async function loadSession(
  db: Kysely<DB>,
  token: string,
  config: Pick<Config, "sessionIdleMinutes" | "sessionAbsoluteHours">,
  now = new Date(),
): Promise<SessionState | undefined> {
  const id = sessionIdOf(token);
  // One round trip: the session, its user, municipality, organisation and teams.
  const row = await db
    .selectFrom("session as s")
    .innerJoin("appUser as u", (j) =>
      j.onRef("u.municipalityId", "=", "s.municipalityId").onRef("u.id", "=", "s.userId"),
    )
    .innerJoin("municipality as m", "m.id", "s.municipalityId")
    .leftJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "u.municipalityId").onRef("o.id", "=", "u.homeOrganisationId"),
    )
    .select([
      "s.id",
      "s.csrfToken",
      "s.mfaPassed",
      "s.createdAt",
      "s.lastSeenAt",
      "u.id as userId",
      "u.municipalityId",
      "u.username",
      "u.displayName",
      "u.role",
      "u.homeOrganisationId",
      "u.totpEnabled",
      "u.disabledAt",
      "m.name as municipalityName",
      "m.mfaRequiredRoles",
      "o.name as organisationName",
      sql<SessionState["teams"]>`coalesce((
        select json_agg(json_build_object('id', t.id, 'name', t.name, 'model', t.model, 'office', tm.office)
          order by t.name)
        from team_membership tm join team t on t.municipality_id = tm.municipality_id and t.id = tm.team_id
        where tm.municipality_id = u.municipality_id and tm.user_id = u.id), '[]')`.as("teams"),
    ])
    .where("s.id", "=", id)
    .executeTakeFirst();
  if (!row || row.disabledAt || !isRole(row.role)) return undefined;
  const idleLimit = new Date(row.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
  const absoluteLimit = new Date(row.createdAt).getTime() + config.sessionAbsoluteHours * 3_600_000;
  if (now.getTime() > idleLimit || now.getTime() > absoluteLimit) {
    await db.deleteFrom("session").where("id", "=", id).execute();
    return undefined;
  }
  // Touch at most once a minute: the idle timer does not need more precision than that.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    await db.updateTable("session").set({ lastSeenAt: now }).where("id", "=", id).execute();
  }
  const teams = row.teams;
  const role: Role = row.role;
  // A session that passed a second factor (TOTP here, or at the identity provider) is fully in.
  const stage: SessionStage = row.mfaPassed
    ? "active"
    : row.totpEnabled
      ? "mfaRequired"
      : row.mfaRequiredRoles.includes(role)
        ? "mfaSetupRequired"
        : "active";
  return {
    id,
    stage,
    csrfToken: row.csrfToken,
    username: row.username,
    municipalityName: row.municipalityName,
    organisationName: row.organisationName,
    mfaEnabled: row.totpEnabled,
    teams,
    actor: {
      userId: row.userId,
      municipalityId: row.municipalityId,
      role,
      displayName: row.displayName,
      organisationId: row.homeOrganisationId,
      teamIds: teams.map((t) => t.id),
    },
  };
}

export async function markMfaPassed(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.updateTable("session").set({ mfaPassed: true }).where("id", "=", sessionId).execute();
}

export async function endSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom("session").where("id", "=", sessionId).execute();
}

export async function endUserSessions(db: Kysely<DB>, municipalityId: string, userId: string): Promise<void> {
  await db
    .deleteFrom("session")
    .where("municipalityId", "=", municipalityId)
    .where("userId", "=", userId)
    .execute();
}
