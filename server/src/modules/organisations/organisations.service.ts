import type { RequestContext } from "../../platform/context.ts";
import { conflict } from "../../platform/http/errors.ts";
import { insertOrganisation, listOrganisations, organisationNamed } from "./organisations.repository.ts";
import type { ORGANISATION_TYPES } from "./organisations.schemas.ts";

type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export async function getOrganisations(ctx: RequestContext) {
  const items = await listOrganisations(ctx);
  return { items: items.map((o) => ({ ...o, type: o.type as OrganisationType })) };
}

export async function createOrganisation(
  ctx: RequestContext,
  input: { name: string; type: OrganisationType },
) {
  if (await organisationNamed(ctx, input.name)) {
    throw conflict("organisationExists", `Er is al een organisatie met de naam "${input.name.trim()}".`);
  }
  const row = await insertOrganisation(ctx, input);
  await ctx.audit({ action: "organisation.created", resourceType: "organisation", resourceId: row.id });
  return { ...row, type: row.type as OrganisationType };
}
