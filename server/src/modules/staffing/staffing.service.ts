import { hasPermission } from "../../platform/access/permissions.ts";
import type { RequestContext } from "../../platform/context.ts";
import { forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import { demandPerArea, pickYear, SMALL_CELL } from "../areaAnalysis/areaAnalysis.service.ts";
import { findTeam, listTeams } from "../teams/teams.repository.ts";
import {
  findNorm,
  listSlots,
  listTeamMembers,
  replaceSlots,
  teamDomainNeeds,
  upsertNorm,
} from "./staffing.repository.ts";
import {
  coverageMatrix,
  domainsFromAreaDemand,
  type HalfDay,
  hoursPerOrganisation,
  type Norm,
  staffingGaps,
} from "./staffing.rules.ts";

/** Nieuwegein's norm from the report, used until a team sets its own. */
export const DEFAULT_NORM: Norm = { peoplePerHalfDay: 2, hoursPerWeek: 80, hoursPerHalfDay: 4 };

const seesNames = (ctx: RequestContext) => hasPermission(ctx.actor.role, "staffing.readMembers");

async function assertTeam(ctx: RequestContext, teamId: string) {
  const team = await findTeam(ctx, teamId);
  if (!team) throw notFound("Dit team bestaat niet.");
  return team;
}

function assertMayManage(ctx: RequestContext, teamId: string) {
  if (ctx.actor.role === "teamLead" && !ctx.actor.teamIds.includes(teamId))
    throw forbidden("Alleen de teamleider van dit team of een beheerder past de bezetting aan.");
}

/** Life domains the team's work needs: from ZRM scores at level 1–2, else from its areas' demand. */
async function neededDomains(ctx: RequestContext, areaCodes: string[], teamId: string) {
  const zrm = await teamDomainNeeds(ctx, teamId);
  if (zrm.length > 0) return { source: "zrm" as const, needs: zrm };
  const year = await pickYear(ctx);
  if (year == null || areaCodes.length === 0) return { source: "none" as const, needs: [] };
  const components: { component: string; relative: number | null }[] = [];
  for (const level of ["district", "neighbourhood"] as const) {
    const codes = areaCodes.filter((c) => c.startsWith(level === "district" ? "WK" : "BU"));
    if (codes.length === 0) continue;
    const { demand } = await demandPerArea(ctx, year, level);
    for (const d of demand) if (codes.includes(d.code)) components.push(...d.components);
  }
  return { source: "areaDemand" as const, needs: domainsFromAreaDemand(components), year };
}

export async function getTeamStaffing(ctx: RequestContext, teamId: string) {
  const team = await assertTeam(ctx, teamId);
  const members = await listTeamMembers(ctx, teamId);
  const savedNorm = await findNorm(ctx, teamId);
  const norm = savedNorm ?? DEFAULT_NORM;
  const slots = await listSlots(ctx, teamId);
  const { source, needs } = await neededDomains(ctx, team.areaCodes, teamId);
  const matrix = coverageMatrix(members, needs);
  const gaps = staffingGaps(members, slots, norm);
  const names = seesNames(ctx);
  if (names) await ctx.audit({ action: "staffing.viewed", resourceType: "team", resourceId: teamId, teamId });
  return {
    team: { id: team.id, name: team.name, model: team.model, areaCodes: team.areaCodes },
    mayManage:
      hasPermission(ctx.actor.role, "staffing.manage") &&
      !(ctx.actor.role === "teamLead" && !ctx.actor.teamIds.includes(teamId)),
    norm: { ...norm, isDefault: savedNorm === null },
    coverage: {
      source,
      // Counts of households below 5 are not shown to those who see no names (policy staff).
      columns: matrix.columns.map((c) => {
        const small = !names && c.need != null && c.need < SMALL_CELL;
        return { ...c, need: small ? null : c.need, needSuppressed: small };
      }),
      gaps: matrix.gaps,
      rows: names
        ? matrix.rows.map((r, i) => ({
            ...r,
            displayName: members[i]?.displayName ?? "",
            organisationName: members[i]?.organisationName ?? "",
          }))
        : null,
    },
    members: names
      ? members.map((m) => ({
          userId: m.userId,
          displayName: m.displayName,
          organisationName: m.organisationName,
          hoursPerWeek: m.hoursPerWeek,
        }))
      : null,
    organisations: hoursPerOrganisation(members),
    staffing: {
      ...gaps,
      grid: gaps.grid.map((g) => ({ ...g, present: g.present.length, userIds: names ? g.present : null })),
      overRostered: names ? gaps.overRostered : [],
    },
  };
}

export async function setNorm(ctx: RequestContext, teamId: string, norm: Norm) {
  await assertTeam(ctx, teamId);
  assertMayManage(ctx, teamId);
  await upsertNorm(ctx, teamId, norm);
  await ctx.audit({
    action: "staffing.normChanged",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { ...norm },
  });
  return getTeamStaffing(ctx, teamId);
}

export async function setRoster(
  ctx: RequestContext,
  teamId: string,
  slots: { userId: string; weekday: number; halfDay: HalfDay }[],
) {
  await assertTeam(ctx, teamId);
  assertMayManage(ctx, teamId);
  const members = new Set((await listTeamMembers(ctx, teamId)).map((m) => m.userId));
  const strangers = [...new Set(slots.filter((s) => !members.has(s.userId)).map((s) => s.userId))];
  if (strangers.length > 0)
    throw unprocessable("notTeamMember", "Alleen leden van dit team kunnen op het rooster staan.", {
      userIds: strangers,
    });
  const keys = slots.map((s) => `${s.userId}:${s.weekday}:${s.halfDay}`);
  if (new Set(keys).size !== keys.length)
    throw unprocessable("duplicateSlot", "Een medewerker staat twee keer op hetzelfde dagdeel.");
  await replaceSlots(ctx, teamId, slots);
  await ctx.audit({
    action: "staffing.rosterChanged",
    resourceType: "team",
    resourceId: teamId,
    teamId,
    details: { slots: slots.length },
  });
  return getTeamStaffing(ctx, teamId);
}

/** Co-funding: hours per home organisation per team, for the whole municipality (no names). */
export async function getCoFunding(ctx: RequestContext) {
  const teams = await listTeams(ctx);
  const members = await listTeamMembers(ctx);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
    organisations: hoursPerOrganisation(members).map((o) => ({
      ...o,
      perTeam: teams.map((t) => ({
        teamId: t.id,
        hoursPerWeek: members
          .filter((m) => m.teamId === t.id && m.organisationId === o.organisationId)
          .reduce((s, m) => s + m.hoursPerWeek, 0),
      })),
    })),
  };
}
