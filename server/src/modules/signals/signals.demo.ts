import { type Kysely, sql } from "kysely";
import type { DB } from "../../platform/db/schema.ts";
import { loadAreas } from "../areas/areas.loader.ts";
import type { IntakeContext } from "./signals.context.ts";
import { intakeSignal } from "./signals.intake.ts";
import type { SignalInput } from "./signals.schemas.ts";

const DAY = 86_400_000;

const person = (name: string, houseNumber: number, over: Partial<SignalInput>): SignalInput => ({
  subject: "person",
  personName: name,
  postcode: "3562 AB",
  houseNumber,
  neighbourhoodCode: "BU03440321",
  category: "loneliness",
  urgency: "normal",
  observation: "",
  residentAware: false,
  ...over,
});

/**
 * Demo signals in the demo teams' areas: from the huisarts and the wijkagent (partner accounts) and
 * from residents (public form), including a cluster of loneliness in Zamenhofdreef (Overvecht).
 * Runs as the owner inside the demo loader's transaction, through the same intake as the channels.
 */
export async function loadDemoSignals(trx: Kysely<DB>, municipalityId: string) {
  const municipality = await trx
    .selectFrom("municipality")
    .select("code")
    .where("id", "=", municipalityId)
    .executeTakeFirstOrThrow();
  await loadAreas(trx, municipalityId, municipality.code);
  await sql`select set_config('app.municipality_id', ${municipalityId}, true)`.execute(trx);
  const user = (username: string) =>
    trx
      .selectFrom("appUser")
      .select(["id", "displayName", "homeOrganisationId"])
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
  const huisarts = await user("huisarts");
  const wijkagent = await user("wijkagent");
  const ctx = (channel: IntakeContext["channel"], daysAgo: number): IntakeContext => ({
    municipalityId,
    trx,
    now: new Date(Date.now() - daysAgo * DAY),
    channel,
    audit: async () => {},
  });
  const fromPartner = (u: typeof huisarts) => ({
    source: "partner" as const,
    userId: u.id,
    organisationId: u.homeOrganisationId,
    displayName: u.displayName,
  });
  const signals: [IntakeContext["channel"], number, SignalInput][] = [
    [
      fromPartner(huisarts),
      1,
      person("Mevrouw De Boer", 14, {
        observation: "Mevrouw (84) mist afspraken, valt af en zegt dat niemand meer langskomt.",
        urgency: "high",
      }),
    ],
    [
      fromPartner(huisarts),
      3,
      person("Meneer Visser", 22, {
        category: "mentalHealth",
        observation: "Meneer lijkt verward en zegt dat hij zijn medicijnen niet meer ophaalt.",
      }),
    ],
    [
      fromPartner(wijkagent),
      2,
      person("Familie El Idrissi", 8, {
        postcode: "3562 BC",
        neighbourhoodCode: "BU03440311",
        category: "domesticViolence",
        urgency: "high",
        observation: "Buren melden herhaaldelijk geschreeuw en een huilend kind in de nacht.",
      }),
    ],
    [
      fromPartner(wijkagent),
      6,
      {
        subject: "place",
        street: "Oudwijkerdwarsstraat",
        neighbourhoodCode: "BU03440512",
        category: "nuisance",
        urgency: "normal",
        observation: "Jongeren hangen 's avonds bij het portiek, bewoners durven niet naar buiten.",
        residentAware: true,
      },
    ],
    [
      { source: "public" },
      4,
      person("De buurvrouw op nummer 14", 14, {
        observation: "Ik zie mijn buurvrouw al een week niet en haar gordijnen blijven dicht.",
      }),
    ],
  ];
  for (let i = 0; i < 6; i++) {
    signals.push([
      i % 2 === 0 ? fromPartner(huisarts) : { source: "public" },
      10 + i * 12,
      {
        subject: "place",
        street: "Zamenhofdreef",
        neighbourhoodCode: "BU03440321",
        category: "loneliness",
        urgency: "low",
        observation: `Oudere bewoners van de flat vertellen dat ze zich alleen voelen (signaal ${i + 1}).`,
        residentAware: true,
      },
    ]);
  }
  for (const [channel, daysAgo, input] of signals) await intakeSignal(ctx(channel, daysAgo), input);
  return signals.length;
}
