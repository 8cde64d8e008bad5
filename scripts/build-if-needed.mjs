// `npm start` builds the web UI only when web/dist is missing or older than its sources, so a second
// start does not rebuild. An install without devDependencies (no vite) starts a built tree as it is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dist = path.resolve(process.env.WEB_DIST ?? "web/dist");
const built = path.join(dist, "index.html");
const sources = [
  "web/src",
  "web/public",
  "web/index.html",
  "web/vite.config.ts",
  "web/tsconfig.json",
  "package-lock.json",
];

function newest(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map(newest));
if (builtAt > 0 && builtAt >= sourcesAt) {
  console.log("Web-interface is al gebouwd (web/dist is nieuwer dan de bronnen).");
  process.exit(0);
}
const hasSources = fs.existsSync("web/src");
let vite;
try {
  vite = (await import("node:module")).createRequire(import.meta.url).resolve("vite/package.json");
} catch {
  vite = undefined;
}
if (!vite || !hasSources) {
  if (builtAt > 0) {
    console.log(
      "Web-interface: de bronnen zijn nieuwer, maar vite ontbreekt (installatie zonder devDependencies); de bestaande build wordt gebruikt.",
    );
    process.exit(0);
  }
  console.error(
    "De web-interface is niet gebouwd en vite ontbreekt. Bouw eerst met `npm run build` (met devDependencies).",
  );
  process.exit(1);
}
console.log(
  builtAt > 0 ? "Web-interface: bronnen gewijzigd, opnieuw bouwen…" : "Web-interface bouwen (eenmalig)…",
);
const result = spawnSync(
  process.execPath,
  [
    path.join(path.dirname(vite), "bin/vite.js"),
    "build",
    "--config",
    "web/vite.config.ts",
    "--logLevel",
    "warn",
  ],
  { stdio: "inherit" },
);
process.exit(result.status ?? 1);
