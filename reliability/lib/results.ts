import fs from "node:fs";
import path from "node:path";

/** Writes bench/results/<date>-<name>.json and returns its path. */
export function writeResult(name: string, data: unknown, dir = "bench/results"): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().slice(0, 10)}-${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}
