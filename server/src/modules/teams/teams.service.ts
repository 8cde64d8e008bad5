import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { organisationExists } from "../organisations/organisations.repository.ts";
import { findUser } from "../users/users.repository.ts";
import { findTeam, insertMembership, insertTeam, listMembers, listTeams } from "./teams.repository.ts";

type TeamModel = "integrated" | "frontBackOffice" | "network";

export async function getTeams(ctx: RequestContext) {
  return { items: await listTeams(ctx) };
}

/** Area codes must lie in the acting municipality (WKggggxx / BUggggxxyy with its gggg). */
export async function assertAreaCodesInMunicipality(ctx: RequestContext, codes: string[]) {
  const m = await ctx.trx.selectFrom("municipality").select("code").executeTakeFirstOrThrow();
  const digits = m.code.slice(2);
  const foreign = codes.filter((c) => c.slice(2, 6) !== digits);
  if (foreign.length > 0) {
    throw unprocessable(
      "areaOutsideMunicipality",
      `Deze wijk- of buurtcodes horen niet bij de gemeente: ${foreign.join(", ")}.`,
      {
        codes: foreign,
      },
    );
  }
}

export async function createTeam(
  ctx: RequestContext,
  input: { name: string; model: TeamModel; areaCodes: string[] },
) {
  await assertAreaCodesInMunicipality(ctx, input.areaCodes);
  const teams = await listTeams(ctx);
  if (teams.some((t) => t.name.toLowerCase() === input.name.trim().toLowerCase())) {
    throw conflict("teamExists", `Er is al een team met de naam "${input.name.trim()}".`);
  }
  const team = await insertTeam(ctx, input);
  await ctx.audit({ action: "team.created", resourceType: "team", resourceId: team.id, teamId: team.id });
  return { ...team, memberCount: 0 };
}

export async function getTeam(ctx: RequestContext, id: string) {
  const team = await findTeam(ctx, id);
  if (!team) throw notFound("Dit team bestaat niet.");
  const members = await listMembers(ctx, id);
  await ctx.audit({ action: "team.viewed", resourceType: "team", resourceId: id, teamId: id });
  return { ...team, members };
}

export async function addTeamMember(
  ctx: RequestContext,
  teamId: string,
  input: {
    userId: string;
    organisationId: string;
    hoursPerWeek: number;
    expertise: string[];
    office?: "front" | "back" | null;
  },
) {
  const team = await findTeam(ctx, teamId);
  if (!team) throw notFound("Dit team bestaat niet.");
  const user = await findUser(ctx, input.userId);
  if (!user) throw unprocessable("unknownUser", "Deze gebruiker bestaat niet.");
  if (!["professional", "teamLead"].includes(user.role)) {
    throw unprocessable("notStaff", "Alleen professionals en teamleiders kunnen lid van een team zijn.");
  }
  if (!(await organisationExists(ctx, input.organisationId))) {
    throw unprocessable("unknownOrganisation", "Deze organisatie bestaat niet.");
  }
  const office = input.office ?? null;
  if (team.model === "frontBackOffice" && office === null) {
    throw unprocessable(
      "officeRequired",
      "Kies bij dit team of de medewerker in de frontoffice of de backoffice werkt.",
    );
  }
  if (team.model !== "frontBackOffice" && office !== null) {
    throw unprocessable(
      "officeNotApplicable",
      "Front- en backoffice horen alleen bij een team met het front-/backofficemodel.",
    );
  }
  const existing = await listMembers(ctx, teamId);
  if (existing.some((m) => m.userId === input.userId))
    throw conflict("alreadyMember", "Deze medewerker is al lid van dit team.");
  await insertMembership(ctx, teamId, { ...input, office });
  await ctx.audit({
    action: "team.memberAdded",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { userId: input.userId },
  });
  return getTeam(ctx, teamId);
}
