import fs from "node:fs";
import path from "node:path";
import { buildApp } from "../app.ts";
import { testConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/db/database.ts";

/** Writes docs/openapi.json from the route schemas; with --check, fails when the committed file differs. */
const file = path.resolve("docs/openapi.json");
const database = await openDatabase({});
const { app } = await buildApp(testConfig(), database);
await app.ready();
const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
await app.close();
await database.close();
if (process.argv.includes("--check")) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (committed !== text) {
    console.error("docs/openapi.json wijkt af van de code. Draai `npm run openapi` en commit het resultaat.");
    process.exit(1);
  }
  console.log("docs/openapi.json is bij.");
} else {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  console.log(`Geschreven: ${file}`);
}
