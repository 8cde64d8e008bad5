import fs from "node:fs";
import path from "node:path";
import { REFERENCE_DIR } from "./cbs.layouts.ts";

type Ring = number[][];
interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] } | null;
}

export interface SvgArea {
  code: string;
  name: string;
  path: string;
}
export interface SvgMap {
  viewBox: string;
  width: number;
  height: number;
  areas: SvgArea[];
  /** Where the boundaries come from, for the attribution under the map. */
  source: string;
}

/**
 * Projects lon/lat polygons to an SVG path per area: equirectangular around the middle latitude
 * (longitude scaled by cos φ), fitted to `width`, y pointing down. Good enough at city scale.
 */
export function projectToSvg(
  features: { code: string; name: string; polygons: Ring[][] }[],
  width = 800,
): Omit<SvgMap, "source"> {
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const f of features)
    for (const poly of f.polygons)
      for (const ring of poly)
        for (const [lon = 0, lat = 0] of ring) {
          minLon = Math.min(minLon, lon);
          maxLon = Math.max(maxLon, lon);
          minLat = Math.min(minLat, lat);
          maxLat = Math.max(maxLat, lat);
        }
  const cos = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * cos, 1e-9);
  const k = width / spanX;
  const height = Math.max(1, Math.round((maxLat - minLat) * k));
  const fmt = (n: number) => (Math.round(n * 10) / 10).toString();
  const areas = features.map((f) => ({
    code: f.code,
    name: f.name,
    path: f.polygons
      .flatMap((poly) =>
        poly.map(
          (ring) =>
            `M${ring.map(([lon = 0, lat = 0]) => `${fmt((lon - minLon) * cos * k)},${fmt((maxLat - lat) * k)}`).join("L")}Z`,
        ),
      )
      .join(""),
  }));
  return { viewBox: `0 0 ${width} ${height}`, width, height, areas };
}

const FILES = {
  utrecht: {
    district: ["geo_utrecht_GM0344_wijken_2013_gemeente-utrecht.geojson", "wijkcode", "naam_kwb2023"],
    neighbourhood: ["geo_utrecht_GM0344_buurten_2013_gemeente-utrecht.geojson", "buurtcode", "naam_kwb2023"],
  },
  cbs: {
    district: ["geo_wijken_2014_5gm_cbs-pdok.geojson", "statcode", "statnaam"],
    neighbourhood: ["geo_buurten_2014_5gm_cbs-pdok_GROF.geojson", "statcode", "statnaam"],
  },
} as const;

const cache = new Map<string, SvgMap | null>();

/**
 * The boundaries of a municipality as SVG: Utrecht's own detailed 2013 boundaries for GM0344, the
 * simplified CBS/PDOK 2014 boundaries for the other four; null for a municipality outside the files.
 */
export function municipalityMap(
  municipalityCode: string,
  level: "district" | "neighbourhood",
): SvgMap | null {
  const key = `${municipalityCode}:${level}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const utrecht = municipalityCode === "GM0344";
  const [file, codeProp, nameProp] = (utrecht ? FILES.utrecht : FILES.cbs)[level];
  const geo = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8")) as { features: Feature[] };
  const features = geo.features
    .filter((f) => f.properties.gemeentecode === municipalityCode && f.geometry)
    .map((f) => ({
      code: String(f.properties[codeProp]),
      name: String(f.properties[nameProp] ?? f.properties[codeProp]),
      polygons: f.geometry?.type === "Polygon" ? [f.geometry.coordinates] : (f.geometry?.coordinates ?? []),
    }));
  const map =
    features.length === 0
      ? null
      : {
          ...projectToSvg(features),
          source: utrecht
            ? "Grenzen: Gemeente Utrecht (2013)"
            : `Grenzen: CBS/PDOK gebiedsindeling 2014${level === "neighbourhood" ? " (sterk vereenvoudigd)" : ""}`,
        };
  cache.set(key, map);
  return map;
}
