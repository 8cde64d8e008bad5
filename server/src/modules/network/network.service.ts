import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { assertHouseholdAction } from "../../platform/access/household.ts";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { assertVisibleHousehold } from "../households/households.service.ts";
import { assertHouseholdResident, optionalText, requiredText } from "../plans/plans.rules.ts";
import type { ChangeNetworkMember, NetworkMemberInput } from "./network.schemas.ts";

const MEMBER_NOT_FOUND = "Deze persoon staat niet (meer) in het netwerk of u heeft er geen toegang toe.";

async function validateMember(ctx: RequestContext, householdId: string, input: NetworkMemberInput) {
  if (input.residentId) await assertHouseholdResident(ctx, householdId, input.residentId);
  const phone = optionalText(input.phone, "Het telefoonnummer", "phone", 20);
  if (phone && !/^[+0-9 ()-]{6,20}$/.test(phone)) {
    throw unprocessable(
      "invalidPhone",
      "Dit telefoonnummer is ongeldig: gebruik cijfers, spaties, +, - of haakjes.",
      { field: "phone" },
    );
  }
  const reluctance = [...new Set(input.reluctance ?? [])];
  return {
    residentId: input.residentId ?? null,
    name: requiredText(input.name, "de naam", "name", 200),
    relation: input.relation,
    contactFrequency: input.contactFrequency,
    closeness: input.closeness,
    doesNow: optionalText(input.doesNow, "Wat de persoon nu doet", "doesNow", 1000),
    couldDo: optionalText(input.couldDo, "Wat de persoon zou kunnen doen", "couldDo", 1000),
    overburdened: input.overburdened ?? false,
    reluctance,
    reluctanceNote: optionalText(
      input.reluctanceNote,
      "De toelichting bij de terughoudendheid",
      "reluctanceNote",
      1000,
    ),
    phone,
  };
}

/** The network map of a household: the residents in the centre, the members around them, and what they do in the plan. */
export async function getNetwork(ctx: RequestContext, householdId: string) {
  await assertHouseholdAction(ctx, householdId, "read");
  const household = await assertVisibleHousehold(ctx, householdId);
  const [residents, members, actions] = await Promise.all([
    ctx.trx
      .selectFrom("householdMember as m")
      .innerJoin("resident as r", (j) =>
        j.onRef("r.municipalityId", "=", "m.municipalityId").onRef("r.id", "=", "m.residentId"),
      )
      .select(["r.id", sql<string>`r.given_name || ' ' || r.family_name`.as("name"), "m.isMainContact"])
      .where("m.householdId", "=", householdId)
      .orderBy("m.isMainContact", "desc")
      .execute(),
    ctx.trx
      .selectFrom("networkMember")
      .selectAll()
      .where("householdId", "=", householdId)
      .where("removedAt", "is", null)
      .orderBy("closeness")
      .orderBy("name")
      .execute(),
    ctx.trx
      .selectFrom("planAction")
      .select(["id", "networkMemberId", "description", "status", "dueDate"])
      .where("householdId", "=", householdId)
      .where("networkMemberId", "is not", null)
      .where("removedAt", "is", null)
      .execute(),
  ]);
  await ctx.audit({
    action: "network.viewed",
    resourceType: "household",
    resourceId: householdId,
    householdId,
  });
  return {
    householdId,
    householdName: household.name,
    residents,
    members: members.map(
      ({
        municipalityId: _m,
        householdId: _h,
        createdByUserId: _c,
        createdAt: _a,
        removedAt: _r,
        removedByUserId: _b,
        ...m
      }) => ({
        ...m,
        actions: actions.filter((a) => a.networkMemberId === m.id).map(({ networkMemberId: _n, ...a }) => a),
      }),
    ),
  };
}

export async function addNetworkMember(ctx: RequestContext, householdId: string, input: NetworkMemberInput) {
  await assertHouseholdAction(ctx, householdId, "edit");
  const values = await validateMember(ctx, householdId, input);
  const id = randomUUID();
  await ctx.trx
    .insertInto("networkMember")
    .values({
      ...values,
      municipalityId: ctx.actor.municipalityId,
      id,
      householdId,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      removedAt: null,
      removedByUserId: null,
    })
    .execute();
  await ctx.audit({
    action: "network.memberAdded",
    resourceType: "networkMember",
    resourceId: id,
    householdId,
    residentId: values.residentId,
  });
  return { id, version: 1 };
}

async function findMember(ctx: RequestContext, id: string) {
  const member = await ctx.trx
    .selectFrom("networkMember")
    .select(["id", "householdId", "name", "version", "removedAt"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!member || member.removedAt) throw notFound(MEMBER_NOT_FOUND);
  return member;
}

function concurrentMemberChange() {
  return conflict(
    "concurrentChange",
    "Deze persoon is intussen door iemand anders gewijzigd. Laad het netwerk opnieuw.",
  );
}

export async function changeNetworkMember(ctx: RequestContext, memberId: string, input: ChangeNetworkMember) {
  const member = await findMember(ctx, memberId);
  await assertHouseholdAction(ctx, member.householdId, "edit");
  if (member.version !== input.version) throw concurrentMemberChange();
  const values = await validateMember(ctx, member.householdId, input);
  const result = await ctx.trx
    .updateTable("networkMember")
    .set({ ...values, version: sql`version + 1`, updatedAt: ctx.now })
    .where("id", "=", memberId)
    .where("version", "=", input.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw concurrentMemberChange();
  await ctx.audit({
    action: "network.memberChanged",
    resourceType: "networkMember",
    resourceId: memberId,
    householdId: member.householdId,
  });
  return { id: memberId, version: input.version + 1 };
}

/**
 * Takes someone out of the network. Not while open actions of the plan count on them: the answer names
 * those actions, so nobody disappears from a plan without the plan being changed first.
 */
export async function removeNetworkMember(ctx: RequestContext, memberId: string, version: number) {
  const member = await findMember(ctx, memberId);
  await assertHouseholdAction(ctx, member.householdId, "edit");
  if (member.version !== version) throw concurrentMemberChange();
  const actions = await ctx.trx
    .selectFrom("planAction")
    .select(["id", "description", "dueDate"])
    .where("networkMemberId", "=", memberId)
    .where("removedAt", "is", null)
    .where("status", "in", ["planned", "inProgress"])
    .execute();
  if (actions.length > 0) {
    const list = actions.map((a) => `"${a.description}" (uiterlijk ${a.dueDate})`).join(", ");
    throw unprocessable(
      "networkMemberInUse",
      `${member.name} kan niet uit het netwerk worden verwijderd: ${actions.length === 1 ? "deze actie" : "deze acties"} in het plan ${actions.length === 1 ? "rekent" : "rekenen"} op deze persoon: ${list}. Wijs ${actions.length === 1 ? "de actie" : "de acties"} eerst aan iemand anders toe of rond ze af.`,
      { actions },
    );
  }
  await ctx.trx
    .updateTable("networkMember")
    .set({
      removedAt: ctx.now,
      removedByUserId: ctx.actor.userId,
      version: sql`version + 1`,
      updatedAt: ctx.now,
    })
    .where("id", "=", memberId)
    .execute();
  await ctx.audit({
    action: "network.memberRemoved",
    resourceType: "networkMember",
    resourceId: memberId,
    householdId: member.householdId,
  });
  return { id: memberId, version: version + 1 };
}
