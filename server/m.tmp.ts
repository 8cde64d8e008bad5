import { openDatabase } from "./src/platform/db/database.ts";
import { migrate } from "./src/platform/db/migrate.ts";
const d = await openDatabase({});
const t = Date.now();
console.log(await migrate(d.db), Date.now() - t, "ms");
await d.close();
