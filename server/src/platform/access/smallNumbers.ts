import { unprocessable } from "../http/errors.ts";
import type { Role } from "./permissions.ts";

/**
 * Figures about residents for policy staff, who do not work with those residents: a number from 1 to 4
 * is withheld, and a period is at least four weeks, whatever a
 * request asks — so a figure cannot single out a person, a household or one day's signal.
 */
export const SMALL_NUMBER = 5;
export const MINIMUM_PERIOD_DAYS = 28;

/**
 * Whether this role sees aggregates only. Professionals and team leads work with the people behind their
 * own figures; the administrator composes teams per buurt from operational counts and sees no household.
 */
export function aggregatesOnly(role: Role): boolean {
  return role === "policyOfficer";
}

/** The number, or null when it is withheld for this role. */
export function withheld(role: Role, n: number): number | null {
  return aggregatesOnly(role) && n > 0 && n < SMALL_NUMBER ? null : n;
}

/**
 * The counts of one distribution, with small ones withheld; when exactly one is withheld, the smallest
 * other non-zero count is withheld too (it could otherwise be worked out from the total).
 */
export function withheldDistribution(role: Role, counts: readonly number[]): (number | null)[] {
  const shown: (number | null)[] = counts.map((n) => withheld(role, n));
  if (shown.filter((n) => n === null).length === 1) {
    let smallest = -1;
    shown.forEach((n, i) => {
      if (n !== null && n > 0 && (smallest < 0 || n < (shown[smallest] as number))) smallest = i;
    });
    if (smallest >= 0) shown[smallest] = null;
  }
  return shown;
}

/** Refuses a period shorter than the minimum for roles that see aggregates only. */
export function assertAggregatePeriod(role: Role, from: Date, to: Date): void {
  if (!aggregatesOnly(role)) return;
  if (to.getTime() - from.getTime() < MINIMUM_PERIOD_DAYS * 86_400_000) {
    throw unprocessable(
      "periodTooShort",
      `Kies een periode van minstens ${MINIMUM_PERIOD_DAYS} dagen: over een kortere periode zijn de cijfers tot personen te herleiden.`,
      { field: "from", minimumDays: MINIMUM_PERIOD_DAYS },
    );
  }
}
