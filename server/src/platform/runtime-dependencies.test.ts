import assert from "node:assert/strict";
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";

/**
 * A built tree starts after `npm install --omit=dev`: everything the server and its commands import,
 * followed from server/src/main.ts and server/src/cli/*.ts, is a Node built-in, a file of the project
 * or a package in `dependencies` (not `devDependencies`). Also no syntax Node 22 removed.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^"']*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function crawl(entries: string[]) {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(file, "utf8");
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2] ?? "";
      if (spec.startsWith(".")) todo.push(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith("node:") && !builtinModules.includes(spec)) {
        const name = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : (spec.split("/")[0] ?? spec);
        if (!packages.has(name)) packages.set(name, path.relative(root, file));
      }
    }
  }
  return { files: [...seen], packages };
}

describe("runtime dependencies", () => {
  const cli = fs
    .readdirSync(path.join(root, "server/src/cli"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => path.join(root, "server/src/cli", f));
  const { files, packages } = crawl([path.join(root, "server/src/main.ts"), ...cli]);

  test("the server and its commands import only dependencies", () => {
    assert.ok(files.length > 100, `followed ${files.length} files`);
    const missing = [...packages]
      .filter(([name]) => !(name in pkg.dependencies))
      .map(([n, f]) => `${n} (${f})`);
    assert.deepEqual(missing, []);
    for (const name of ["fastify", "kysely", "pg-boss", "nodemailer", "prom-client"])
      assert.ok(packages.has(name), name);
    assert.ok(files.every((f) => !f.endsWith(".test.ts") && !f.includes(`${path.sep}test${path.sep}`)));
  });

  test("start and the commands run through tsx, a dependency, and a built UI needs no devDependency", () => {
    assert.ok("tsx" in pkg.dependencies);
    assert.match(pkg.scripts.start ?? "", /build-if-needed\.mjs && node --import tsx server\/src\/main\.ts/);
  });

  test("no import assertions (removed in Node 22) and no deprecated built-ins", () => {
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      assert.ok(!/\bassert\s*\{\s*type:/.test(text), `${file}: import … assert { type } (use "with")`);
      assert.ok(!/from ["'](node:)?punycode["']/.test(text), `${file}: punycode`);
      assert.ok(
        !/util\.(isArray|isDate|isError|isRegExp|_extend)\b/.test(text),
        `${file}: removed util helper`,
      );
    }
  });
});
