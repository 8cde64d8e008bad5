// Runs every *.test.ts under the given folders (default: server/src and e2e) with Node's test runner.
// Node 20's --test takes no glob patterns, so the files are listed here.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const folders = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const roots = folders.length > 0 ? folders : ["server/src", "web/src", "e2e"];
const files = roots
  .flatMap((root) => fs.readdirSync(root, { recursive: true }).map((f) => path.join(root, String(f))))
  .filter((f) => f.endsWith(".test.ts"))
  .sort();
if (files.length === 0) {
  console.error(`No test files under ${roots.join(", ")}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? "2";
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, ...files],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
