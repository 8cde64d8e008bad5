import type { CaseStatus } from "../households/dossier.tables.ts";

export const CASE_STATUSES: readonly CaseStatus[] = [
  "registration",
  "intake",
  "plan",
  "execution",
  "evaluation",
  "closed",
  "reopened",
];

/** Dutch names as the API uses them in messages (the UI has its own catalogue). */
export const STATUS_NAMES: Record<CaseStatus, string> = {
  registration: "aanmelding",
  intake: "intake",
  plan: "plan",
  execution: "uitvoering",
  evaluation: "evaluatie",
  closed: "afgesloten",
  reopened: "heropend",
};

/**
 * Allowed status changes through the ordinary status route. Closing and reopening have their own
 * use cases (closure needs its required fields), so "closed" is not a target here and "closed" has no
 * way out except reopening. Going back a step (evaluation → plan) is allowed: plans get adjusted.
 */
const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  registration: ["intake"],
  intake: ["plan"],
  plan: ["execution", "intake"],
  execution: ["evaluation", "plan"],
  evaluation: ["execution", "plan"],
  closed: [],
  reopened: ["intake", "plan", "execution", "evaluation"],
};

export function allowedNextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function canClose(from: CaseStatus): boolean {
  return from !== "closed";
}

export function canReopen(from: CaseStatus): boolean {
  return from === "closed";
}
