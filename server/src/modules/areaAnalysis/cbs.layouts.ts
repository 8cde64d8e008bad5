import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CbsLayout } from "./areaAnalysis.tables.ts";
import { parseCsv } from "./cbs.csv.ts";

export const REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../../reference/cbs",
);

/** How one layout names the code, kind and name columns, and which CBS column gives which indicator. */
export interface LayoutSpec {
  layout: CbsLayout;
  codeColumn: string;
  nameColumns: string[];
  /** CBS column (OData: without its _NN suffix) → indicator. */
  indicators: Record<string, string>;
  /** Columns that belong to the layout but carry no indicator we use. */
  known: Set<string>;
}

const KWB_INDICATORS: Record<string, string> = {
  a_inw: "inhabitants",
  a_man: "men",
  a_vrouw: "women",
  a_00_14: "age0to14",
  a_15_24: "age15to24",
  a_25_44: "age25to44",
  a_45_64: "age45to64",
  a_65_oo: "age65Plus",
  a_hh: "households",
  a_1p_hh: "singlePersonHouseholds",
  a_hh_m_k: "householdsWithChildren",
  g_hhgro: "averageHouseholdSize",
  bev_dich: "populationDensity",
  a_woning: "dwellings",
  p_huurw: "rentalHousingPct",
  p_wcorpw: "corporationHousingPct",
  g_ink_pi: "averageIncomePerInhabitant",
  p_hh_li: "lowIncomeHouseholdsPct",
  p_hh_osm: "socialMinimumHouseholdsPct",
  a_soz_wb: "socialAssistanceBenefits",
  a_soz_ao: "disabilityBenefits",
  a_soz_ww: "unemploymentBenefits",
  a_soz_ow: "statePensionBenefits",
  a_wmo_t: "wmoClients",
  a_jz_tn: "youthCareYoungPeople",
  a_opp_ha: "areaTotalHa",
  ste_mvs: "urbanity",
};

const ODATA_INDICATORS: Record<string, string> = {
  AantalInwoners: "inhabitants",
  Mannen: "men",
  Vrouwen: "women",
  k_0Tot15Jaar: "age0to14",
  k_15Tot25Jaar: "age15to24",
  k_25Tot45Jaar: "age25to44",
  k_45Tot65Jaar: "age45to64",
  k_65JaarOfOuder: "age65Plus",
  HuishoudensTotaal: "households",
  Eenpersoonshuishoudens: "singlePersonHouseholds",
  HuishoudensMetKinderen: "householdsWithChildren",
  GemiddeldeHuishoudensgrootte: "averageHouseholdSize",
  Bevolkingsdichtheid: "populationDensity",
  Woningvoorraad: "dwellings",
  HuurwoningenTotaal: "rentalHousingPct",
  InBezitWoningcorporatie: "corporationHousingPct",
  GemiddeldInkomenPerInwoner: "averageIncomePerInhabitant",
  HuishoudensMetEenLaagInkomen: "lowIncomeHouseholdsPct",
  HuishOnderOfRondSociaalMinimum: "socialMinimumHouseholdsPct",
  PersonenPerSoortUitkeringBijstand: "socialAssistanceBenefits",
  PersonenPerSoortUitkeringAO: "disabilityBenefits",
  PersonenPerSoortUitkeringWW: "unemploymentBenefits",
  PersonenPerSoortUitkeringAOW: "statePensionBenefits",
  WmoClienten: "wmoClients",
  JongerenMetJeugdzorgInNatura: "youthCareYoungPeople",
  OppervlakteTotaal: "areaTotalHa",
  MateVanStedelijkheid: "urbanity",
};

const PDOK_INDICATORS: Record<string, string> = {
  aantal_inwoners: "inhabitants",
  mannen: "men",
  vrouwen: "women",
  aantal_huishoudens: "households",
  percentage_eenpersoonshuishoudens: "singlePersonHouseholdsPct",
  percentage_personen_65_jaar_en_ouder: "age65PlusPct",
  percentage_huishoudens_met_kinderen: "householdsWithChildrenPct",
  gemiddelde_huishoudsgrootte: "averageHouseholdSize",
  bevolkingsdichtheid_inwoners_per_km2: "populationDensity",
  aantal_personen_met_een_algemene_bijstandsuitkering_totaal: "socialAssistanceBenefits",
  aantal_personen_met_een_ao_uitkering_totaal: "disabilityBenefits",
  aantal_personen_met_een_ww_uitkering_totaal: "unemploymentBenefits",
  aantal_personen_met_een_aow_uitkering_totaal: "statePensionBenefits",
  oppervlakte_totaal_in_ha: "areaTotalHa",
};

/** Removes the OData position suffix: "AantalInwoners_5" → "AantalInwoners". */
export const odataBase = (column: string) => column.replace(/_\d+$/, "");

const readHeader = (file: string) =>
  parseCsv(fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8")).rows[0] ?? [];

let specs: Record<CbsLayout, LayoutSpec> | undefined;

/** The three layouts; their known column sets come from the CBS documentation shipped in reference/cbs. */
export function layoutSpecs(): Record<CbsLayout, LayoutSpec> {
  if (specs) return specs;
  const dictionary = parseCsv(
    fs.readFileSync(path.join(REFERENCE_DIR, "kwb_variabelen_toelichting_2023_2024.csv"), "utf8"),
  ).rows.map((r) => r[0] ?? "");
  const kwbKnown = new Set([...readHeader("kwb_2023_GM0344_utrecht.csv"), ...dictionary.slice(1)]);
  const properties = JSON.parse(
    fs.readFileSync(path.join(REFERENCE_DIR, "cbs_85984NED_kwb2024_DataProperties.json"), "utf8"),
  ) as { Key?: string }[];
  const odataKnown = new Set(
    properties
      .map((p) => p.Key ?? "")
      .filter(Boolean)
      .map(odataBase),
  );
  for (const c of [
    "gemeentecode",
    "SoortRegio",
    "naam_kwb2024_utrecht_xlsx",
    "naam_2014_2015_cbs_gebiedsindeling",
  ])
    odataKnown.add(c);
  specs = {
    kwbShortNames: {
      layout: "kwbShortNames",
      codeColumn: "gwb_code_10",
      nameColumns: ["regio"],
      indicators: KWB_INDICATORS,
      known: kwbKnown,
    },
    statlineOdata: {
      layout: "statlineOdata",
      codeColumn: "WijkenEnBuurten",
      nameColumns: [
        "buurtnaam",
        "naam_kwb2024_utrecht_xlsx",
        "naam_2014_2015_cbs_gebiedsindeling",
        "Gemeentenaam",
      ],
      indicators: ODATA_INDICATORS,
      known: odataKnown,
    },
    pdokWijkenBuurten: {
      layout: "pdokWijkenBuurten",
      codeColumn: "gemeentecode",
      nameColumns: ["gemeentenaam"],
      indicators: PDOK_INDICATORS,
      known: new Set(readHeader("kwb_2015_gemeente_5gm_pdok_wijkenbuurten2015.csv")),
    },
  };
  return specs;
}

/** Recognises the layout from the header; undefined when the file is not a known CBS layout. */
export function detectLayout(header: string[]): LayoutSpec | undefined {
  const all = layoutSpecs();
  if (header.includes("gwb_code_10")) return all.kwbShortNames;
  if (header.includes("WijkenEnBuurten")) return all.statlineOdata;
  if (header.includes("gemeentecode") && header.includes("aantal_inwoners")) return all.pdokWijkenBuurten;
  return undefined;
}

/** The column name as the layout's tables know it (OData columns without their suffix). */
export function columnKey(spec: LayoutSpec, column: string): string {
  if (spec.layout !== "statlineOdata") return column;
  if (/^buurtnaam_\d+NED$/.test(column)) return "buurtnaam";
  return odataBase(column);
}

/** The table id and year a file reveals by itself: a `buurtnaam_85984NED` column or the OData suffixes. */
export function detectSource(
  spec: LayoutSpec,
  header: string[],
  fileName: string | null,
): { sourceTable?: string; year?: number } {
  const yearInName = fileName?.match(/(?:^|[^0-9])((?:19|20)\d\d)(?:[^0-9]|$)/)?.[1];
  const fromName = yearInName ? Number(yearInName) : undefined;
  if (spec.layout === "statlineOdata") {
    const named = header.map((h) => h.match(/^buurtnaam_(\d+NED)$/)?.[1]).find(Boolean);
    const density = header.find((h) => odataBase(h) === "Bevolkingsdichtheid");
    const table =
      named ??
      (density === "Bevolkingsdichtheid_33"
        ? "83765NED"
        : density === "Bevolkingsdichtheid_34"
          ? "85984NED"
          : undefined);
    const known: Record<string, number> = { "83765NED": 2017, "85984NED": 2024 };
    return { sourceTable: table, year: (table && known[table]) || fromName };
  }
  if (spec.layout === "kwbShortNames")
    return { year: fromName, sourceTable: fromName ? `kwb-${fromName}` : undefined };
  return { year: fromName, sourceTable: fromName ? `pdok-wijkenbuurten${fromName}` : undefined };
}
