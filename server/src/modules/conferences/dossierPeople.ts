import { sql } from "kysely";
import type { RequestContext } from "../../platform/context.ts";
import type { KnownPerson } from "./personalData.ts";

interface PersonRow {
  source: string;
  givenName: string | null;
  familyName: string | null;
  name: string | null;
  bsn: string | null;
  postcode: string | null;
  houseNumber: number | null;
  street: string | null;
  phone: string | null;
  email: string | null;
  birthDate: string | Date | null;
  freeText: string | null;
}

/** Words written with a capital in a Dutch text that are no person's name. */
const CAPITALISED_NOT_NAMES = new Set(
  (
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli " +
    "augustus september oktober november december veilig thuis ggz ggd cjg wmo zrm uwv svb duo aow bsn " +
    "nederland nederlands nederlandse arabisch turks engels pools marokkaans turkse marokkaanse " +
    "kerst pasen ramadan suikerfeest offerfeest sinterklaas huisarts politie gemeente school"
  ).split(" "),
);
const RELATION_WORDS = new Set(
  (
    "oom tante opa oma zus zusje broer broertje vader moeder zoon dochter neef nicht buurman buurvrouw " +
    "vriend vriendin collega juf meester schoonmoeder schoonvader zwager schoonzus stiefvader stiefmoeder " +
    "ex partner mevrouw meneer"
  ).split(" "),
);

/**
 * Names of people mentioned in free text (an intake): words with a capital that do not start a sentence,
 * and the word after a relation ("zus fatima"). A heuristic: a name that starts a sentence and is never
 * written elsewhere is missed; names of organisations and places are left out where the caller knows them.
 */
export function namesInText(text: string, notNames: ReadonlySet<string> = new Set()): string[] {
  const names = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?;:\n])\s*/)) {
    const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
    words.forEach((w, i) => {
      const lower = w.toLowerCase();
      const skip =
        w.length < 3 || CAPITALISED_NOT_NAMES.has(lower) || notNames.has(lower) || RELATION_WORDS.has(lower);
      if (skip) return;
      if (i > 0 && /^\p{Lu}\p{Ll}/u.test(w)) names.add(w);
      const before = words[i - 1]?.toLowerCase();
      if (before && RELATION_WORDS.has(before)) names.add(w[0]?.toUpperCase() + w.slice(1));
    });
  }
  return [...names];
}

/** Words of the names of organisations, teams and areas of the municipality: not people. */
async function placeAndOrganisationWords(ctx: RequestContext): Promise<Set<string>> {
  const rows = await sql<{ name: string }>`
    select name from organisation union select name from team union select name from area`.execute(ctx.trx);
  return new Set(
    rows.rows.flatMap((r) => r.name.toLowerCase().split(/[^\p{L}]+/u)).filter((w) => w.length >= 3),
  );
}

/**
 * Everyone recorded in the dossiers of these households, for the identifying-data check of shared texts
 * (app_dossier_people: also for a conference member who may not open the dossier itself).
 */
export async function dossierPeople(
  ctx: RequestContext,
  householdIds: readonly string[],
): Promise<KnownPerson[]> {
  if (householdIds.length === 0) return [];
  const rows = (
    await sql<PersonRow>`select * from app_dossier_people(${[...new Set(householdIds)]}::uuid[])`.execute(
      ctx.trx,
    )
  ).rows;
  const people: KnownPerson[] = [];
  const texts: string[] = [];
  for (const r of rows) {
    if (r.source === "intake") {
      if (r.freeText) texts.push(r.freeText);
      continue;
    }
    people.push({
      givenName: r.givenName,
      familyName: r.familyName,
      names: r.name ? [r.name] : [],
      bsn: r.bsn,
      postcode: r.postcode,
      houseNumber: r.houseNumber,
      street: r.street,
      phone: r.phone,
      email: r.email,
      birthDate:
        typeof r.birthDate === "string"
          ? r.birthDate.slice(0, 10)
          : r.birthDate
            ? r.birthDate.toISOString().slice(0, 10)
            : null,
    });
  }
  if (texts.length > 0) {
    const notNames = await placeAndOrganisationWords(ctx);
    people.push({ names: texts.flatMap((text) => namesInText(text, notNames)) });
  }
  return people;
}

/** The households on a conference's agenda (the conference's own read rules apply). */
export async function conferenceHouseholds(ctx: RequestContext, conferenceId: string): Promise<string[]> {
  const rows = await ctx.trx
    .selectFrom("conferenceAgendaItem")
    .select("householdId")
    .where("conferenceId", "=", conferenceId)
    .execute();
  return rows.map((r) => r.householdId);
}

/** Everyone recorded in the dossiers on a conference's agenda. */
export async function conferencePeople(ctx: RequestContext, conferenceId: string): Promise<KnownPerson[]> {
  return dossierPeople(ctx, await conferenceHouseholds(ctx, conferenceId));
}
