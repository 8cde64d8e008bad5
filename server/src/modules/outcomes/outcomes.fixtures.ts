import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import {
  buildMembership,
  buildMunicipality,
  buildOrganisation,
  buildTeam,
  buildUser,
} from "../../test/factories.ts";

/**
 * A data set with known answers for the outcome monitor (written as the owner: arrange, not act).
 * Team Noord: cases 1–6 opened 10 Jan 2026, case 7 on 5 Feb; cases 1–5 closed 20 Feb (escalation prevented
 * yes for 1–4, no for 5; all told). ZRM intake 12 Jan (finances 2, housing 3), final 18 Feb (finances 4;
 * housing 3,3,3,2,4; case 1 also mentalHealth 3 without an intake score). Actions: an individual provision
 * (Wmo field 6) per case 1–6 in January, own strength for 1–5 in February, specialist care for case 6 in
 * March. Six signals in January (five on time, one late); seven satisfaction answers for February.
 * Team Zuid: two open cases from January, residents without a buurt.
 */
export async function buildOutcomeWorld(db: Kysely<DB>) {
  const municipality = await buildMunicipality(db);
  const m = municipality.id;
  const organisation = await buildOrganisation(db, m);
  const teamA = await buildTeam(db, m, { name: "Team Noord", areaCodes: ["WK000101"] });
  const teamB = await buildTeam(db, m, { name: "Team Zuid" });
  const user = async (role: string, username: string, teamId?: string) => {
    const u = await buildUser(db, m, { role, username, organisationId: organisation.id });
    if (teamId) await buildMembership(db, m, teamId, u.id, organisation.id);
    return u;
  };
  const lead = await user("teamLead", `lead${m.slice(0, 6)}`, teamA.id);
  const worker = await user("professional", `worker${m.slice(0, 6)}`, teamA.id);
  const leadB = await user("teamLead", `leadb${m.slice(0, 6)}`, teamB.id);
  const policy = await user("policyOfficer", `policy${m.slice(0, 6)}`);
  const admin = await user("administrator", `admin${m.slice(0, 6)}`);

  await sql`insert into area (municipality_id, code, kind, name, district_code) values
    (${m}, 'WK000101', 'district', 'Noord', null), (${m}, 'BU00010101', 'neighbourhood', 'Noord-Centrum', 'WK000101')`.execute(
    db,
  );
  const entryId = randomUUID();
  await sql`insert into directory_entry (municipality_id, id, external_key, name, description, kind, provider_name,
      wmo_performance_fields, access_route, cost, serves_whole_municipality, review_date)
    values (${m}, ${entryId}, 'begeleiding', 'Ambulante begeleiding', 'Begeleiding thuis bij het dagelijks leven.',
      'individualProvision', 'Zorgaanbieder', '{6}', 'municipalDecision', 'free', true, '2027-01-01')`.execute(
    db,
  );

  const cases: { caseId: string; householdId: string; residentId: string; planId: string; goalId: string }[] =
    [];
  const openCase = async (teamId: string, openedAt: string, buurt: string | null) => {
    const householdId = randomUUID();
    const residentId = randomUUID();
    const caseId = randomUUID();
    await sql`insert into household (municipality_id, id, name, registered_by_team_id, registered_by_user_id)
      values (${m}, ${householdId}, 'Huishouden', ${teamId}, ${lead.id})`.execute(db);
    await sql`insert into resident (municipality_id, id, given_name, family_name, birth_date, neighbourhood_code)
      values (${m}, ${residentId}, 'Inwoner', ${`Nr${cases.length + 1}`}, '1970-01-01', ${buurt})`.execute(
      db,
    );
    await sql`insert into household_member (municipality_id, household_id, resident_id, relation, is_main_contact)
      values (${m}, ${householdId}, ${residentId}, 'self', true)`.execute(db);
    await sql`insert into case_file (municipality_id, id, household_id, team_id, status, allocated_by_user_id,
        allocation_grounds, opened_at, opened_by_user_id)
      values (${m}, ${caseId}, ${householdId}, ${teamId}, 'execution', ${lead.id}, 'Aangemeld', ${openedAt}, ${lead.id})`.execute(
      db,
    );
    // The team's professional leads every case (the Effectencalculator is work on the case).
    const caseLead = teamId === teamA.id ? worker.id : leadB.id;
    await sql`insert into case_professional (municipality_id, case_id, user_id, household_id, organisation_id,
        role_in_case, is_case_lead)
      values (${m}, ${caseId}, ${caseLead}, ${householdId}, ${organisation.id}, 'Regiehouder', true)`.execute(
      db,
    );
    const planId = randomUUID();
    const goalId = randomUUID();
    await sql`insert into support_plan (municipality_id, id, case_id, household_id, start_date, created_by_user_id)
      values (${m}, ${planId}, ${caseId}, ${householdId}, ${openedAt.slice(0, 10)}, ${lead.id})`.execute(db);
    await sql`insert into plan_goal (municipality_id, id, plan_id, household_id, domain, data_category, target_level,
        start_date, target_date, own_words, professional_wording, position)
      values (${m}, ${goalId}, ${planId}, ${householdId}, 'finances', 'ordinary', 4, ${openedAt.slice(0, 10)},
        '2026-12-31', 'Rust in de financiën', 'Financiën op orde', 1)`.execute(db);
    const row = { caseId, householdId, residentId, planId, goalId };
    cases.push(row);
    return row;
  };
  const assess = async (
    c: (typeof cases)[number],
    kind: string,
    on: string,
    scores: Record<string, number>,
  ) => {
    const id = randomUUID();
    await sql`insert into assessment (municipality_id, id, case_id, household_id, resident_id, zrm_version, kind,
        assessed_on, assessor_user_id)
      values (${m}, ${id}, ${c.caseId}, ${c.householdId}, ${c.residentId}, '2017', ${kind}, ${on}, ${worker.id})`.execute(
      db,
    );
    for (const [domain, level] of Object.entries(scores)) {
      const category = domain === "mentalHealth" ? "special" : "ordinary";
      await sql`insert into assessment_score (municipality_id, assessment_id, household_id, domain, data_category,
          level, assessed_on, assessor_user_id)
        values (${m}, ${id}, ${c.householdId}, ${domain}, ${category}, ${level}, ${on}, ${worker.id})`.execute(
        db,
      );
    }
    return id;
  };
  const action = async (
    c: (typeof cases)[number],
    actorKind: string,
    rung: string,
    createdAt: string,
    entry: string | null,
  ) => {
    const professional = rung === "individualProvision" || rung === "specialistCare";
    await sql`insert into plan_action (municipality_id, id, plan_id, goal_id, household_id, data_category, description,
        due_date, actor_kind, rung, directory_entry_id, actor_name, escalation_reason, escalation_note, created_by_user_id, created_at)
      values (${m}, ${randomUUID()}, ${c.planId}, ${c.goalId}, ${c.householdId}, 'ordinary', 'Actie', '2026-12-31',
        ${actorKind}, ${rung}, ${entry}, ${professional && !entry ? "GGZ-instelling" : null},
        ${professional ? "needsSpecialistExpertise" : null}, ${professional ? "Nodig" : null}, ${worker.id}, ${createdAt})`.execute(
      db,
    );
  };

  for (let i = 0; i < 6; i++) await openCase(teamA.id, "2026-01-10T10:00:00+01:00", "BU00010101");
  await openCase(teamA.id, "2026-02-05T10:00:00+01:00", null);
  const housingAtClosure = [3, 3, 3, 2, 4];
  for (let i = 0; i < 5; i++) {
    const c = cases[i] as (typeof cases)[number];
    await assess(c, "regular", "2026-01-12", { finances: 2, housing: 3 });
    const final = await assess(c, "final", "2026-02-18", {
      finances: 4,
      housing: housingAtClosure[i] as number,
      ...(i === 0 ? { mentalHealth: 3 } : {}),
    });
    await sql`update case_file set status = 'closed', closed_at = '2026-02-20T12:00:00+01:00', closure_reason = 'goalsAchieved',
        final_assessment_id = ${final}, escalation_prevented = ${i < 4 ? "yes" : "no"}, escalation_explanation = 'Toelichting',
        resident_informed = true, resident_informed_how = 'Gesprek', aftercare_date = '2026-05-20'
      where municipality_id = ${m} and id = ${c.caseId}`.execute(db);
  }
  for (let i = 0; i < 6; i++)
    await action(
      cases[i] as (typeof cases)[number],
      "individualProvision",
      "individualProvision",
      "2026-01-15T10:00:00+01:00",
      entryId,
    );
  for (let i = 0; i < 5; i++)
    await action(
      cases[i] as (typeof cases)[number],
      "resident",
      "ownStrength",
      "2026-02-02T10:00:00+01:00",
      null,
    );
  await action(
    cases[5] as (typeof cases)[number],
    "specialistCare",
    "specialistCare",
    "2026-03-03T10:00:00+01:00",
    null,
  );
  for (let i = 0; i < 2; i++) await openCase(teamB.id, "2026-01-20T10:00:00+01:00", null);

  for (let i = 0; i < 6; i++) {
    const late = i === 5;
    await sql`insert into signal (municipality_id, id, reference_code, source, subject_kind, neighbourhood_code, category,
        data_category, urgency, observation, resident_aware, team_id, group_id, received_at, deadline_at, first_action_at)
      values (${m}, ${randomUUID()}, ${`SG-AAAA-000${i}`}, 'public', 'place', 'BU00010101', 'nuisance', 'ordinary', 'normal',
        'Overlast in de straat gemeld.', false, ${teamA.id}, ${randomUUID()}, '2026-01-05T09:00:00+01:00',
        '2026-01-12T23:59:00+01:00', ${late ? "2026-01-14T10:00:00+01:00" : "2026-01-07T10:00:00+01:00"})`.execute(
      db,
    );
  }
  const serious = ["yes", "yes", "yes", "yes", "yes", "somewhat", "somewhat"];
  for (const taken of serious)
    await sql`insert into satisfaction_response (municipality_id, team_id, month, felt_helped, taken_seriously, knows_next_step)
      values (${m}, ${teamA.id}, '2026-02-01', 'yes', ${taken}, 'yes')`.execute(db);

  return { municipality, teamA, teamB, lead, leadB, worker, policy, admin, cases };
}
