import { sql } from "kysely";
import type { PublicContext, RequestContext } from "../../platform/context.ts";
import { notFound, unprocessable } from "../../platform/http/errors.ts";
import type { IntakeContext } from "./signals.context.ts";
import { findExistingApiSignal, intakeSignal } from "./signals.intake.ts";
import {
  findReporterSignal,
  listNeighbourhoods,
  listReporterSignals,
  statusDate,
} from "./signals.repository.ts";
import { normaliseReferenceCode } from "./signals.rules.ts";
import type { ApiSignalInput } from "./signals.schemas.ts";
import type { TriageState } from "./signals.tables.ts";
import { SIGNAL_CATEGORIES } from "./signals.vocabulary.ts";

/** A partner's own signals with their status (row-level security: reporter_user_id = the partner). */
export async function getOwnSignals(ctx: RequestContext) {
  const items = await listReporterSignals(ctx);
  await ctx.audit({
    action: "signal.listed",
    resourceType: "signal",
    details: { scope: "own", count: items.length },
  });
  return { items };
}

export async function getOwnSignal(ctx: RequestContext, id: string) {
  const found = await findReporterSignal(ctx, { id });
  if (!found) throw notFound("Dit signaal bestaat niet of is niet door u doorgegeven.");
  await ctx.audit({
    action: "signal.viewed",
    resourceType: "signal",
    resourceId: id,
    details: { scope: "own" },
  });
  return found;
}

export async function submitApiSignal(ctx: IntakeContext, input: ApiSignalInput) {
  const externalReference = input.externalReference.trim();
  const existing = await findExistingApiSignal(ctx, externalReference);
  if (existing) {
    return {
      id: existing.id,
      referenceCode: existing.referenceCode,
      status: existing.status,
      receivedAt: existing.receivedAt,
      duplicate: true,
    };
  }
  if (!/^[A-Za-z0-9._:/-]{1,100}$/.test(externalReference)) {
    throw unprocessable(
      "invalidExternalReference",
      "Het eigen kenmerk mag alleen letters, cijfers en . _ : / - bevatten (ten hoogste 100 tekens).",
      { field: "externalReference" },
    );
  }
  return { ...(await intakeSignal(ctx, input, { externalReference })), duplicate: false };
}

export async function getApiSignal(ctx: IntakeContext, externalReference: string) {
  const found = await findReporterSignal(ctx, { externalReference });
  if (!found) throw notFound("Er is geen signaal met dit kenmerk van uw organisatie.");
  await ctx.audit({
    action: "signal.viewed",
    resourceType: "signal",
    resourceId: found.id,
    details: { scope: "api" },
  });
  return found;
}

export async function getPublicForm(ctx: PublicContext) {
  const neighbourhoods = await listNeighbourhoods(ctx);
  return {
    municipalityName: ctx.municipalityName,
    categories: [...SIGNAL_CATEGORIES],
    neighbourhoods: neighbourhoods.map((n) => ({
      code: n.code,
      name: n.name,
      districtName: n.districtName ?? "",
    })),
  };
}

/** The anonymous reporter's lookup: state and date only, through a function that returns nothing else. */
export async function getPublicStatus(ctx: PublicContext, rawCode: string) {
  const referenceCode = normaliseReferenceCode(rawCode);
  const row = (
    await sql<{
      triageState: TriageState;
      receivedAt: Date;
      decidedAt: Date | null;
      firstActionAt: Date | null;
    }>`
      select * from app_signal_status(${referenceCode})`.execute(ctx.trx)
  ).rows[0];
  if (!row)
    throw notFound(
      "Er is geen melding met deze referentiecode. Controleer de code, bijvoorbeeld SG-7K3M-9QXT.",
    );
  return { referenceCode, receivedAt: new Date(row.receivedAt).toISOString(), ...statusDate(row) };
}
