// Writes the files generated from code: server/sql/policies.sql from the access declaration.
// `--check` compares instead of writing and exits 1 when a file is out of date (CI).
import fs from "node:fs";
import path from "node:path";
import { generatePolicies } from "../platform/access/policies.ts";
import { SQL_DIR } from "../platform/db/migrate.ts";

const check = process.argv.includes("--check");
const files: [string, string][] = [[path.join(SQL_DIR, "policies.sql"), generatePolicies()]];
let stale = 0;
for (const [file, text] of files) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (current === text) continue;
  if (check) {
    console.error(`${path.relative(process.cwd(), file)} is out of date: run npm run db:generate`);
    stale++;
  } else {
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
process.exit(stale > 0 ? 1 : 0);
