import { type Static, Type } from "typebox";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, notFound, unprocessable } from "../../platform/http/errors.ts";
import { DateTime, Nullable, Uuid } from "../../platform/http/schemas.ts";
import { assertAreaCodesInMunicipality } from "../teams/teams.service.ts";
import { findDeadlineSettings } from "./signals.repository.ts";
import { newApiKey } from "./signals.rules.ts";
import { isSignalCategory } from "./signals.vocabulary.ts";

const Days = (maximum: number) => Type.Integer({ minimum: 0, maximum });
export const Settings = Type.Object({
  acuteWorkingDays: Days(30),
  highWorkingDays: Days(30),
  normalWorkingDays: Days(30),
  lowWorkingDays: Days(60),
});
export type Settings = Static<typeof Settings>;

export const RoutingRuleInput = Type.Object({
  areaCode: Type.Optional(Nullable(Type.String({ pattern: "^(WK[0-9]{6}|BU[0-9]{8})$" }))),
  category: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  source: Type.Optional(
    Nullable(Type.Union([Type.Literal("partner"), Type.Literal("public"), Type.Literal("api")])),
  ),
  teamId: Uuid,
});
export const RoutingRule = Type.Object({
  id: Type.String(),
  areaCode: Nullable(Type.String()),
  category: Nullable(Type.String()),
  source: Nullable(Type.String()),
  teamId: Type.String(),
  teamName: Type.String(),
});
export const RoutingRuleList = Type.Object({ items: Type.Array(RoutingRule) });

export const ApiKeyInput = Type.Object({
  organisationId: Uuid,
  label: Type.String({ minLength: 1, maxLength: 100 }),
});
export const ApiKey = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  label: Type.String(),
  keyPrefix: Type.String(),
  issuedAt: DateTime,
  revokedAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
});
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKey) });
export const IssuedApiKey = Type.Intersect([ApiKey, Type.Object({ token: Type.String() })]);

export async function getSettings(ctx: RequestContext) {
  return findDeadlineSettings(ctx);
}

export async function changeSettings(ctx: RequestContext, input: Settings) {
  if (
    input.acuteWorkingDays > input.highWorkingDays ||
    input.highWorkingDays > input.normalWorkingDays ||
    input.normalWorkingDays > input.lowWorkingDays
  ) {
    throw unprocessable("deadlineOrder", "De termijnen moeten oplopen: acuut ≤ hoog ≤ normaal ≤ laag.");
  }
  await ctx.trx
    .insertInto("signalSettings")
    .values({ municipalityId: ctx.actor.municipalityId, ...input, updatedAt: ctx.now })
    .onConflict((oc) => oc.column("municipalityId").doUpdateSet({ ...input, updatedAt: ctx.now }))
    .execute();
  await ctx.audit({
    action: "signal.settingsChanged",
    resourceType: "signalSettings",
    details: { ...input },
  });
  return findDeadlineSettings(ctx);
}

function listRules(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("signalRoutingRule as r")
    .innerJoin("team as t", (j) =>
      j.onRef("t.municipalityId", "=", "r.municipalityId").onRef("t.id", "=", "r.teamId"),
    )
    .select(["r.id", "r.areaCode", "r.category", "r.source", "r.teamId", "t.name as teamName"])
    .orderBy("r.createdAt")
    .execute();
}

export async function getRoutingRules(ctx: RequestContext) {
  return { items: await listRules(ctx) };
}

export async function createRoutingRule(ctx: RequestContext, input: Static<typeof RoutingRuleInput>) {
  const areaCode = input.areaCode ?? null;
  const category = input.category ?? null;
  const source = input.source ?? null;
  if (!areaCode && !category && !source) {
    throw unprocessable(
      "ruleTooBroad",
      "Geef ten minste een gebied, een categorie of een bron op; zonder kiest het team van de buurt.",
    );
  }
  if (category && !isSignalCategory(category)) {
    throw unprocessable("unknownCategory", `De categorie "${category}" bestaat niet.`, { field: "category" });
  }
  if (areaCode) await assertAreaCodesInMunicipality(ctx, [areaCode]);
  const team = await ctx.trx
    .selectFrom("team")
    .select("id")
    .where("id", "=", input.teamId)
    .executeTakeFirst();
  if (!team) throw unprocessable("unknownTeam", "Dit team bestaat niet.", { field: "teamId" });
  const existing = await listRules(ctx);
  if (existing.some((r) => r.areaCode === areaCode && r.category === category && r.source === source)) {
    throw conflict("ruleExists", "Er is al een regel voor dit gebied, deze categorie en deze bron.");
  }
  const rule = await ctx.trx
    .insertInto("signalRoutingRule")
    .values({
      municipalityId: ctx.actor.municipalityId,
      areaCode,
      category,
      source,
      teamId: input.teamId,
      createdByUserId: ctx.actor.userId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: "signal.routingRuleCreated",
    resourceType: "signalRoutingRule",
    resourceId: rule.id,
    teamId: input.teamId,
    details: { areaCode, category, source },
  });
  return { items: await listRules(ctx) };
}

export async function removeRoutingRule(ctx: RequestContext, id: string) {
  const removed = await ctx.trx.deleteFrom("signalRoutingRule").where("id", "=", id).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw notFound("Deze routeringsregel bestaat niet.");
  await ctx.audit({ action: "signal.routingRuleRemoved", resourceType: "signalRoutingRule", resourceId: id });
  return { items: await listRules(ctx) };
}

function listKeys(ctx: RequestContext) {
  return ctx.trx
    .selectFrom("partnerApiKey as k")
    .innerJoin("organisation as o", (j) =>
      j.onRef("o.municipalityId", "=", "k.municipalityId").onRef("o.id", "=", "k.organisationId"),
    )
    .select([
      "k.id",
      "k.organisationId",
      "o.name as organisationName",
      "k.label",
      "k.keyPrefix",
      "k.issuedAt",
      "k.revokedAt",
      "k.lastUsedAt",
    ])
    .orderBy("k.issuedAt", "desc");
}

const presentKey = (k: Awaited<ReturnType<ReturnType<typeof listKeys>["executeTakeFirstOrThrow"]>>) => ({
  ...k,
  issuedAt: new Date(k.issuedAt).toISOString(),
  revokedAt: k.revokedAt ? new Date(k.revokedAt).toISOString() : null,
  lastUsedAt: k.lastUsedAt ? new Date(k.lastUsedAt).toISOString() : null,
});

export async function getApiKeys(ctx: RequestContext) {
  return { items: (await listKeys(ctx).execute()).map(presentKey) };
}

/** Issues a key for a partner organisation; the token is shown once, only its hash is kept. */
export async function issueApiKey(ctx: RequestContext, input: { organisationId: string; label: string }) {
  const organisation = await ctx.trx
    .selectFrom("organisation")
    .select("id")
    .where("id", "=", input.organisationId)
    .executeTakeFirst();
  if (!organisation)
    throw unprocessable("unknownOrganisation", "Deze organisatie bestaat niet.", { field: "organisationId" });
  const label = input.label.trim();
  if (!label)
    throw unprocessable(
      "labelRequired",
      "Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.",
      { field: "label" },
    );
  const key = newApiKey();
  const { id } = await ctx.trx
    .insertInto("partnerApiKey")
    .values({
      municipalityId: ctx.actor.municipalityId,
      organisationId: input.organisationId,
      label,
      keyPrefix: key.prefix,
      keyHash: key.hash,
      issuedByUserId: ctx.actor.userId,
      issuedAt: ctx.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.audit({
    action: "partnerApiKey.issued",
    resourceType: "partnerApiKey",
    resourceId: id,
    details: { organisationId: input.organisationId },
  });
  const row = await listKeys(ctx).where("k.id", "=", id).executeTakeFirstOrThrow();
  return { ...presentKey(row), token: key.token };
}

export async function revokeApiKey(ctx: RequestContext, id: string) {
  const row = await listKeys(ctx).where("k.id", "=", id).executeTakeFirst();
  if (!row) throw notFound("Deze API-sleutel bestaat niet.");
  if (row.revokedAt) throw conflict("alreadyRevoked", "Deze API-sleutel is al ingetrokken.");
  await ctx.trx
    .updateTable("partnerApiKey")
    .set({ revokedAt: ctx.now, revokedByUserId: ctx.actor.userId })
    .where("id", "=", id)
    .execute();
  await ctx.audit({ action: "partnerApiKey.revoked", resourceType: "partnerApiKey", resourceId: id });
  return presentKey(await listKeys(ctx).where("k.id", "=", id).executeTakeFirstOrThrow());
}
