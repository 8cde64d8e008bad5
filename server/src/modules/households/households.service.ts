import { randomUUID } from "node:crypto";
import type { RequestContext } from "../../platform/context.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/http/errors.ts";
import {
  areaExists,
  canEditHousehold,
  findDuplicates,
  findHousehold,
  findResidentWithHousehold,
  findVisibleResidents,
  insertHousehold,
  insertMember,
  insertMerge,
  insertResident,
  moveHouseholdRows,
  type ResidentValues,
  searchResidents,
  updateResident,
} from "./households.repository.ts";
import type {
  AddMember,
  MemberInput,
  RegisterHousehold,
  ResidentInput,
  SearchQuery,
  UpdateResident,
} from "./households.schemas.ts";
import { assertBirthDate, assertBsn, isValidBsn, normalisePostcode } from "./residents.rules.ts";

const blank = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/** Checks and normalises one resident's fields; every problem gets its own Dutch message. */
export async function validateResident(
  ctx: RequestContext,
  input: ResidentInput,
  label = "",
): Promise<ResidentValues> {
  const who = label ? ` (${label})` : "";
  const givenName = input.givenName.trim();
  const familyName = input.familyName.trim();
  if (!givenName || !familyName) {
    throw unprocessable("nameRequired", `Vul de voornaam en de achternaam in${who}.`, { field: "name" });
  }
  assertBirthDate(input.birthDate, ctx.now);
  const bsn = blank(input.bsn)?.replace(/[\s.]/g, "") ?? null;
  if (bsn !== null) assertBsn(bsn);
  let postcode: string | null = null;
  const rawPostcode = blank(input.postcode);
  if (rawPostcode !== null) {
    postcode = normalisePostcode(rawPostcode);
    if (!postcode) {
      throw unprocessable(
        "invalidPostcode",
        `De postcode "${rawPostcode}" is ongeldig${who}. Gebruik vier cijfers en twee letters, zoals 3563 AB.`,
        {
          field: "postcode",
        },
      );
    }
  }
  const houseNumber = input.houseNumber ?? null;
  if (houseNumber !== null && (houseNumber < 1 || houseNumber > 99999)) {
    throw unprocessable(
      "invalidHouseNumber",
      `Het huisnummer moet een getal van 1 tot en met 99999 zijn${who}.`,
      {
        field: "houseNumber",
      },
    );
  }
  if (postcode !== null && houseNumber === null) {
    throw unprocessable("houseNumberRequired", `Vul bij de postcode ook het huisnummer in${who}.`, {
      field: "houseNumber",
    });
  }
  const addition = blank(input.houseNumberAddition);
  if (addition !== null && !/^[A-Za-z0-9 -]{1,6}$/.test(addition)) {
    throw unprocessable(
      "invalidHouseNumberAddition",
      `De toevoeging bij het huisnummer is ongeldig (bijvoorbeeld A, 2 of bis)${who}.`,
      {
        field: "houseNumberAddition",
      },
    );
  }
  const neighbourhoodCode = blank(input.neighbourhoodCode)?.toUpperCase() ?? null;
  if (neighbourhoodCode !== null) {
    if (!/^BU[0-9]{8}$/.test(neighbourhoodCode) || !(await areaExists(ctx, neighbourhoodCode))) {
      throw unprocessable(
        "unknownNeighbourhood",
        `De buurtcode ${neighbourhoodCode} is onbekend in deze gemeente${who}. Kies een CBS-buurt uit de lijst.`,
        { field: "neighbourhoodCode" },
      );
    }
  }
  const phone = blank(input.phone);
  if (phone !== null && !/^[+0-9 ()-]{6,20}$/.test(phone)) {
    throw unprocessable("invalidPhone", `Het telefoonnummer is ongeldig${who}.`, { field: "phone" });
  }
  const email = blank(input.email);
  if (email !== null && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    throw unprocessable("invalidEmail", `Het e-mailadres is ongeldig${who}.`, { field: "email" });
  }
  const preferredLanguage = (blank(input.preferredLanguage) ?? "nl").toLowerCase();
  if (!/^[a-z]{2,3}$/.test(preferredLanguage)) {
    throw unprocessable("invalidLanguage", `Kies een taal uit de lijst${who}.`, {
      field: "preferredLanguage",
    });
  }
  return {
    givenName,
    familyName,
    birthDate: input.birthDate,
    bsn,
    postcode,
    houseNumber,
    houseNumberAddition: addition,
    street: blank(input.street),
    city: blank(input.city),
    neighbourhoodCode,
    phone,
    email,
    preferredLanguage,
    interpreterNeeded: input.interpreterNeeded ?? false,
  };
}

const REASONS = { byBsn: "bsn", byNameBirthPostcode: "nameBirthDatePostcode", byAddress: "address" } as const;

/** Possible duplicates of the given residents; details only for dossiers the user may open. */
async function detectDuplicates(ctx: RequestContext, residents: ResidentValues[]) {
  const rows = (await Promise.all(residents.map((r) => findDuplicates(ctx, r)))).flat();
  const unique = [...new Map(rows.map((r) => [r.residentId, r])).values()];
  const visible = await findVisibleResidents(
    ctx,
    unique.filter((r) => r.visible).map((r) => r.residentId),
  );
  const byId = new Map(visible.map((r) => [r.id, r]));
  return unique.map((row) => {
    const reasons = (Object.keys(REASONS) as (keyof typeof REASONS)[])
      .filter((k) => row[k])
      .map((k) => REASONS[k]);
    const r = byId.get(row.residentId);
    if (!r) {
      return {
        visible: false,
        reasons,
        residentId: null,
        householdId: null,
        name: null,
        birthDate: null,
        address: null,
      };
    }
    const address = r.postcode
      ? `${r.postcode} ${r.houseNumber ?? ""}${r.houseNumberAddition ? ` ${r.houseNumberAddition}` : ""}`.trim()
      : null;
    return {
      visible: true,
      reasons,
      residentId: r.id,
      householdId: row.householdId,
      name: `${r.givenName} ${r.familyName}`,
      birthDate: r.birthDate,
      address,
    };
  });
}

async function assertNoDuplicates(
  ctx: RequestContext,
  residents: ResidentValues[],
  confirmed: boolean | undefined,
  ownHouseholdId?: string,
) {
  // A new housemate shares the address with the household's own members: that alone is no duplicate.
  const candidates = (await detectDuplicates(ctx, residents)).filter(
    (c) => !(ownHouseholdId && c.householdId === ownHouseholdId && c.reasons.every((r) => r === "address")),
  );
  if (candidates.length === 0) return { overridden: false };
  if (confirmed) return { overridden: true };
  const hidden = candidates.some((c) => !c.visible);
  throw conflict(
    "possibleDuplicate",
    hidden
      ? "Deze inwoner staat mogelijk al geregistreerd, ook in een dossier waar u geen toegang toe heeft. Open het bestaande dossier of ga bewust verder; overleg bij twijfel met uw teamleider."
      : "Deze inwoner staat mogelijk al geregistreerd. Open het bestaande dossier of ga bewust verder met een nieuwe registratie.",
    { candidates },
  );
}

function assertUniqueWithin(residents: ResidentValues[]) {
  const bsns = residents.map((r) => r.bsn).filter((b): b is string => b !== null);
  if (new Set(bsns).size !== bsns.length) {
    throw unprocessable("bsnTwice", "Hetzelfde BSN is bij twee gezinsleden ingevuld.", { field: "bsn" });
  }
}

function teamFor(ctx: RequestContext, teamId: string | undefined) {
  if (teamId) {
    if (!ctx.actor.teamIds.includes(teamId)) {
      throw unprocessable(
        "notYourTeam",
        "U kunt alleen huishoudens registreren voor een team waarvan u lid bent.",
        {
          field: "teamId",
        },
      );
    }
    return teamId;
  }
  const [only, ...others] = ctx.actor.teamIds;
  if (!only)
    throw unprocessable(
      "noTeam",
      "U bent geen lid van een team; vraag de beheerder u aan een team toe te voegen.",
    );
  if (others.length > 0)
    throw unprocessable("teamRequired", "Kies voor welk team u het huishouden registreert.", {
      field: "teamId",
    });
  return only;
}

export async function registerHousehold(ctx: RequestContext, input: RegisterHousehold) {
  const teamId = teamFor(ctx, input.teamId);
  const mainContacts = input.members.filter((m) => m.isMainContact);
  if (mainContacts.length > 1) {
    throw unprocessable("oneMainContact", "Kies precies één contactpersoon voor het huishouden.", {
      field: "isMainContact",
    });
  }
  const mainIndex = mainContacts.length === 1 ? input.members.findIndex((m) => m.isMainContact) : 0;
  const residents: ResidentValues[] = [];
  for (const [i, member] of input.members.entries()) {
    residents.push(await validateResident(ctx, member, `gezinslid ${i + 1}`));
  }
  assertUniqueWithin(residents);
  const { overridden } = await assertNoDuplicates(ctx, residents, input.confirmNotDuplicate);

  const householdId = randomUUID();
  const main = residents[mainIndex] ?? residents[0];
  const name = input.name?.trim() || `Huishouden ${main?.familyName ?? ""}`.trim();
  await insertHousehold(ctx, { id: householdId, name, registeredByTeamId: teamId });
  for (const [i, values] of residents.entries()) {
    const residentId = randomUUID();
    await insertResident(ctx, residentId, values);
    await insertMember(ctx, {
      householdId,
      residentId,
      relation: (input.members[i] as MemberInput).relation,
      isMainContact: i === mainIndex,
    });
    await ctx.audit({
      action: "resident.created",
      resourceType: "resident",
      resourceId: residentId,
      householdId,
      residentId,
      teamId,
      details: { duplicateWarningOverridden: overridden },
    });
  }
  await ctx.audit({
    action: "household.created",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    teamId,
    details: { members: residents.length, duplicateWarningOverridden: overridden },
  });
  return { id: householdId };
}

/** The household if the actor may see it; 404 otherwise, so existence stays hidden. */
export async function assertVisibleHousehold(ctx: RequestContext, householdId: string) {
  const household = await findHousehold(ctx, householdId);
  if (!household) throw notFound("Dit dossier bestaat niet of u heeft er geen toegang toe.");
  return household;
}

export async function addHouseholdMember(ctx: RequestContext, householdId: string, input: AddMember) {
  const household = await assertVisibleHousehold(ctx, householdId);
  if (household.mergedIntoId)
    throw conflict("householdMerged", "Dit huishouden is samengevoegd; werk in het nieuwe dossier.");
  if (!(await canEditHousehold(ctx, householdId))) throw notEditable();
  const values = await validateResident(ctx, input);
  const { overridden } = await assertNoDuplicates(ctx, [values], input.confirmNotDuplicate, householdId);
  const residentId = randomUUID();
  await insertResident(ctx, residentId, values);
  if (input.isMainContact) {
    await ctx.trx
      .updateTable("householdMember")
      .set({ isMainContact: false })
      .where("householdId", "=", householdId)
      .execute();
  }
  await insertMember(ctx, {
    householdId,
    residentId,
    relation: input.relation,
    isMainContact: input.isMainContact ?? false,
  });
  await ctx.audit({
    action: "household.memberAdded",
    resourceType: "household",
    resourceId: householdId,
    householdId,
    residentId,
    teamId: household.registeredByTeamId,
    details: { relation: input.relation, duplicateWarningOverridden: overridden },
  });
  return { id: residentId };
}

export async function changeResident(ctx: RequestContext, residentId: string, input: UpdateResident) {
  const existing = await findResidentWithHousehold(ctx, residentId);
  if (!existing) throw notFound("Deze inwoner bestaat niet of u heeft er geen toegang toe.");
  if (existing.version !== input.version) throw concurrentChange("Deze gegevens");
  if (!(await canEditHousehold(ctx, existing.householdId))) throw notEditable();
  const values = await validateResident(ctx, input);
  const changed = await updateResident(ctx, residentId, input.version, values);
  if (changed === 0) throw concurrentChange("Deze gegevens");
  await ctx.audit({
    action: "resident.updated",
    resourceType: "resident",
    resourceId: residentId,
    residentId,
    householdId: existing.householdId,
  });
  return { id: residentId };
}

export function notEditable() {
  return forbidden(
    "U kunt dit dossier inzien, maar niet wijzigen. Alleen de regiehouder, betrokken professionals en de teamleider kunnen gegevens aanpassen.",
  );
}

export function concurrentChange(what: string) {
  return conflict(
    "concurrentChange",
    `${what} zijn intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; laad het dossier opnieuw en voer haar dan opnieuw in.`,
  );
}

/** Searches residents in the dossiers the actor may see. The audit keeps which fields were used, not the values. */
export async function findResidents(ctx: RequestContext, query: SearchQuery) {
  const q: SearchQuery = {};
  const name = blank(query.name);
  if (name) {
    if (name.length < 2)
      throw unprocessable("nameTooShort", "Zoek op ten minste twee letters van de naam.", { field: "name" });
    q.name = name;
  }
  const birthDate = blank(query.birthDate);
  if (birthDate) {
    assertBirthDate(birthDate, ctx.now);
    q.birthDate = birthDate;
  }
  const postcode = blank(query.postcode);
  if (postcode) {
    const p = normalisePostcode(postcode);
    if (!p)
      throw unprocessable(
        "invalidPostcode",
        "Deze postcode is ongeldig. Gebruik vier cijfers en twee letters, zoals 3563 AB.",
        { field: "postcode" },
      );
    q.postcode = p;
  }
  const bsn = blank(query.bsn)?.replace(/[\s.]/g, "");
  if (bsn) {
    if (!isValidBsn(bsn)) assertBsn(bsn);
    q.bsn = bsn;
  }
  const fields = Object.keys(q);
  if (fields.length === 0) {
    throw unprocessable(
      "searchTermRequired",
      "Vul ten minste één zoekveld in: naam, geboortedatum, postcode of BSN.",
    );
  }
  const items = await searchResidents(ctx, q);
  await ctx.audit({
    action: "household.searched",
    resourceType: "household",
    details: { fields, resultCount: items.length },
  });
  return { items };
}

export async function mergeHouseholds(
  ctx: RequestContext,
  householdId: string,
  input: { mergedHouseholdId: string; note: string },
) {
  const note = input.note.trim();
  if (!note)
    throw unprocessable("mergeNoteRequired", "Leg kort uit waarom deze dossiers samen horen.", {
      field: "note",
    });
  if (householdId === input.mergedHouseholdId) {
    throw unprocessable("mergeSelf", "Een dossier kan niet met zichzelf worden samengevoegd.");
  }
  const target = await assertVisibleHousehold(ctx, householdId);
  const source = await assertVisibleHousehold(ctx, input.mergedHouseholdId);
  if (target.mergedIntoId || source.mergedIntoId) {
    throw conflict("householdMerged", "Een van deze dossiers is al samengevoegd.");
  }
  const open = await ctx.trx
    .selectFrom("caseFile")
    .select(["householdId"])
    .where("householdId", "in", [householdId, input.mergedHouseholdId])
    .where("status", "!=", "closed")
    .execute();
  if (open.length > 1) {
    throw conflict(
      "twoOpenCases",
      "Beide dossiers hebben een lopende casus. Sluit eerst een van beide casussen af; één huishouden heeft één plan.",
    );
  }
  await ctx.trx
    .updateTable("household")
    .set({ mergedIntoId: householdId })
    .where("id", "=", input.mergedHouseholdId)
    .execute();
  await moveHouseholdRows(ctx, input.mergedHouseholdId, householdId);
  await insertMerge(ctx, { id: randomUUID(), householdId, mergedHouseholdId: input.mergedHouseholdId, note });
  for (const id of [householdId, input.mergedHouseholdId]) {
    await ctx.audit({
      action: "household.merged",
      resourceType: "household",
      resourceId: householdId,
      householdId: id,
      teamId: target.registeredByTeamId,
      details: { into: householdId, merged: input.mergedHouseholdId },
    });
  }
  return { id: householdId };
}
