import { loadConfig } from "../platform/config.ts";
import { openDatabase } from "../platform/db/database.ts";
import { migrate } from "../platform/db/migrate.ts";
import { AppError } from "../platform/http/errors.ts";
import { onboardMunicipality } from "../platform/onboarding/onboarding.ts";

/**
 * `npm run municipality:add -- --code GM0355 --name Zeist --admin-username beheer.zeist
 *   --admin-email beheer@zeist.example [--admin-name "…"] [--zrm-version 2017] [--mfa-roles administrator,teamLead]`
 * Adds a municipality to the platform at DATABASE_URL (or the PGlite data folder) while it runs.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  return value && !value.startsWith("--") ? value : undefined;
}

const code = option("code");
const name = option("name");
const adminUsername = option("admin-username");
const adminEmail = option("admin-email");
if (!code || !name || !adminUsername || !adminEmail) {
  console.error(
    "Gebruik: npm run municipality:add -- --code GM0355 --name Zeist --admin-username beheer.zeist --admin-email beheer@zeist.example [--admin-name 'Naam'] [--zrm-version 2010|2017] [--mfa-roles administrator,teamLead,professional]",
  );
  process.exit(2);
}
const zrmVersion = option("zrm-version");
const mfaRoles = option("mfa-roles");

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
let exitCode = 0;
try {
  await migrate(database.db);
  const result = await onboardMunicipality(database.db, {
    code,
    name,
    adminUsername,
    adminEmail,
    adminDisplayName: option("admin-name"),
    zrmVersion: zrmVersion as "2010" | "2017" | undefined,
    mfaRequiredRoles: mfaRoles === undefined ? undefined : mfaRoles.split(",").filter(Boolean),
  });
  console.log(
    [
      `Gemeente ${result.name} (${result.code}) toegevoegd: ${result.districts} wijken en ${result.neighbourhoods} buurten uit reference/cbs.`,
      `ZRM-versie ${result.zrmVersion}; tweestapsverificatie verplicht voor: ${result.mfaRequiredRoles.join(", ") || "niemand"}.`,
      `Eerste beheerder: ${result.administrator.username}. Een e-mail met een eenmalige link om een wachtwoord in te stellen (geldig tot ${result.passwordSetupExpiresAt}) staat in de outbox${config.smtpUrl ? " en wordt verstuurd" : "; zonder SMTP_URL wordt die niet verstuurd"}.`,
    ].join("\n"),
  );
} catch (error) {
  exitCode = 1;
  if (error instanceof AppError) {
    console.error(`${error.message}${error.details ? ` ${JSON.stringify(error.details)}` : ""}`);
  } else console.error(error);
} finally {
  await database.close();
}
process.exit(exitCode);
