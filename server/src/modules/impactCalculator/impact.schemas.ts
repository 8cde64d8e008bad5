import { type Static, Type } from "typebox";
import { Nullable, Uuid } from "../../platform/http/schemas.ts";
import { SCENARIOS, STAKEHOLDERS, UNITS } from "./impact.calculation.ts";

const literals = Type.Enum;
const PerStakeholder = Type.Object(
  Object.fromEntries(STAKEHOLDERS.map((s) => [s, Type.Integer()])) as Record<
    (typeof STAKEHOLDERS)[number],
    ReturnType<typeof Type.Integer>
  >,
);

/** unit and year are optional here so that a price without them gets a precise Dutch 422, not a schema 400. */
export const PriceInput = Type.Object({
  item: Type.String({ maxLength: 200 }),
  unit: Type.Optional(Type.String({ maxLength: 20 })),
  price: Type.Number({ minimum: 0, maximum: 10_000_000 }),
  stakeholder: literals(STAKEHOLDERS),
  source: Type.String({ maxLength: 500 }),
  year: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean()),
});
export type PriceInput = Static<typeof PriceInput>;

export const Price = Type.Object({
  id: Uuid,
  code: Type.String(),
  item: Type.String(),
  unit: literals(UNITS),
  price: Type.Number(),
  stakeholder: literals(STAKEHOLDERS),
  source: Type.String(),
  year: Type.Integer(),
  active: Type.Boolean(),
  /** An order of magnitude from the default list, not an agreed tariff: the source begins with "Indicatief". */
  indicative: Type.Boolean(),
});
export const PriceList = Type.Object({ items: Type.Array(Price) });

export const EntryInput = Type.Object({
  scenario: literals(SCENARIOS),
  priceId: Uuid,
  monthOffset: Type.Integer({ minimum: -1000, maximum: 1000 }),
  quantity: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
  description: Type.String({ maxLength: 500 }),
  professionalUserId: Type.Optional(Nullable(Uuid)),
});
export type EntryInput = Static<typeof EntryInput>;

const Scenario = Type.Object({
  totals: PerStakeholder,
  total: Type.Integer(),
  months: Type.Array(PerStakeholder),
});

export const ImpactCase = Type.Object({
  caseId: Uuid,
  /** A pseudonym, never a name: the calculator is shown and aggregated outside the dossier. */
  label: Type.String(),
  teamId: Uuid,
  status: Type.String(),
  openedOn: Type.String(),
  closedOn: Nullable(Type.String()),
  escalationPrevented: Nullable(Type.String()),
  events: Type.Array(
    Type.Object({
      monthOffset: Type.Integer(),
      date: Type.String(),
      kind: Type.String(),
      domain: Nullable(Type.String()),
      detail: Nullable(Type.String()),
    }),
  ),
  zrm: Type.Array(
    Type.Object({
      resident: Type.Integer(),
      domain: Type.String(),
      points: Type.Array(
        Type.Object({ monthOffset: Type.Integer(), date: Type.String(), level: Type.Integer() }),
      ),
    }),
  ),
  entries: Type.Array(
    Type.Object({
      id: Uuid,
      scenario: literals(SCENARIOS),
      priceId: Uuid,
      item: Type.String(),
      unit: literals(UNITS),
      stakeholder: literals(STAKEHOLDERS),
      monthOffset: Type.Integer(),
      quantity: Type.Number(),
      description: Type.String(),
      professionalName: Nullable(Type.String()),
      amountCents: Type.Integer(),
    }),
  ),
  result: Type.Object({
    horizonMonths: Type.Integer(),
    actual: Scenario,
    counterfactual: Scenario,
    benefit: PerStakeholder,
    netBenefit: Type.Integer(),
  }),
  prices: Type.Array(Price),
  professionals: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});

export const TeamOverview = Type.Object({
  teamId: Uuid,
  cases: Type.Array(
    Type.Object({
      caseId: Uuid,
      label: Type.String(),
      actualTotal: Type.Integer(),
      counterfactualTotal: Type.Integer(),
      netBenefit: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    cases: Type.Integer(),
    withCounterfactual: Type.Integer(),
    actual: PerStakeholder,
    counterfactual: PerStakeholder,
    benefit: PerStakeholder,
    actualTotal: Type.Integer(),
    counterfactualTotal: Type.Integer(),
    netBenefit: Type.Integer(),
  }),
});

export const CaseParams = Type.Object({ caseId: Uuid });
export const EntryParams = Type.Object({ caseId: Uuid, entryId: Uuid });
export const TeamParams = Type.Object({ teamId: Uuid });
