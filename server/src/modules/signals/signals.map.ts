import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REFERENCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../reference/cbs");
/** CBS/PDOK buurten 2014 for five municipalities: coarse (~300 m grid), but real boundaries. */
const COARSE = "geo_buurten_2014_5gm_cbs-pdok_GROF.geojson";
/** Gemeente Utrecht's detailed buurten (2013), used for GM0344. */
const UTRECHT = "geo_utrecht_GM0344_buurten_2013_gemeente-utrecht.geojson";

type Ring = [number, number][];
interface Feature {
  properties: Record<string, string | number | boolean | undefined>;
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

export interface BuurtShape {
  code: string;
  name: string;
  /** Outer rings in lon/lat (WGS84), rounded to 5 decimals (about 1 m). */
  rings: Ring[];
}

const cache = new Map<string, BuurtShape[]>();

function read(file: string): Feature[] {
  return (JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, file), "utf8")) as { features: Feature[] })
    .features;
}

function outerRings(geometry: Feature["geometry"]): Ring[] {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .map((polygon) => polygon[0] ?? [])
    .filter((ring) => ring.length >= 3)
    .map((ring) =>
      ring.map(
        ([lon, lat]) => [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] as [number, number],
      ),
    );
}

/** The buurt boundaries of one municipality (GMgggg), from the reference GeoJSON; [] when there are none. */
export function buurtShapes(municipalityCode: string): BuurtShape[] {
  const cached = cache.get(municipalityCode);
  if (cached) return cached;
  let shapes: BuurtShape[];
  if (municipalityCode === "GM0344") {
    shapes = read(UTRECHT).map((f) => ({
      code: String(f.properties.buurtcode),
      name: String(f.properties.naam_kwb2023 ?? f.properties.naam_bron ?? f.properties.buurtcode),
      rings: outerRings(f.geometry),
    }));
  } else {
    shapes = read(COARSE)
      .filter((f) => f.properties.gemeentecode === municipalityCode)
      .map((f) => ({
        code: String(f.properties.statcode),
        name: String(f.properties.statnaam),
        rings: outerRings(f.geometry),
      }));
  }
  shapes = shapes.filter((s) => s.rings.length > 0);
  cache.set(municipalityCode, shapes);
  return shapes;
}
