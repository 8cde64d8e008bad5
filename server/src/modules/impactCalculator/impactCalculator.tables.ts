import type { ColumnType, Generated } from "kysely";
import type { Scenario, Stakeholder, Unit } from "./impact.calculation.ts";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns arrive as strings from the drivers; written as numbers. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface SocialPriceTable {
  municipalityId: string;
  id: Generated<string>;
  code: string;
  item: string;
  unit: Unit;
  price: Numeric;
  stakeholder: Stakeholder;
  source: string;
  year: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  updatedByUserId: string | null;
  updatedAt: Timestamp;
}

export interface ImpactEntryTable {
  municipalityId: string;
  id: string;
  caseId: string;
  householdId: string;
  scenario: Scenario;
  priceId: string;
  monthOffset: number;
  quantity: Numeric;
  description: string;
  professionalUserId: string | null;
  createdByUserId: string;
  createdAt: Timestamp;
  removedAt: Date | null;
}

export interface ImpactCalculatorTables {
  socialPrice: SocialPriceTable;
  impactEntry: ImpactEntryTable;
}
