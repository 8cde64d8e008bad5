import type { Insertable, Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { DEFAULT_DEADLINES, type DeadlineSettings, reporterStatus } from "./signals.rules.ts";
import type { SignalTable, TriageState } from "./signals.tables.ts";

/** Any context of this module: a transaction with row-level security set for who acts. */
interface Ctx {
  readonly trx: Kysely<DB>;
}

export function findArea(ctx: Ctx, code: string) {
  return ctx.trx
    .selectFrom("area")
    .select(["code", "name", "districtCode"])
    .where("code", "=", code)
    .where("kind", "=", "neighbourhood")
    .executeTakeFirst();
}

export function listNeighbourhoods(ctx: Ctx) {
  return ctx.trx
    .selectFrom("area as b")
    .leftJoin("area as w", (j) =>
      j.onRef("w.municipalityId", "=", "b.municipalityId").onRef("w.code", "=", "b.districtCode"),
    )
    .select(["b.code", "b.name", "w.name as districtName"])
    .where("b.kind", "=", "neighbourhood")
    .orderBy("w.name")
    .orderBy("b.name")
    .execute();
}

export async function findDeadlineSettings(ctx: Ctx): Promise<DeadlineSettings> {
  const row = await ctx.trx
    .selectFrom("signalSettings")
    .select(["acuteWorkingDays", "highWorkingDays", "normalWorkingDays", "lowWorkingDays"])
    .executeTakeFirst();
  return row ?? DEFAULT_DEADLINES;
}

export async function listRoutingCandidates(ctx: Ctx) {
  const rules = await ctx.trx
    .selectFrom("signalRoutingRule")
    .select(["id", "areaCode", "category", "source", "teamId"])
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
  const teams = await ctx.trx.selectFrom("team").select(["id", "areaCodes"]).orderBy("name").execute();
  return { rules, teams };
}

export async function insertSignal(
  ctx: Ctx & { municipalityId: string },
  values: Omit<Insertable<SignalTable>, "municipalityId">,
) {
  // No RETURNING: a public sender may insert but not read the row back.
  await ctx.trx
    .insertInto("signal")
    .values({ ...values, municipalityId: ctx.municipalityId })
    .execute();
}

function reporterColumns(ctx: Ctx) {
  return ctx.trx
    .selectFrom("signal as s")
    .leftJoin("area as a", (j) =>
      j.onRef("a.municipalityId", "=", "s.municipalityId").onRef("a.code", "=", "s.neighbourhoodCode"),
    )
    .select([
      "s.id",
      "s.referenceCode",
      "s.externalReference",
      "s.subjectKind",
      "s.personName",
      "s.postcode",
      "s.houseNumber",
      "s.houseNumberAddition",
      "s.neighbourhoodCode",
      "a.name as neighbourhoodName",
      "s.category",
      "s.urgency",
      "s.observation",
      "s.receivedAt",
      "s.triageState",
      "s.firstActionAt",
      "s.decidedAt",
    ]);
}

type ReporterRow = Awaited<ReturnType<ReturnType<typeof reporterColumns>["executeTakeFirstOrThrow"]>>;

export function formatAddress(r: {
  postcode: string | null;
  houseNumber: number | null;
  houseNumberAddition: string | null;
}): string | null {
  if (!r.postcode) return null;
  return `${r.postcode} ${r.houseNumber ?? ""}${r.houseNumberAddition ? ` ${r.houseNumberAddition}` : ""}`.trim();
}

export function statusDate(r: {
  triageState: TriageState;
  receivedAt: Date;
  firstActionAt: Date | null;
  decidedAt: Date | null;
}) {
  const status = reporterStatus(r.triageState);
  const at =
    status === "received"
      ? r.receivedAt
      : status === "inProgress"
        ? (r.firstActionAt ?? r.receivedAt)
        : (r.decidedAt ?? r.receivedAt);
  return { status, statusDate: new Date(at).toISOString() };
}

/** A reporter's view: what they sent and the status. Whatever the team decided stays out. */
function toReporterSignal(r: ReporterRow) {
  return {
    id: r.id,
    referenceCode: r.referenceCode,
    externalReference: r.externalReference,
    subject: r.subjectKind,
    personName: r.personName,
    address: formatAddress(r),
    neighbourhoodCode: r.neighbourhoodCode,
    neighbourhoodName: r.neighbourhoodName,
    category: r.category,
    urgency: r.urgency,
    observation: r.observation,
    receivedAt: new Date(r.receivedAt).toISOString(),
    ...statusDate(r),
  };
}

/** Row-level security limits this to the reporter's own signals (partner: own user; API: own organisation). */
export async function listReporterSignals(ctx: Ctx) {
  const rows = await reporterColumns(ctx).orderBy("s.receivedAt", "desc").limit(500).execute();
  return rows.map(toReporterSignal);
}

export async function findReporterSignal(ctx: Ctx, by: { id?: string; externalReference?: string }) {
  let q = reporterColumns(ctx);
  if (by.id) q = q.where("s.id", "=", by.id);
  if (by.externalReference) q = q.where("s.externalReference", "=", by.externalReference);
  const row = await q.executeTakeFirst();
  return row ? toReporterSignal(row) : undefined;
}
