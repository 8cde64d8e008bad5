import { formatMoney } from "../../i18n/format.ts";
export const STAKEHOLDERS = ["municipality", "healthInsurer", "housingCorporation", "resident"] as const;
export const UNITS = ["hour", "day", "month", "year", "occurrence"] as const;
export type PerStakeholder = Record<(typeof STAKEHOLDERS)[number], number>;
export interface Price {
  id: string;
  code: string;
  item: string;
  unit: string;
  price: number;
  stakeholder: string;
  source: string;
  year: number;
  active: boolean;
  /** From the default list and not (yet) replaced by the municipality's own figure. */
  indicative: boolean;
}
export interface ImpactCase {
  caseId: string;
  label: string;
  teamId: string;
  openedOn: string;
  closedOn: string | null;
  events: { monthOffset: number; date: string; kind: string; domain: string | null; detail: string | null }[];
  entries: {
    id: string;
    scenario: "actual" | "counterfactual";
    item: string;
    unit: string;
    stakeholder: string;
    monthOffset: number;
    quantity: number;
    description: string;
    professionalName: string | null;
    amountCents: number;
  }[];
  result: {
    horizonMonths: number;
    actual: { totals: PerStakeholder; total: number; months: PerStakeholder[] };
    counterfactual: { totals: PerStakeholder; total: number; months: PerStakeholder[] };
    benefit: PerStakeholder;
    netBenefit: number;
  };
  prices: Price[];
  professionals: { id: string; name: string }[];
}
/** Amounts in cents, shown as money: whole euros without ",00". */
export const euro = (cents: number) => formatMoney(cents / 100);
