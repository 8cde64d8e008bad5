import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { DEMO_PASSWORD } from "../../server/src/demo/demo-data.ts";
import { loadAreas } from "../../server/src/modules/areas/areas.loader.ts";
import { loadDemoDirectory } from "../../server/src/modules/directory/directory.demo.ts";
import { hashPassword } from "../../server/src/platform/auth/password.ts";
import type { DB } from "../../server/src/platform/db/schema.ts";
import { assignTeams, type BuurtWeight, buurtWeights, type Scale } from "./scales.ts";

/** A deterministic uuid from the seed and a key (the same run gives the same ids). */
export const uid = (seed: number, key: string) => {
  const h = createHash("md5").update(`${seed}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

const ORGANISATIONS: [string, string][] = [
  ["Gemeente", "municipality"],
  ["Welzijnsorganisatie", "welfare"],
  ["Maatschappelijk Werk", "socialWork"],
  ["GGZ", "mentalHealth"],
  ["Buurtzorg", "homeCare"],
  ["Huisartsenpraktijk", "generalPractice"],
  ["Woningcorporatie", "housingCorporation"],
  ["Politie Basisteam", "police"],
  ["Jeugd en Gezin (CJG)", "youthAndFamilyCentre"],
  ["Schuldhulp", "debtCounselling"],
  ["Vrijwilligerscentrale", "volunteerOrganisation"],
];
/** Organisations that employ team members, in the order staff are spread over them. */
const STAFF_ORGANISATIONS = [1, 2, 3, 4, 8, 9, 0];
/** Organisations whose staff report signals as partners. */
const PARTNER_ORGANISATIONS = [5, 7, 6, 8];

export interface Base {
  municipalityId: string;
  buurten: (BuurtWeight & { team: number })[];
  teams: { idx: number; id: string; name: string; leadId: string }[];
  staff: { team: number; k: number; userId: string; organisationId: string; role: string }[];
  partners: { k: number; userId: string; organisationId: string }[];
}

/**
 * Everything the bulk load hangs off, written through Kysely as the owner: the municipality and its
 * CBS areas (the areas loader), organisations, teams with their buurten, staff and partner accounts
 * (the demo usernames beheer, teamleider, buurtwerker, buurtwerker2, huisarts, wijkagent, beleid plus
 * generated ones, all with the demo password hashed once), and the demo social map.
 */
export async function loadBase(db: Kysely<DB>, scale: Scale, seed: number): Promise<Base> {
  const municipalityId = uid(seed, `municipality:${scale.municipalityCode}`);
  await db
    .insertInto("municipality")
    .values({ id: municipalityId, code: scale.municipalityCode, name: scale.municipalityName })
    .execute();
  await loadAreas(db, municipalityId, scale.municipalityCode);
  const orgIds = ORGANISATIONS.map(([name], i) => uid(seed, `organisation:${i}:${name}`));
  await db
    .insertInto("organisation")
    .values(
      ORGANISATIONS.map(([name, type], i) => ({
        municipalityId,
        id: orgIds[i] as string,
        name: `${name} ${scale.cityName}`,
        type,
      })),
    )
    .execute();

  const weights = buurtWeights(scale);
  const teamOf = assignTeams(weights, scale.teams);
  const buurten = weights.map((b, i) => ({ ...b, team: teamOf[i] ?? 0 }));
  const staff: Base["staff"] = [];
  const teams: Base["teams"] = [];
  for (let t = 0; t < scale.teams; t++) {
    const codes = buurten.filter((b) => b.team === t).map((b) => b.code);
    const first = buurten.find((b) => b.team === t);
    const name = `Buurtteam ${first?.name ?? scale.cityName} ${String(t + 1).padStart(2, "0")}`;
    const id = uid(seed, `team:${t}`);
    for (let k = 0; k < scale.staffPerTeam; k++) {
      staff.push({
        team: t,
        k,
        userId: uid(seed, `staff:${t}:${k}`),
        organisationId: orgIds[STAFF_ORGANISATIONS[k % STAFF_ORGANISATIONS.length] as number] as string,
        role: k === 0 ? "teamLead" : "professional",
      });
    }
    teams.push({ idx: t, id, name, leadId: uid(seed, `staff:${t}:0`) });
    await db
      .insertInto("team")
      .values({
        municipalityId,
        id,
        name,
        // One network team in the city, so the costlier branch of the access rules is exercised too.
        model: scale.teams > 2 && t === scale.teams - 1 ? "network" : "integrated",
        areaCodes: codes,
      })
      .execute();
  }
  const partners = Array.from({ length: scale.partners }, (_, k) => ({
    k,
    userId: uid(seed, `partner:${k}`),
    organisationId: orgIds[PARTNER_ORGANISATIONS[k % PARTNER_ORGANISATIONS.length] as number] as string,
  }));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const demoNames: Record<string, string> = {
    "staff:0:0": "teamleider",
    "staff:0:1": "buurtwerker",
    "staff:0:2": "buurtwerker2",
    "partner:0": "huisarts",
    "partner:1": "wijkagent",
  };
  const users = [
    ...staff.map((s) => ({
      key: `staff:${s.team}:${s.k}`,
      id: s.userId,
      role: s.role,
      org: s.organisationId,
      username: `${s.role === "teamLead" ? "lead" : "prof"}.t${String(s.team + 1).padStart(2, "0")}.${String(s.k).padStart(2, "0")}`,
    })),
    ...partners.map((p) => ({
      key: `partner:${p.k}`,
      id: p.userId,
      role: "partner",
      org: p.organisationId,
      username: `partner.${String(p.k).padStart(3, "0")}`,
    })),
    {
      key: "admin",
      id: uid(seed, "admin"),
      role: "administrator",
      org: orgIds[0] as string,
      username: "beheer",
    },
    {
      key: "policy",
      id: uid(seed, "policy"),
      role: "policyOfficer",
      org: orgIds[0] as string,
      username: "beleid",
    },
  ];
  for (let i = 0; i < users.length; i += 500) {
    await db
      .insertInto("appUser")
      .values(
        users.slice(i, i + 500).map((u) => {
          const username = demoNames[u.key] ?? u.username;
          return {
            municipalityId,
            id: u.id,
            username,
            displayName: displayName(u.key),
            email: `${username}@bench.wijkwerk.nl`,
            role: u.role,
            homeOrganisationId: u.org,
            passwordHash,
            totpSecret: null,
            oidcSubject: null,
            lockedUntil: null,
            disabledAt: null,
          };
        }),
      )
      .execute();
  }
  await db
    .insertInto("teamMembership")
    .values(
      staff.map((s) => ({
        municipalityId,
        teamId: teams[s.team]?.id as string,
        userId: s.userId,
        organisationId: s.organisationId,
        hoursPerWeek: [36, 32, 28, 24][s.k % 4] as number,
        expertise: [["finances", "multiprobleem"], ["mentalHealth"], ["domesticRelations"], ["housing"]][
          s.k % 4
        ] as string[],
        office: null,
      })),
    )
    .execute();
  await loadDemoDirectory(db, municipalityId);
  return { municipalityId, buurten, teams, staff, partners };
}

const GIVEN = ["Anna", "Mohamed", "Sanne", "Daan", "Fatima", "Lucas", "Emma", "Yusuf", "Noor", "Bram"];
const FAMILY = ["de Vries", "Jansen", "El Amrani", "Bakker", "Yilmaz", "Visser", "Smit", "Meijer", "Bos"];

function displayName(key: string): string {
  const h = createHash("md5").update(key).digest();
  return `${GIVEN[(h[0] ?? 0) % GIVEN.length]} ${FAMILY[(h[1] ?? 0) % FAMILY.length]}`;
}
