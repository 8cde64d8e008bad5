import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";
import { listTeamMembers } from "../staffing/staffing.repository.ts";
import { listTeams } from "../teams/teams.repository.ts";
import { listYears } from "./areaAnalysis.repository.ts";
import { demandPerArea, pickYear } from "./areaAnalysis.service.ts";
import { allocateBudget, type BudgetParameters } from "./budget.ts";

/** The population-based budget for all teams, from the figures of one year (default: the newest with inhabitants). */
export async function getPopulationBudget(
  ctx: RequestContext,
  input: Partial<BudgetParameters> & { year?: number },
) {
  const years = await listYears(ctx);
  const year = input.year ?? (await pickYear(ctx));
  if (year == null || !years.some((y) => y.year === year))
    throw unprocessable(
      "noDataForYear",
      "Er zijn geen CBS-cijfers voor dit jaar; importeer eerst de Kerncijfers wijken en buurten.",
    );
  const teams = await listTeams(ctx);
  const members = await listTeamMembers(ctx);
  const byCode = new Map<string, { inhabitants: number | null; index: number | null; name: string }>();
  for (const level of ["district", "neighbourhood"] as const) {
    const { figures, demand } = await demandPerArea(ctx, year, level);
    const index = new Map(demand.map((d) => [d.code, d.index]));
    for (const f of figures)
      byCode.set(f.code, {
        inhabitants: f.values.inhabitants ?? null,
        index: index.get(f.code) ?? null,
        name: f.name,
      });
  }
  const parameters: BudgetParameters = {
    budget: input.budget ?? null,
    populationShare: input.populationShare ?? 0.5,
    hourlyRate: input.hourlyRate ?? 75,
    weeksPerYear: input.weeksPerYear ?? 52,
  };
  const result = allocateBudget(
    teams.map((t) => ({
      teamId: t.id,
      teamName: t.name,
      hoursPerWeek: members.filter((m) => m.teamId === t.id).reduce((s, m) => s + m.hoursPerWeek, 0),
      areas: t.areaCodes.map((code) => ({
        code,
        inhabitants: byCode.get(code)?.inhabitants ?? null,
        index: byCode.get(code)?.index ?? null,
      })),
    })),
    parameters,
  );
  return { year, ...result };
}
