import assert from "node:assert/strict";
import type { Client } from "../../test/app.ts";
import { todayInNetherlands } from "../households/residents.rules.ts";

/** A day relative to today in Dutch time, as YYYY-MM-DD (decisions may not be due in the past). */
export function inDays(n: number): string {
  const today = todayInNetherlands(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Opens the case's plan and adds one finances goal, through the plans API as the given professional. */
export async function addPlanWithGoal(client: Client, caseId: string, ownWords: string) {
  const plan = await client.post(`/api/cases/${caseId}/plan`, { startDate: inDays(-7) });
  assert.equal(plan.statusCode, 201, plan.body);
  const { id: planId, version } = plan.json() as { id: string; version: number };
  const goal = await client.post(`/api/plans/${planId}/goals`, {
    version,
    domain: "finances",
    targetLevel: 4,
    targetDate: inDays(120),
    ownWords,
    professionalWording: "Overzicht in de financiën",
  });
  assert.equal(goal.statusCode, 200, goal.body);
  return { planId, goalId: (goal.json() as { id: string }).id };
}
