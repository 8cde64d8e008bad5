import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { loadAreas } from "../areas/areas.loader.ts";
import { ZRM_DOMAINS } from "../assessments/zrm.ts";
import type { CaseStatus, Relation } from "./dossier.tables.ts";

interface DemoHousehold {
  team: string;
  name: string;
  members: {
    givenName: string;
    familyName: string;
    birthDate: string;
    bsn: string | null;
    relation: Relation;
    language?: string;
    interpreter?: boolean;
  }[];
  address: { postcode: string; houseNumber: number; street: string; neighbourhoodCode: string };
  status: CaseStatus;
  lead: string;
  involved: { username: string; role: string }[];
  decidedBy: string;
  grounds: string;
  intake: {
    request: string;
    underlying: string;
    domains: string[];
    urgency: "low" | "normal" | "high" | "acute";
    strengths: string;
    network: string;
    safety: string | null;
  };
  /** Two ZRM moments: levels per 2017 domain key (others at 4). */
  zrm: [string, Record<string, number>][];
  journal: [string, "homeVisit" | "phoneCall" | "consultation" | "meeting", string][];
}

const HOUSEHOLDS: DemoHousehold[] = [
  {
    team: "Buurtteam Overvecht",
    name: "Huishouden El Idrissi",
    members: [
      {
        givenName: "Samira",
        familyName: "El Idrissi",
        birthDate: "1982-06-14",
        bsn: "111222333",
        relation: "self",
        language: "ar",
        interpreter: true,
      },
      {
        givenName: "Yassin",
        familyName: "El Idrissi",
        birthDate: "2009-11-02",
        bsn: "123456782",
        relation: "child",
      },
    ],
    address: { postcode: "3563 HK", houseNumber: 41, street: "Wolgadreef", neighbourhoodCode: "BU03440312" },
    status: "execution",
    lead: "buurtwerker",
    involved: [{ username: "buurtwerker2", role: "Ondersteuning geestelijke gezondheid" }],
    decidedBy: "teamleider",
    grounds: "Casusoverleg: signaal van de woningcorporatie over huurachterstand; zoon verzuimt school.",
    intake: {
      request: "Ik wil niet uit mijn huis gezet worden.",
      underlying: "Overzicht over geld en post; zorgen om Yassin die niet naar school gaat en weinig slaapt.",
      domains: ["finances", "housing", "domesticRelations", "mentalHealth"],
      urgency: "high",
      strengths: "Samira is vastberaden en houdt contact met school.",
      network: "Zus in Kanaleneiland helpt met formulieren; buurvrouw past soms op.",
      safety: null,
    },
    zrm: [
      [
        "2025-09-10",
        {
          finances: 1,
          housing: 2,
          domesticRelations: 2,
          mentalHealth: 3,
          socialNetwork: 3,
          workAndEducation: 2,
        },
      ],
      [
        "2026-01-20",
        {
          finances: 3,
          housing: 4,
          domesticRelations: 3,
          mentalHealth: 3,
          socialNetwork: 4,
          workAndEducation: 2,
        },
      ],
    ],
    journal: [
      [
        "2025-09-08",
        "homeVisit",
        "Keukentafelgesprek met Samira (tolk via telefoon). Post samen gesorteerd; drie aanmaningen.",
      ],
      ["2025-09-15", "phoneCall", "Woningcorporatie gebeld: ontruiming aangehouden bij betalingsregeling."],
      ["2025-10-02", "consultation", "Consultatie met Jeroen (GGZ) over slaapproblemen van Yassin."],
      [
        "2026-01-20",
        "meeting",
        "Evaluatiegesprek: betalingsregeling loopt, Yassin weer drie dagen per week op school.",
      ],
    ],
  },
  {
    team: "Buurtteam Overvecht",
    name: "Huishouden Jansen",
    members: [
      {
        givenName: "Henk",
        familyName: "Jansen",
        birthDate: "1946-03-30",
        bsn: "999999990",
        relation: "self",
      },
    ],
    address: {
      postcode: "3562 CD",
      houseNumber: 7,
      street: "Zamenhofdreef",
      neighbourhoodCode: "BU03440321",
    },
    status: "plan",
    lead: "buurtwerker2",
    involved: [],
    decidedBy: "teamleider",
    grounds: "Melding huisarts: vereenzaming en vergeetachtigheid na overlijden echtgenote.",
    intake: {
      request: "Het gaat wel, maar het huis is zo stil.",
      underlying: "Eenzaamheid en beginnende vergeetachtigheid; eten en medicijnen schieten erbij in.",
      domains: ["socialNetwork", "physicalHealth", "instrumentalAdl"],
      urgency: "acute",
      strengths: "Houdt van tuinieren; kent veel mensen uit de volkstuin.",
      network: "Dochter in Amersfoort (komt eens per maand), buurman Kees.",
      safety: "Gasfornuis bleef twee keer aan staan.",
    },
    zrm: [
      ["2025-11-05", { socialNetwork: 1, physicalHealth: 2, instrumentalAdl: 2, timeUse: 2 }],
      ["2026-02-10", { socialNetwork: 2, physicalHealth: 3, instrumentalAdl: 3, timeUse: 3 }],
    ],
    journal: [
      [
        "2025-11-04",
        "homeVisit",
        "Huisbezoek met de huisarts. Koelkast bijna leeg; maaltijdservice besproken.",
      ],
      ["2025-11-20", "phoneCall", "Dochter gebeld: zij regelt een fornuisbeveiliging."],
    ],
  },
  {
    team: "Netwerkteam Oost",
    name: "Huishouden de Boer",
    members: [
      { givenName: "Marloes", familyName: "de Boer", birthDate: "1990-01-22", bsn: null, relation: "self" },
      { givenName: "Ruben", familyName: "de Boer", birthDate: "1988-08-08", bsn: null, relation: "partner" },
    ],
    address: { postcode: "3581 KP", houseNumber: 3, street: "Biltstraat", neighbourhoodCode: "BU03440511" },
    status: "intake",
    lead: "netwerk",
    involved: [{ username: "netwerk2", role: "Schuldhulpverlening" }],
    decidedBy: "netwerk",
    grounds: "Netwerkoverleg Oost: CJG en schuldhulp zien hetzelfde gezin.",
    intake: {
      request: "We komen elke maand tekort.",
      underlying: "Schulden door studie en een auto; spanning tussen de ouders.",
      domains: ["finances", "domesticRelations"],
      urgency: "normal",
      strengths: "Beiden werken; willen graag zelf de regie houden.",
      network: "Ouders van Ruben wonen in de buurt.",
      safety: null,
    },
    zrm: [
      ["2026-01-12", { finances: 2, domesticRelations: 3 }],
      ["2026-03-02", { finances: 3, domesticRelations: 3 }],
    ],
    journal: [["2026-01-12", "homeVisit", "Intakegesprek thuis met beide ouders."]],
  },
];

/** A living dossier for the demo: households with a case, intake, two ZRM moments and a journal. */
export async function loadDossierDemo(trx: Kysely<DB>, municipalityId: string, municipalityCode: string) {
  await loadAreas(trx, municipalityId, municipalityCode);
  const users = new Map(
    (
      await trx
        .selectFrom("appUser")
        .select(["id", "username", "homeOrganisationId"])
        .where("municipalityId", "=", municipalityId)
        .execute()
    ).map((u) => [u.username, u]),
  );
  const teams = new Map(
    (
      await trx
        .selectFrom("team")
        .select(["id", "name"])
        .where("municipalityId", "=", municipalityId)
        .execute()
    ).map((t) => [t.name, t.id]),
  );
  const user = (username: string) => {
    const u = users.get(username);
    if (!u?.homeOrganisationId) throw new Error(`demo user ${username} missing`);
    return { id: u.id, organisationId: u.homeOrganisationId };
  };
  const base = { municipalityId };
  for (const h of HOUSEHOLDS) {
    const teamId = teams.get(h.team);
    if (!teamId) throw new Error(`demo team ${h.team} missing`);
    const lead = user(h.lead);
    const householdId = randomUUID();
    await trx
      .insertInto("household")
      .values({
        ...base,
        id: householdId,
        name: h.name,
        registeredByTeamId: teamId,
        registeredByUserId: lead.id,
      })
      .execute();
    const residentIds: string[] = [];
    for (const [i, m] of h.members.entries()) {
      const id = randomUUID();
      residentIds.push(id);
      await trx
        .insertInto("resident")
        .values({
          ...base,
          id,
          givenName: m.givenName,
          familyName: m.familyName,
          birthDate: m.birthDate,
          bsn: m.bsn,
          ...h.address,
          houseNumberAddition: null,
          city: "Utrecht",
          phone: i === 0 ? "06-12345678" : null,
          email: null,
          preferredLanguage: m.language ?? "nl",
          interpreterNeeded: m.interpreter ?? false,
        })
        .execute();
      await trx
        .insertInto("householdMember")
        .values({ ...base, householdId, residentId: id, relation: m.relation, isMainContact: i === 0 })
        .execute();
    }
    const caseId = randomUUID();
    const openedAt = new Date(`${h.journal[0]?.[0] ?? "2026-01-01"}T09:00:00Z`);
    await trx
      .insertInto("caseFile")
      .values({
        ...base,
        id: caseId,
        householdId,
        teamId,
        status: h.status,
        acute: h.intake.urgency === "acute",
        allocatedByUserId: user(h.decidedBy).id,
        allocationGrounds: h.grounds,
        openedAt,
        openedByUserId: lead.id,
      })
      .execute();
    const path: CaseStatus[] = ["registration", "intake", "plan", "execution"];
    const steps = path.slice(0, path.indexOf(h.status) + 1);
    for (const [i, status] of steps.entries()) {
      await trx
        .insertInto("caseStatusChange")
        .values({
          ...base,
          id: randomUUID(),
          caseId,
          householdId,
          fromStatus: i === 0 ? null : (steps[i - 1] ?? null),
          toStatus: status,
          note: null,
          changedByUserId: lead.id,
          changedAt: new Date(openedAt.getTime() + i * 86_400_000),
        })
        .execute();
    }
    await trx
      .insertInto("caseProfessional")
      .values({
        ...base,
        caseId,
        userId: lead.id,
        householdId,
        organisationId: lead.organisationId,
        roleInCase: "Regiehouder",
        isCaseLead: true,
      })
      .execute();
    await trx
      .insertInto("caseLeadHandover")
      .values({
        ...base,
        id: randomUUID(),
        caseId,
        householdId,
        fromUserId: null,
        toUserId: lead.id,
        note: "Regiehouder aangewezen bij de aanmelding.",
        handedOverByUserId: user(h.decidedBy).id,
        handedOverAt: openedAt,
      })
      .execute();
    for (const inv of h.involved) {
      const u = user(inv.username);
      await trx
        .insertInto("caseProfessional")
        .values({
          ...base,
          caseId,
          userId: u.id,
          householdId,
          organisationId: u.organisationId,
          roleInCase: inv.role,
          isCaseLead: false,
        })
        .execute();
    }
    await trx
      .insertInto("intake")
      .values({
        ...base,
        id: randomUUID(),
        caseId,
        householdId,
        conversationDate: h.journal[0]?.[0] ?? "2026-01-01",
        location: "homeVisit",
        locationNote: null,
        requestInOwnWords: h.intake.request,
        underlyingQuestion: h.intake.underlying,
        lifeDomains: h.intake.domains,
        ownStrengths: h.intake.strengths,
        networkSummary: h.intake.network,
        urgency: h.intake.urgency,
        safetyConcerns: h.intake.safety,
        recordedByUserId: lead.id,
        recordedAt: new Date(openedAt.getTime() + 86_400_000),
      })
      .execute();
    for (const [assessedOn, levels] of h.zrm) {
      const assessmentId = randomUUID();
      await trx
        .insertInto("assessment")
        .values({
          ...base,
          id: assessmentId,
          caseId,
          householdId,
          residentId: residentIds[0] ?? "",
          zrmVersion: "2017",
          assessedOn,
          assessorUserId: lead.id,
          recordedAt: new Date(`${assessedOn}T15:00:00Z`),
        })
        .execute();
      await trx
        .insertInto("assessmentScore")
        .values(
          ZRM_DOMAINS["2017"].map((d) => ({
            ...base,
            assessmentId,
            householdId,
            domain: d.key,
            dataCategory: d.dataCategory,
            level: levels[d.key] ?? 4,
            residentLevel: d.key === "finances" ? Math.min(5, (levels[d.key] ?? 4) + 1) : null,
            note: null,
            assessedOn,
            assessorUserId: lead.id,
          })),
        )
        .execute();
    }
    for (const [occurredOn, kind, text] of h.journal) {
      await trx
        .insertInto("journalEntry")
        .values({
          ...base,
          id: randomUUID(),
          householdId,
          caseId,
          kind,
          occurredOn,
          participants: null,
          text,
          authorUserId: lead.id,
        })
        .execute();
    }
  }
}
