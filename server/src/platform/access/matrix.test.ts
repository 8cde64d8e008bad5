import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { scores2017 } from "../../modules/households/dossier.factories.ts";
import { createTestApp, type TestApp } from "../../test/app.ts";
import {
  buildMatrixWorld,
  HOUSEHOLDS,
  type HouseholdName,
  type MatrixWorld,
  USERS,
  type UserName,
} from "./matrix.fixtures.ts";

// Security-definer functions (they read past row-level security) this test exercises: app_has_access.

/**
 * The access matrix (issue 15). The expected outcomes below are written by hand from the domain rules of
 * the research report — one household, one plan, one case lead; the integrated team shares its caseload;
 * the front office registers and routes but never reads the dossier; the back office reads what was
 * routed to its organisation; the network team shares only through involvement; emergency access reads
 * for a limited time and never writes or shares; policy staff, partners and the administrator see no
 * household; the resident and their representative use the portal — not generated from the
 * implementation. Every cell is one request through the API, on PGlite and on PostgreSQL.
 */

/** Who may do it, per household. Anyone not listed must be refused (403 or 404). */
type Expected = Partial<Record<UserName, readonly HouseholdName[]>>;

const DOSSIER_READERS: Expected = {
  intCaseLead: ["int"],
  intInvolved: ["int"],
  intColleague: ["int"],
  intLead: ["int"],
  emergency: ["int"],
  backCaseLead: ["fbo"],
  back: ["fbo"],
  fboLead: ["fbo"],
  netCaseLead: ["net"],
  netLead: ["net"],
};
const DOSSIER_WORKERS: Expected = {
  intCaseLead: ["int"],
  intInvolved: ["int"],
  intLead: ["int"],
  backCaseLead: ["fbo"],
  fboLead: ["fbo"],
  netCaseLead: ["net"],
  netLead: ["net"],
};
const REGISTRARS: Expected = { ...DOSSIER_WORKERS, front: ["fbo"] };
const SHARERS: Expected = { ...DOSSIER_READERS, emergency: [] };

interface Cell {
  user: UserName;
  household: HouseholdName;
  allowed: boolean;
}

interface Action {
  name: string;
  expected: Expected;
  /** The request; 2xx (or a listed answer that can only come after the access check) means allowed. */
  run(w: MatrixWorld, user: UserName, h: HouseholdName): Promise<{ statusCode: number; body: string }>;
  passedCheck?: (status: number, body: { error?: string }) => boolean;
  households?: readonly HouseholdName[];
}

const version = async (w: MatrixWorld, h: HouseholdName) =>
  Number(
    (
      await sql<{
        v: number;
      }>`select version as v from case_file where id = ${w.households[h].caseId}`.execute(w.db)
    ).rows[0]?.v,
  );
const planVersion = async (w: MatrixWorld, h: HouseholdName) =>
  Number(
    (
      await sql<{
        v: number;
      }>`select version as v from support_plan where id = ${w.households[h].planId}`.execute(w.db)
    ).rows[0]?.v,
  );

const ACTIONS: Action[] = [
  {
    name: "see the household (registration)",
    expected: { ...DOSSIER_READERS, front: ["fbo"] },
    run: (w, u, h) => w.clients[u].get(`/api/households/${w.households[h].id}`),
  },
  {
    name: "read the dossier (network map)",
    expected: DOSSIER_READERS,
    run: (w, u, h) => w.clients[u].get(`/api/households/${w.households[h].id}/network`),
  },
  {
    name: "read the plan",
    expected: DOSSIER_READERS,
    run: (w, u, h) => w.clients[u].get(`/api/cases/${w.households[h].caseId}/plan`),
  },
  {
    name: "write a journal entry",
    expected: DOSSIER_WORKERS,
    run: (w, u, h) =>
      w.clients[u].post(`/api/households/${w.households[h].id}/journal`, {
        kind: "phoneCall",
        occurredOn: "2024-04-01",
        text: "Gebeld over de afspraak.",
      }),
  },
  {
    name: "add a goal to the plan",
    expected: DOSSIER_WORKERS,
    run: async (w, u, h) =>
      w.clients[u].post(`/api/plans/${w.households[h].planId}/goals`, {
        version: await planVersion(w, h),
        domain: "finances",
        targetLevel: 4,
        targetDate: "2099-01-01",
        ownWords: "Ik wil mijn post weer openen",
        professionalWording: "Overzicht in de financiën",
      }),
  },
  {
    name: "record a ZRM",
    expected: DOSSIER_WORKERS,
    run: (w, u, h) =>
      w.clients[u].post(`/api/cases/${w.households[h].caseId}/assessments`, {
        residentId: w.households[h].residentId,
        assessedOn: "2024-04-02",
        scores: scores2017(3),
      }),
  },
  {
    name: "record the intake",
    expected: REGISTRARS,
    run: async (w, u, h) =>
      w.clients[u].post(`/api/cases/${w.households[h].caseId}/intake`, {
        version: await version(w, h),
        conversationDate: "2024-04-03",
        location: "desk",
        requestInOwnWords: "Hulp bij de administratie.",
        underlyingQuestion: "Overzicht houden.",
        lifeDomains: ["finances"],
        urgency: "normal",
      }),
  },
  {
    name: "add a member",
    expected: REGISTRARS,
    run: (w, u, h) =>
      w.clients[u].post(`/api/households/${w.households[h].id}/members`, {
        givenName: "Kim",
        familyName: `Lid ${u}`,
        birthDate: "2010-05-05",
        relation: "child",
        isMainContact: false,
      }),
  },
  {
    name: "export the resident's data",
    expected: SHARERS,
    run: (w, u, h) => w.clients[u].get(`/api/residents/${w.households[h].residentId}/export`),
  },
  {
    name: "route the request to the back office",
    expected: { front: ["fbo"], fboLead: ["fbo"] },
    run: async (w, u, h) => {
      const org = await sql<{ id: string }>`select id from organisation where name = 'GGZ'`.execute(w.db);
      return w.clients[u].post(`/api/households/${w.households[h].id}/routing`, {
        organisationId: org.rows[0]?.id,
      });
    },
    // Routed already: the access check passed.
    passedCheck: (status, body) => status === 409 && body.error === "alreadyRouted",
  },
  {
    name: "link the resident's login (OIDC subject)",
    expected: { intCaseLead: ["int"], intInvolved: ["int"], intLead: ["int"] },
    households: ["int"],
    run: async (w, u) => {
      const url = `/api/portal-desk/resident-accounts/${w.residentUserId}/oidc-subject`;
      const res = await w.clients[u].post(url, { oidcSubject: `subject-${u}` });
      // Undo, so the next user meets the same account (an existing link is never replaced).
      if (res.statusCode === 200) await w.clients[u].request("DELETE", url);
      return res;
    },
  },
  {
    name: "read the household's audit trail",
    expected: { admin: ["int", "fbo", "net"], intLead: ["int"], fboLead: ["fbo"], netLead: ["net"] },
    run: async (w, u, h) => {
      const res = await w.clients[u].get(`/api/audit-events?householdId=${w.households[h].id}`);
      // A team lead's list is limited to the team's events: an empty list reveals nothing.
      if (res.statusCode === 200 && (res.json() as { items: unknown[] }).items.length === 0)
        return { statusCode: 404, body: "{}" };
      return res;
    },
  },
  {
    name: "the portal: read my plan",
    expected: { resident: ["int"], representative: ["int"] },
    run: (w, u, h) => w.clients[u].get(`/api/portal/households/${w.households[h].id}/plan`),
  },
];

describe("the access matrix: role × team model × relation × resource × action", () => {
  let t: TestApp;
  let w: MatrixWorld;
  before(async () => {
    t = await createTestApp();
    w = await buildMatrixWorld(t);
  });
  after(() => t.close());

  test("every cell answers as the domain rules say: no leaks, no wrongful refusals", async () => {
    const leaks: string[] = [];
    const wrongful: string[] = [];
    const errors: string[] = [];
    let cells = 0;
    for (const action of ACTIONS) {
      for (const user of USERS) {
        for (const h of action.households ?? HOUSEHOLDS) {
          const expected = action.expected[user]?.includes(h) ?? false;
          const res = await action.run(w, user, h);
          const body = JSON.parse(res.body || "{}") as { error?: string };
          const allowed =
            (res.statusCode >= 200 && res.statusCode < 300) || !!action.passedCheck?.(res.statusCode, body);
          const refused = res.statusCode === 403 || res.statusCode === 404;
          cells++;
          const cell = `${action.name} · ${user} · ${h}: ${res.statusCode} ${body.error ?? ""}`;
          if (!allowed && !refused) errors.push(cell);
          else if (allowed && !expected) leaks.push(cell);
          else if (!allowed && expected) wrongful.push(cell);
        }
      }
    }
    console.log(
      `access matrix: ${cells} cells checked, ${leaks.length} leaks, ${wrongful.length} wrongful refusals`,
    );
    assert.deepEqual({ leaks, wrongful, errors }, { leaks: [], wrongful: [], errors: [] });
  });
});

export type { Cell };
