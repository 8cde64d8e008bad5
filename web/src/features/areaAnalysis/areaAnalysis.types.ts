import { formatMoney, formatNumber as formatNumberNl } from "../../i18n/format.ts";
/** Response shapes of /api/area-analysis, /api/staffing and the budget (see the server schemas). */
export interface Count {
  value: number | null;
  suppressed: boolean;
}
export interface AreaRow {
  code: string;
  name: string;
  districtCode: string | null;
  indicators: { indicator: string; value: number | null; sourceTable: string | null }[];
  components: { component: string; value: number | null; relative: number | null }[];
  demandIndex: number | null;
  missingComponents: string[];
  openCases: Count;
  expectedCases: number | null;
  signals: Count | null;
}
export interface AreaAnalysis {
  year: number | null;
  level: "district" | "neighbourhood";
  years: number[];
  sources: string[];
  weights: Record<string, number>;
  weightsAreDefault: boolean;
  signalsAvailable: boolean;
  areas: AreaRow[];
}
export interface Boundaries {
  viewBox: string;
  width: number;
  height: number;
  source: string;
  areas: { code: string; name: string; path: string }[];
}
export interface ImportReport {
  layout: string;
  sourceTable: string;
  year: number;
  rowsRead: number;
  rowsImported: number;
  rowsOtherMunicipality: number;
  valuesStored: number;
  missingValues: number;
  unknownColumns: string[];
  invalidCodes: { row: number; code: string }[];
  unknownCodes: { row: number; code: string }[];
  unlistedCodes: { row: number; code: string }[];
  duplicateCodes: { row: number; code: string }[];
  notANumber: { row: number; column: string; value: string }[];
  notANumberCount: number;
}
export interface ImportResult {
  importId: string | null;
  stored: boolean;
  report: ImportReport;
}
export interface ImportList {
  items: {
    id: string;
    sourceTable: string;
    year: number;
    fileName: string | null;
    rowsImported: number;
    importedAt: string;
  }[];
}
export interface TeamStaffing {
  team: { id: string; name: string; model: string; areaCodes: string[] };
  mayManage: boolean;
  norm: { peoplePerHalfDay: number; hoursPerWeek: number; hoursPerHalfDay: number; isDefault: boolean };
  coverage: {
    source: "zrm" | "areaDemand" | "none";
    columns: {
      key: string;
      kind: "lifeDomain" | "targetGroup";
      need: number | null;
      needSuppressed: boolean;
      coveredBy: number;
      gap: boolean;
    }[];
    gaps: string[];
    rows: { userId: string; displayName: string; organisationName: string; covers: boolean[] }[] | null;
  };
  members: { userId: string; displayName: string; organisationName: string; hoursPerWeek: number }[] | null;
  organisations: {
    organisationId: string;
    organisationName: string;
    hoursPerWeek: number;
    members: number;
  }[];
  staffing: {
    grid: {
      weekday: number;
      halfDay: "morning" | "afternoon";
      present: number;
      userIds: string[] | null;
      shortBy: number;
    }[];
    halfDaysShort: number;
    rosteredHours: number;
    contractHours: number;
    hoursShortOfNorm: number;
    overRostered: { userId: string; rostered: number; contract: number }[];
  };
}
export interface BudgetResult {
  year: number;
  parameters: { budget: number; populationShare: number; hourlyRate: number; weeksPerYear: number };
  currentTotal: number;
  teams: {
    teamId: string;
    teamName: string;
    inhabitants: number;
    modelAmount: number;
    currentAmount: number;
    difference: number;
    explanation: string;
    notes: string[];
  }[];
}

export const formatNumber = (value: number | null | undefined, digits = 0) =>
  value == null ? null : formatNumberNl(value, digits);
export const formatEuro = (value: number) => formatMoney(Math.round(value), { cents: false });

export const COMPONENTS = [
  "elderly",
  "singlePersonHouseholds",
  "lowIncome",
  "socialAssistance",
  "corporationHousing",
  "density",
];
