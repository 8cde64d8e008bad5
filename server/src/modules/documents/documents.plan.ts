import { createHash, randomUUID } from "node:crypto";
import PDFDocument from "pdfkit";
import type { RequestContext } from "../../platform/context.ts";
import { municipalityZrmVersion } from "../assessments/assessments.service.ts";
import { findDomain } from "../assessments/zrm.ts";
import { findCaseLeadContact } from "../plans/plans.repository.ts";
import { caseLeadOf } from "../portal/portal.service.ts";
import { CHUNK_BYTES, encryptChunk, type Keyring } from "./documents.crypto.ts";
import { AGREED_PLAN_KIND } from "./documents.kinds.ts";
import { insertChunk, insertDocument, markAvailable } from "./documents.repository.ts";

/**
 * The agreed plan as a document (issue 20): when the resident agrees to a version of the plan — recorded
 * by the professional or given in the portal — that version is written as a PDF in the layout of the
 * printable plan (B1) and stored, shared with the resident, with its SHA-256. The agreement can be shown
 * later exactly as it was, whatever the plan became.
 */
const WAYS: Record<string, string> = {
  inPerson: "in een gesprek",
  signed: "met een handtekening",
  digitalLater: "later digitaal",
  digital: "digitaal in het inwonersportaal",
};

const dutch = (day: string) =>
  new Intl.DateTimeFormat("nl-NL", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));

export interface AgreedPlanContent {
  residents: string[];
  version: number;
  agreedOn: string;
  how: string;
  caseLead: { name: string; organisation: string } | null;
  goals: {
    domain: string;
    ownWords: string;
    targetDate: string;
    actions: { who: string; what: string; when: string }[];
  }[];
  nextReviewOn: string | null;
  expectedEndDate: string | null;
}

/** What the PDF says, read as the acting user (a professional or the resident: both may read the plan). */
async function contentOf(
  ctx: RequestContext,
  planId: string,
  version: number,
): Promise<AgreedPlanContent & { householdId: string }> {
  const m = ctx.actor.municipalityId;
  const plan = await ctx.trx
    .selectFrom("supportPlan")
    .select(["id", "householdId", "caseId", "expectedEndDate"])
    .where("municipalityId", "=", m)
    .where("id", "=", planId)
    .executeTakeFirstOrThrow();
  const agreement = await ctx.trx
    .selectFrom("planAgreement")
    .select(["agreedOn", "how"])
    .where("municipalityId", "=", m)
    .where("planId", "=", planId)
    .where("planVersion", "=", version)
    .executeTakeFirstOrThrow();
  const residents = await ctx.trx
    .selectFrom("householdMember as hm")
    .innerJoin("resident as r", (j) =>
      j.onRef("r.municipalityId", "=", "hm.municipalityId").onRef("r.id", "=", "hm.residentId"),
    )
    .select(["r.givenName", "r.familyName"])
    .where("hm.municipalityId", "=", m)
    .where("hm.householdId", "=", plan.householdId)
    .orderBy("hm.isMainContact", "desc")
    .execute();
  // As in the portal: a special-category goal (health, addiction, justice) of one member is left out of
  // what the whole household's accounts can read.
  const goals = (
    await ctx.trx
      .selectFrom("planGoal")
      .select(["id", "domain", "ownWords", "targetDate", "residentId", "dataCategory"])
      .where("municipalityId", "=", m)
      .where("planId", "=", planId)
      .where("removedAt", "is", null)
      .where("status", "=", "active")
      .orderBy("position")
      .execute()
  ).filter((g) => g.dataCategory !== "special" || g.residentId === null);
  const actions = goals.length
    ? await ctx.trx
        .selectFrom("planAction as a")
        .leftJoin("networkMember as n", (j) =>
          j.onRef("n.municipalityId", "=", "a.municipalityId").onRef("n.id", "=", "a.networkMemberId"),
        )
        .select([
          "a.goalId",
          "a.description",
          "a.dueDate",
          "a.actorKind",
          "a.actorName",
          "a.status",
          "n.name as networkName",
        ])
        .where("a.municipalityId", "=", m)
        .where(
          "a.goalId",
          "in",
          goals.map((g) => g.id),
        )
        .where("a.removedAt", "is", null)
        .where("a.status", "<>", "cancelled")
        .orderBy("a.dueDate")
        .execute()
    : [];
  const review = await ctx.trx
    .selectFrom("planReview")
    .select("dueOn")
    .where("municipalityId", "=", m)
    .where("planId", "=", planId)
    .where("heldOn", "is", null)
    .executeTakeFirst();
  const lead =
    ctx.actor.role === "resident"
      ? await caseLeadOf(ctx, plan.householdId).then(
          (c) => c && { name: c.displayName, organisation: c.organisationName },
        )
      : await findCaseLeadContact(ctx, plan.caseId).then(
          (c) => c && { name: c.displayName, organisation: c.organisationName },
        );
  const zrm = await municipalityZrmVersion(ctx);
  const who = (a: (typeof actions)[number]) =>
    a.actorKind === "resident"
      ? "Ikzelf"
      : a.actorKind === "teamProfessional"
        ? "Mijn regiehouder of het buurtteam"
        : (a.networkName ?? a.actorName ?? "Een hulpverlener");
  return {
    householdId: plan.householdId,
    residents: residents.map((r) => `${r.givenName} ${r.familyName}`),
    version,
    agreedOn: agreement.agreedOn,
    how: WAYS[agreement.how] ?? agreement.how,
    caseLead: lead ?? null,
    goals: goals.map((g) => ({
      domain: findDomain(zrm, g.domain)?.name ?? g.domain,
      ownWords: g.ownWords,
      targetDate: g.targetDate,
      actions: actions
        .filter((a) => a.goalId === g.id)
        .map((a) => ({ who: who(a), what: a.description, when: a.dueDate })),
    })),
    nextReviewOn: review?.dueOn ?? null,
    expectedEndDate: plan.expectedEndDate,
  };
}

/** The printable plan in plain Dutch (B1) as a PDF: short sentences, one goal per block, large type. */
export function renderAgreedPlan(c: AgreedPlanContent): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "nl-NL",
    info: {
      Title: `Ons plan, versie ${c.version}`,
      Author: "Wijkwerk",
      Subject: "Plan van aanpak waarmee u akkoord ging",
      CreationDate: new Date(`${c.agreedOn}T12:00:00Z`),
    },
  });
  const parts: Buffer[] = [];
  pdf.on("data", (b: Buffer) => parts.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(parts)));
    pdf.on("error", reject);
  });
  const text = (s: string, size = 12, gap = 0.4) => {
    pdf.fontSize(size).text(s, { lineGap: 3 });
    pdf.moveDown(gap);
  };
  pdf.font("Helvetica-Bold");
  text("Ons plan", 22, 0.6);
  pdf.font("Helvetica");
  text("In dit plan staat wat u wilt bereiken, wie wat doet en wanneer we samen kijken hoe het gaat.");
  text(`Voor: ${c.residents.join(", ")}`);
  text(`Versie ${c.version}. U ging akkoord op ${dutch(c.agreedOn)} (${c.how}).`);
  if (c.caseLead) {
    pdf.font("Helvetica-Bold");
    text("Uw contactpersoon", 15);
    pdf.font("Helvetica");
    text(`${c.caseLead.name}, ${c.caseLead.organisation}.`);
  }
  pdf.font("Helvetica-Bold");
  text("Wat u wilt bereiken", 15);
  pdf.font("Helvetica");
  if (c.goals.length === 0) text("Er staan nog geen doelen in het plan.");
  for (const g of c.goals) {
    pdf.font("Helvetica-Bold");
    text(`${g.domain}: "${g.ownWords}"`, 12, 0.2);
    pdf.font("Helvetica");
    text(`Dit wilt u bereiken vóór ${dutch(g.targetDate)}.`, 12, 0.2);
    if (g.actions.length > 0) {
      text("Wie doet wat:", 12, 0.1);
      for (const a of g.actions) text(`•  ${a.who}: ${a.what} (vóór ${dutch(a.when)})`, 12, 0.1);
    }
    pdf.moveDown(0.6);
  }
  pdf.font("Helvetica-Bold");
  text("Hoe verder", 15);
  pdf.font("Helvetica");
  if (c.nextReviewOn) text(`Op ${dutch(c.nextReviewOn)} kijken we samen hoe het gaat.`);
  if (c.expectedEndDate) text(`We verwachten dat de hulp stopt rond ${dutch(c.expectedEndDate)}.`);
  text("Klopt er iets niet? Neem dan contact op met uw contactpersoon.");
  pdf.end();
  return done;
}

/**
 * Stores the agreed version as a document, in the agreement's own transaction. Without a master key
 * (production not yet configured) the agreement stands and no document is made.
 */
export async function storeAgreedPlan(
  ctx: RequestContext,
  keyring: Keyring,
  agreement: { planId?: string; householdId?: string; planVersion: number },
) {
  if (!keyring.configured) return null;
  const planId =
    agreement.planId ??
    (
      await ctx.trx
        .selectFrom("planAgreement")
        .select("planId")
        .where("municipalityId", "=", ctx.actor.municipalityId)
        .where("householdId", "=", agreement.householdId as string)
        .where("planVersion", "=", agreement.planVersion)
        .where("recordedByUserId", "=", ctx.actor.userId)
        .orderBy("recordedAt", "desc")
        .executeTakeFirstOrThrow()
    ).planId;
  const content = await contentOf(ctx, planId, agreement.planVersion);
  const bytes = await renderAgreedPlan(content);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const key = await keyring.currentKey(ctx);
  const id = randomUUID();
  await insertDocument(ctx, {
    id,
    householdId: content.householdId,
    caseId: null,
    planGoalId: null,
    journalEntryId: null,
    signalId: null,
    conferenceId: null,
    planId,
    planVersion: agreement.planVersion,
    title: `Afgesproken plan, versie ${agreement.planVersion} (akkoord ${dutch(content.agreedOn)})`,
    kind: AGREED_PLAN_KIND.code,
    documentDate: content.agreedOn,
    confidentiality: "resident",
    status: "scanning",
    scan: "pending",
    fileName: `plan-versie-${agreement.planVersion}.pdf`,
    mediaType: "application/pdf",
    keyId: key.id,
    source: "planAgreement",
    uploadedByUserId: ctx.actor.userId,
    uploadedAt: ctx.now,
  });
  const count = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
  for (let seq = 0; seq < count; seq++)
    await insertChunk(
      ctx,
      id,
      seq,
      encryptChunk(
        key,
        id,
        seq,
        seq === count - 1,
        bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES),
      ),
    );
  await markAvailable(ctx, id, {
    sizeBytes: bytes.length,
    sha256,
    chunkCount: count,
    scan: "generated",
    mediaType: "application/pdf",
  });
  await ctx.audit({
    action: "document.agreedPlanStored",
    resourceType: "document",
    resourceId: id,
    householdId: content.householdId,
    details: { planId, planVersion: agreement.planVersion, sha256 },
  });
  return { id, sha256 };
}
