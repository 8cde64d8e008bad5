import type { Kysely } from "kysely";
import { importShippedCbsFiles } from "../modules/areaAnalysis/cbs.repository.ts";
import { loadConferenceDemo } from "../modules/conferences/conferences.demo.ts";
import { loadDemoDirectory } from "../modules/directory/directory.demo.ts";
import { loadDossierDemo } from "../modules/households/dossier.demo.ts";
import { loadPlanDemo } from "../modules/plans/plans.demo.ts";
import { loadPortalDemo } from "../modules/portal/portal.demo.ts";
import { loadDemoSignals } from "../modules/signals/signals.demo.ts";
import { hashPassword } from "../platform/auth/password.ts";
import type { DB } from "../platform/db/schema.ts";

export const DEMO_PASSWORD = "Wijkwerk-demo-2026!";

interface DemoUser {
  username: string;
  displayName: string;
  role: string;
  organisation: string | null;
  team?: { name: string; hours: number; expertise: string[]; office?: "front" | "back" };
}

const ORGANISATIONS: [string, string][] = [
  ["Gemeente Utrecht", "municipality"],
  ["Welzijn Stad Utrecht", "welfare"],
  ["Maatschappelijk Werk Utrecht", "socialWork"],
  ["GGZ Centraal Utrecht", "mentalHealth"],
  ["Buurtzorg Utrecht", "homeCare"],
  ["Huisartsenpraktijk Overvecht", "generalPractice"],
  ["Woningcorporatie Mitros", "housingCorporation"],
  ["Politie Basisteam Utrecht-Noord", "police"],
  ["Jeugd en Gezin Utrecht (CJG)", "youthAndFamilyCentre"],
  ["Schuldhulp Utrecht", "debtCounselling"],
  ["Vrijwilligerscentrale Utrecht", "volunteerOrganisation"],
];

/** The three team models of the research report, in one demo municipality. */
const TEAMS: [string, "integrated" | "frontBackOffice" | "network", string[]][] = [
  ["Buurtteam Overvecht", "integrated", ["WK034403"]],
  ["Wmo-loket Zuidwest", "frontBackOffice", ["WK034408", "WK034407"]],
  ["Netwerkteam Oost", "network", ["WK034405"]],
];

const USERS: DemoUser[] = [
  { username: "beheer", displayName: "Bea Beheer", role: "administrator", organisation: "Gemeente Utrecht" },
  {
    username: "teamleider",
    displayName: "Tom de Leider",
    role: "teamLead",
    organisation: "Welzijn Stad Utrecht",
    team: { name: "Buurtteam Overvecht", hours: 32, expertise: ["multiprobleem"] },
  },
  {
    username: "buurtwerker",
    displayName: "Fatima el Amrani",
    role: "professional",
    organisation: "Maatschappelijk Werk Utrecht",
    team: {
      name: "Buurtteam Overvecht",
      hours: 28,
      expertise: ["finances", "domesticRelations", "multiprobleem"],
    },
  },
  {
    username: "buurtwerker2",
    displayName: "Jeroen Bakker",
    role: "professional",
    organisation: "GGZ Centraal Utrecht",
    team: { name: "Buurtteam Overvecht", hours: 28, expertise: ["mentalHealth", "addiction", "psychiatrie"] },
  },
  {
    username: "loket",
    displayName: "Sanne Visser",
    role: "professional",
    organisation: "Gemeente Utrecht",
    team: { name: "Wmo-loket Zuidwest", hours: 36, expertise: ["housing"], office: "front" },
  },
  {
    username: "backoffice",
    displayName: "Ahmed Yilmaz",
    role: "professional",
    organisation: "Buurtzorg Utrecht",
    team: {
      name: "Wmo-loket Zuidwest",
      hours: 24,
      expertise: ["physicalHealth", "basicAdl"],
      office: "back",
    },
  },
  {
    username: "netwerk",
    displayName: "Lotte Jansen",
    role: "professional",
    organisation: "Jeugd en Gezin Utrecht (CJG)",
    team: { name: "Netwerkteam Oost", hours: 8, expertise: ["domesticRelations", "jeugd"] },
  },
  {
    username: "netwerk2",
    displayName: "Pieter de Groot",
    role: "professional",
    organisation: "Schuldhulp Utrecht",
    team: { name: "Netwerkteam Oost", hours: 8, expertise: ["finances"] },
  },
  {
    username: "huisarts",
    displayName: "Dr. Eva Smit",
    role: "partner",
    organisation: "Huisartsenpraktijk Overvecht",
  },
  {
    username: "wijkagent",
    displayName: "Kees Mulder",
    role: "partner",
    organisation: "Politie Basisteam Utrecht-Noord",
  },
  {
    username: "beleid",
    displayName: "Noor Hendriks",
    role: "policyOfficer",
    organisation: "Gemeente Utrecht",
  },
];

/** Loads the demo municipality once, on a database that has no municipality yet. */
export async function loadDemoData(db: Kysely<DB>): Promise<boolean> {
  const any = await db.selectFrom("municipality").select("id").limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const { id: municipalityId } = await trx
      .insertInto("municipality")
      .values({ code: "GM0344", name: "Gemeente Utrecht (demo)" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const orgIds = new Map<string, string>();
    for (const [name, type] of ORGANISATIONS) {
      const { id } = await trx
        .insertInto("organisation")
        .values({ municipalityId, name, type })
        .returning("id")
        .executeTakeFirstOrThrow();
      orgIds.set(name, id);
    }
    const teamIds = new Map<string, string>();
    for (const [name, model, areaCodes] of TEAMS) {
      const { id } = await trx
        .insertInto("team")
        .values({ municipalityId, name, model, areaCodes })
        .returning("id")
        .executeTakeFirstOrThrow();
      teamIds.set(name, id);
    }
    for (const u of USERS) {
      const homeOrganisationId = u.organisation ? (orgIds.get(u.organisation) ?? null) : null;
      const { id: userId } = await trx
        .insertInto("appUser")
        .values({
          municipalityId,
          username: u.username,
          displayName: u.displayName,
          email: `${u.username}@demo.wijkwerk.nl`,
          role: u.role,
          homeOrganisationId,
          passwordHash,
          totpSecret: null,
          oidcSubject: null,
          lockedUntil: null,
          disabledAt: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const teamId = u.team && teamIds.get(u.team.name);
      if (u.team && teamId && homeOrganisationId) {
        await trx
          .insertInto("teamMembership")
          .values({
            municipalityId,
            teamId,
            userId,
            organisationId: homeOrganisationId,
            hoursPerWeek: u.team.hours,
            expertise: u.team.expertise,
            office: u.team.office ?? null,
          })
          .execute();
      }
    }
    await loadDemoDirectory(trx, municipalityId);
    await loadDossierDemo(trx, municipalityId, "GM0344");
    await loadConferenceDemo(trx, municipalityId);
    await loadDemoSignals(trx, municipalityId);
    await loadPlanDemo(trx, municipalityId);
    await loadPortalDemo(trx, municipalityId);
    await importShippedCbsFiles(trx, municipalityId, "GM0344");
  });
  return true;
}
