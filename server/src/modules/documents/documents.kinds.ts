import { randomBytes } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, unprocessable } from "../../platform/http/errors.ts";

/** The built-in kinds of document; a municipality adds its own (document_kind). */
export const BUILT_IN_KINDS = [
  { code: "letter", name: "Brief" },
  { code: "decision", name: "Beschikking" },
  { code: "consentForm", name: "Toestemmingsformulier" },
  { code: "report", name: "Verslag" },
  { code: "medical", name: "Medische informatie" },
  { code: "other", name: "Overig" },
] as const;
/** Made by Wijkwerk when the resident agrees to the plan; not chosen by hand. */
export const AGREED_PLAN_KIND = { code: "agreedPlan", name: "Afgesproken plan" } as const;

export async function listKinds(ctx: RequestContext) {
  const custom = await ctx.trx
    .selectFrom("documentKind")
    .select(["code", "name"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .orderBy("name")
    .execute();
  return [
    ...BUILT_IN_KINDS.map((k) => ({ ...k, builtIn: true })),
    ...custom.map((k) => ({ ...k, builtIn: false })),
  ];
}

export async function kindNames(ctx: RequestContext): Promise<Map<string, string>> {
  const kinds = await listKinds(ctx);
  return new Map<string, string>([
    [AGREED_PLAN_KIND.code, AGREED_PLAN_KIND.name],
    ...kinds.map((k) => [k.code, k.name] as const),
  ]);
}

export async function assertKind(ctx: RequestContext, code: string) {
  const known = (await listKinds(ctx)).some((k) => k.code === code);
  if (!known) throw unprocessable("unknownKind", "Kies een soort document uit de lijst.", { field: "kind" });
}

/** The administrator adds a kind of document to the municipality's list. */
export async function addKind(ctx: RequestContext, input: { name: string }) {
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name || name.length > 60)
    throw unprocessable("kindNameInvalid", "Geef de soort een naam van 1 tot 60 tekens.", { field: "name" });
  const existing = await listKinds(ctx);
  if (existing.some((k) => k.name.toLowerCase() === name.toLowerCase()))
    throw conflict("kindExists", "Deze soort document staat al in de lijst.");
  const code = `custom-${randomBytes(4).toString("hex")}`;
  await ctx.trx
    .insertInto("documentKind")
    .values({
      municipalityId: ctx.actor.municipalityId,
      code,
      name,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .execute();
  await ctx.audit({
    action: "document.kindAdded",
    resourceType: "documentKind",
    resourceId: null,
    details: { code },
  });
  return { code, name, builtIn: false };
}
