import { unprocessable } from "../../platform/http/errors.ts";
import {
  type ActorKind,
  ESCALATION_REASONS,
  type EscalationReason,
  RUNGS,
  type Rung,
} from "./plans.tables.ts";

/**
 * The support ladder (De Kanteling): own strength → own network → volunteers and collective provisions →
 * individual provision / specialist care. The rung follows from who acts; the migration checks the same map.
 */
const RUNG_OF_ACTOR: Record<ActorKind, Rung> = {
  resident: "ownStrength",
  networkMember: "ownNetwork",
  volunteer: "volunteersAndCollective",
  collectiveProvision: "volunteersAndCollective",
  teamProfessional: "individualProvision",
  individualProvision: "individualProvision",
  specialistCare: "specialistCare",
};

export function rungOf(actorKind: ActorKind): Rung {
  return RUNG_OF_ACTOR[actorKind];
}

export function rungIndex(rung: Rung): number {
  return RUNGS.indexOf(rung);
}

/** Professional care (individual provision, specialist care) needs the reason the lower rungs do not suffice. */
export function requiresEscalationReason(rung: Rung): boolean {
  return rung === "individualProvision" || rung === "specialistCare";
}

export const RUNG_NAMES: Record<Rung, string> = {
  ownStrength: "eigen kracht",
  ownNetwork: "eigen netwerk",
  volunteersAndCollective: "vrijwilligers en collectieve voorzieningen",
  individualProvision: "individuele voorziening",
  specialistCare: "specialistische zorg",
};

export const REASON_NAMES: Record<EscalationReason, string> = {
  noNetwork: "geen netwerk",
  networkOverburdened: "netwerk is overbelast",
  shameOrTaboo: "schaamte of taboe",
  conflict: "conflict",
  crisisFirst: "eerst de crisis oplossen",
  needsSpecialistExpertise: "specialistische deskundigheid nodig",
  other: "anders",
};

/** Checks the reason for a higher rung; returns what to store (null below the threshold). */
export function assertEscalationReason(
  rung: Rung,
  reason: string | null | undefined,
  note: string | null | undefined,
): { escalationReason: EscalationReason | null; escalationNote: string | null } {
  if (!requiresEscalationReason(rung)) return { escalationReason: null, escalationNote: null };
  const text = note?.trim() ?? "";
  if (!reason) {
    throw unprocessable(
      "escalationReasonRequired",
      `Een actie op de trede ${RUNG_NAMES[rung]} vraagt om de reden waarom eigen kracht, het eigen netwerk en vrijwilligers of collectieve voorzieningen niet volstaan. Kies een reden en licht die toe.`,
      { field: "escalationReason", rung, reasons: ESCALATION_REASONS },
    );
  }
  if (!(ESCALATION_REASONS as readonly string[]).includes(reason)) {
    throw unprocessable("unknownEscalationReason", `"${reason}" is geen reden uit de lijst.`, {
      field: "escalationReason",
      reasons: ESCALATION_REASONS,
    });
  }
  if (!text) {
    throw unprocessable(
      "escalationNoteRequired",
      `Licht de reden "${REASON_NAMES[reason as EscalationReason]}" toe in eigen woorden.`,
      { field: "escalationNote" },
    );
  }
  if (text.length > 2000)
    throw unprocessable("escalationNoteTooLong", "De toelichting is langer dan 2000 tekens.");
  return { escalationReason: reason as EscalationReason, escalationNote: text };
}

export interface LadderStep {
  rung: Rung;
  considered: boolean;
  actionCount: number;
  reasons: EscalationReason[];
}

/**
 * The ladder of one goal, in order: per rung whether it was considered (explicitly, or because an action
 * sits on it), how many actions it carries, and the reasons given for climbing past the lower rungs.
 */
export function ladderOfGoal(
  consideredRungs: readonly string[],
  actions: readonly { rung: Rung; escalationReason: EscalationReason | null }[],
): LadderStep[] {
  return RUNGS.map((rung) => {
    const on = actions.filter((a) => a.rung === rung);
    return {
      rung,
      considered: consideredRungs.includes(rung) || on.length > 0,
      actionCount: on.length,
      reasons: [...new Set(on.flatMap((a) => (a.escalationReason ? [a.escalationReason] : [])))],
    };
  });
}

/** Considered rungs as given, checked and put in ladder order. */
export function orderRungs(rungs: readonly string[]): Rung[] {
  for (const r of rungs) {
    if (!(RUNGS as readonly string[]).includes(r)) {
      throw unprocessable("unknownRung", `"${r}" is geen trede van de ondersteuningsladder.`, {
        field: "consideredRungs",
      });
    }
  }
  return RUNGS.filter((r) => rungs.includes(r));
}
