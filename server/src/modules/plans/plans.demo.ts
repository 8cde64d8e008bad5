import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import type { ActorKind, PlanSnapshot, Rung } from "./plans.tables.ts";

const addDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

interface DemoPlan {
  household: string;
  network: {
    name: string;
    relation: string;
    contactFrequency: string;
    closeness: number;
    doesNow?: string;
    overburdened?: boolean;
    reluctance?: string[];
  }[];
  reviewInDays: number;
  goals: {
    domain: string;
    dataCategory: "ordinary" | "special";
    ownWords: string;
    professionalWording: string;
    rungs: Rung[];
    actions: {
      description: string;
      actorKind: ActorKind;
      rung: Rung;
      dueInDays: number;
      member?: string;
      entry?: string;
      actorName?: string;
      reason?: string;
      note?: string;
      /** An open request a neighbour could answer (reciprocity): volunteer actions with kinds of help. */
      helpTags?: string[];
    }[];
  }[];
}

const PLANS: DemoPlan[] = [
  {
    household: "Huishouden El Idrissi",
    reviewInDays: 20,
    network: [
      {
        name: "Tante Fatma",
        relation: "family",
        contactFrequency: "weekly",
        closeness: 1,
        doesNow: "Past op Yassin na school",
      },
      {
        name: "Buurvrouw Ans",
        relation: "neighbour",
        contactFrequency: "weekly",
        closeness: 2,
        doesNow: "Haalt soms boodschappen",
      },
      {
        name: "Broer Karim",
        relation: "family",
        contactFrequency: "rarely",
        closeness: 3,
        overburdened: true,
        reluctance: ["shame", "doesNotWantThemToKnow"],
      },
    ],
    goals: [
      {
        domain: "finances",
        dataCategory: "ordinary",
        ownWords: "Ik wil weer rust over geld en mijn post zelf kunnen openen.",
        professionalWording: "Overzicht in de schulden; betalingsregelingen lopen.",
        rungs: ["ownStrength", "ownNetwork", "volunteersAndCollective"],
        actions: [
          {
            description: "Samira opent elke maandag samen met de post",
            actorKind: "resident",
            rung: "ownStrength",
            dueInDays: 7,
          },
          {
            description: "Wekelijks naar het Administratiecafé",
            actorKind: "collectiveProvision",
            rung: "volunteersAndCollective",
            dueInDays: 14,
            entry: "Administratiecafé",
          },
        ],
      },
      {
        domain: "socialNetwork",
        dataCategory: "ordinary",
        ownWords: "Ik wil er niet alleen voor staan.",
        professionalWording: "Netwerk versterken.",
        rungs: ["ownStrength", "ownNetwork"],
        actions: [
          {
            description: "Tante Fatma gaat mee naar school voor het oudergesprek",
            actorKind: "networkMember",
            rung: "ownNetwork",
            dueInDays: -3,
            member: "Tante Fatma",
          },
        ],
      },
    ],
  },
  {
    household: "Huishouden Jansen",
    reviewInDays: -2,
    network: [
      {
        name: "Dochter Linda",
        relation: "family",
        contactFrequency: "weekly",
        closeness: 1,
        doesNow: "Regelt de fornuisbeveiliging",
        overburdened: true,
      },
    ],
    goals: [
      {
        domain: "mentalHealth",
        dataCategory: "special",
        ownWords: "Ik wil weten wat er met mijn geheugen is.",
        professionalWording: "Diagnostiek geheugenproblemen.",
        rungs: ["ownStrength", "ownNetwork", "volunteersAndCollective", "specialistCare"],
        actions: [
          {
            description: "Verwijzing geheugenpoli via de huisarts",
            actorKind: "specialistCare",
            rung: "specialistCare",
            dueInDays: 10,
            actorName: "Geheugenpoli",
            reason: "needsSpecialistExpertise",
            note: "Mogelijke dementie; diagnostiek nodig.",
          },
        ],
      },
      {
        domain: "socialNetwork",
        dataCategory: "ordinary",
        ownWords: "Ik wil af en toe iemand over de vloer, niet alleen Linda.",
        professionalWording: "Sociaal netwerk verbreden; mantelzorger ontlasten.",
        rungs: ["ownStrength", "ownNetwork", "volunteersAndCollective"],
        actions: [
          {
            description: "Een buurtbewoner die wekelijks mee boodschappen doet en een kop koffie drinkt",
            actorKind: "volunteer",
            rung: "volunteersAndCollective",
            dueInDays: 30,
            helpTags: ["shopping", "companionship"],
          },
        ],
      },
    ],
  },
];

/** Plans, networks and reviews for the demo households (issue 4); skipped for a household that is not there. */
export async function loadPlanDemo(trx: Kysely<DB>, municipalityId: string): Promise<void> {
  const m = municipalityId;
  for (const p of PLANS) {
    const c = await trx
      .selectFrom("caseFile as c")
      .innerJoin("household as h", (j) =>
        j.onRef("h.municipalityId", "=", "c.municipalityId").onRef("h.id", "=", "c.householdId"),
      )
      .innerJoin("caseProfessional as l", (j) =>
        j
          .onRef("l.municipalityId", "=", "c.municipalityId")
          .onRef("l.caseId", "=", "c.id")
          .on("l.isCaseLead", "=", true),
      )
      .select(["c.id", "c.householdId", "l.userId"])
      .where("c.municipalityId", "=", m)
      .where("h.name", "=", p.household)
      .where("c.status", "!=", "closed")
      .executeTakeFirst();
    if (!c) continue;
    const members = new Map<string, string>();
    for (const n of p.network) {
      const id = randomUUID();
      members.set(n.name, id);
      await trx
        .insertInto("networkMember")
        .values({
          municipalityId: m,
          id,
          householdId: c.householdId,
          residentId: null,
          name: n.name,
          relation: n.relation,
          contactFrequency: n.contactFrequency,
          closeness: n.closeness,
          doesNow: n.doesNow ?? null,
          couldDo: null,
          overburdened: n.overburdened ?? false,
          reluctance: n.reluctance ?? [],
          reluctanceNote: null,
          phone: null,
          createdByUserId: c.userId,
          removedAt: null,
          removedByUserId: null,
        })
        .execute();
    }
    const planId = randomUUID();
    await trx
      .insertInto("supportPlan")
      .values({
        municipalityId: m,
        id: planId,
        caseId: c.id,
        householdId: c.householdId,
        startDate: addDays(-40),
        expectedEndDate: addDays(140),
        createdByUserId: c.userId,
      })
      .execute();
    await trx
      .insertInto("planReview")
      .values({
        municipalityId: m,
        id: randomUUID(),
        planId,
        householdId: c.householdId,
        dueOn: addDays(p.reviewInDays),
        heldOn: null,
        outcome: null,
        heldByUserId: null,
      })
      .execute();
    // Version 1 carries the plan as it was loaded, so comparing from version 1 shows real changes.
    const snapshot: PlanSnapshot = {
      startDate: addDays(-40),
      expectedEndDate: addDays(140),
      nextReviewOn: addDays(p.reviewInDays),
      goals: [],
      actions: [],
    };
    for (const [i, g] of p.goals.entries()) {
      const goalId = randomUUID();
      snapshot.goals.push({
        id: goalId,
        domain: g.domain,
        targetLevel: 4,
        startDate: addDays(-40),
        targetDate: addDays(120),
        ownWords: g.ownWords,
        professionalWording: g.professionalWording,
        status: "active",
        consideredRungs: g.rungs,
      });
      await trx
        .insertInto("planGoal")
        .values({
          municipalityId: m,
          id: goalId,
          planId,
          householdId: c.householdId,
          residentId: null,
          domain: g.domain,
          dataCategory: g.dataCategory,
          currentLevel: 2,
          currentLevelAssessedOn: null,
          targetLevel: 4,
          startDate: addDays(-40),
          targetDate: addDays(120),
          ownWords: g.ownWords,
          professionalWording: g.professionalWording,
          consideredRungs: g.rungs,
          ladderNote: null,
          position: i + 1,
          removedAt: null,
        })
        .execute();
      for (const a of g.actions) {
        const entry = a.entry
          ? await trx
              .selectFrom("directoryEntry")
              .select("id")
              .where("municipalityId", "=", m)
              .where("name", "=", a.entry)
              .executeTakeFirst()
          : undefined;
        if (a.entry && !entry) continue;
        const actionId = randomUUID();
        const networkMemberId = a.member ? (members.get(a.member) ?? null) : null;
        snapshot.actions.push({
          id: actionId,
          goalId,
          description: a.description,
          dueDate: addDays(a.dueInDays),
          status: "planned",
          actorKind: a.actorKind,
          rung: a.rung,
          actor: a.member ?? a.entry ?? a.actorName ?? null,
          escalationReason: a.reason ?? null,
        });
        await trx
          .insertInto("planAction")
          .values({
            municipalityId: m,
            id: actionId,
            planId,
            goalId,
            householdId: c.householdId,
            dataCategory: g.dataCategory,
            description: a.description,
            dueDate: addDays(a.dueInDays),
            actorKind: a.actorKind,
            rung: a.rung,
            networkMemberId,
            directoryEntryId: entry?.id ?? null,
            professionalUserId: null,
            actorName: a.actorName ?? null,
            escalationReason: (a.reason ?? null) as never,
            escalationNote: a.note ?? null,
            helpTags: a.helpTags ?? [],
            createdByUserId: c.userId,
            completedAt: null,
            removedAt: null,
          })
          .execute();
      }
    }
    await trx
      .insertInto("planVersion")
      .values({
        municipalityId: m,
        planId,
        version: 1,
        householdId: c.householdId,
        changedByUserId: c.userId,
        summary: "Plan opgesteld (demo)",
        snapshot: JSON.stringify(snapshot),
      })
      .execute();
  }
}
