import type { RequestContext } from "../../platform/context.ts";
import { unprocessable } from "../../platform/http/errors.ts";

export const MAX_PHOTO_BYTES = 200 * 1024;
type PhotoType = "image/png" | "image/jpeg" | "image/webp";

/** The image type from the first bytes; the declared type is never trusted. */
export function detectImageType(bytes: Buffer): PhotoType | null {
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return "image/png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (
    bytes.length >= 12 &&
    bytes.toString("latin1", 0, 4) === "RIFF" &&
    bytes.toString("latin1", 8, 12) === "WEBP"
  )
    return "image/webp";
  return null;
}

export interface ProfileInput {
  phone?: string | null;
  reachability?: string | null;
  /** Base64 of a PNG, JPEG or WebP image up to 200 KB; null removes the photo; absent keeps it. */
  photo?: string | null;
}

/** A professional sets how residents reach them, and optionally a small photo. */
export async function updateCaseLeadProfile(ctx: RequestContext, input: ProfileInput) {
  let photo: { photo: Buffer | null; photoType: PhotoType | null } | undefined;
  if (input.photo === null) photo = { photo: null, photoType: null };
  else if (input.photo !== undefined) {
    const bytes = Buffer.from(input.photo, "base64");
    if (bytes.length === 0)
      throw unprocessable("invalidPhoto", "De foto is leeg of geen geldige afbeelding.", { field: "photo" });
    if (bytes.length > MAX_PHOTO_BYTES) {
      throw unprocessable("photoTooLarge", "De foto is te groot. Gebruik een foto van hooguit 200 kB.", {
        field: "photo",
      });
    }
    const type = detectImageType(bytes);
    if (!type)
      throw unprocessable("invalidPhoto", "Gebruik een foto in PNG, JPEG of WebP.", { field: "photo" });
    photo = { photo: bytes, photoType: type };
  }
  const values = {
    phone: input.phone?.trim() || null,
    reachability: input.reachability?.trim() || null,
    updatedAt: ctx.now,
    ...(photo ?? {}),
  };
  const m = ctx.actor.municipalityId;
  const updated = await ctx.trx
    .updateTable("caseLeadProfile")
    .set(values)
    .where("municipalityId", "=", m)
    .where("userId", "=", ctx.actor.userId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await ctx.trx
      .insertInto("caseLeadProfile")
      .values({ municipalityId: m, userId: ctx.actor.userId, photo: null, photoType: null, ...values })
      .execute();
  }
  await ctx.audit({
    action: "portal.caseLeadProfileUpdated",
    resourceType: "user",
    resourceId: ctx.actor.userId,
    details: { photo: photo ? (photo.photo ? "set" : "removed") : "kept" },
  });
  return {
    phone: values.phone,
    reachability: values.reachability,
    hasPhoto: photo ? photo.photo !== null : undefined,
  };
}

/** The professional's own contact card as residents see it. */
export async function getCaseLeadProfile(ctx: RequestContext) {
  const row = await ctx.trx
    .selectFrom("caseLeadProfile")
    .select(["phone", "reachability", "photoType"])
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .where("userId", "=", ctx.actor.userId)
    .executeTakeFirst();
  return {
    phone: row?.phone ?? null,
    reachability: row?.reachability ?? null,
    hasPhoto: Boolean(row?.photoType),
  };
}

export async function getPortalSettings(ctx: RequestContext) {
  const row = await ctx.trx
    .selectFrom("portalSetting")
    .select("showProfessionalNames")
    .where("municipalityId", "=", ctx.actor.municipalityId)
    .executeTakeFirst();
  return { showProfessionalNames: row?.showProfessionalNames ?? false };
}

/** The municipality chooses whether residents see professionals' names in "who looked at my data". */
export async function setPortalSettings(ctx: RequestContext, input: { showProfessionalNames: boolean }) {
  const m = ctx.actor.municipalityId;
  const values = {
    showProfessionalNames: input.showProfessionalNames,
    updatedByUserId: ctx.actor.userId,
    updatedAt: ctx.now,
  };
  const updated = await ctx.trx
    .updateTable("portalSetting")
    .set(values)
    .where("municipalityId", "=", m)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await ctx.trx
      .insertInto("portalSetting")
      .values({ municipalityId: m, ...values })
      .execute();
  await ctx.audit({
    action: "portal.settingsChanged",
    resourceType: "portalSetting",
    details: { showProfessionalNames: input.showProfessionalNames },
  });
  return { showProfessionalNames: input.showProfessionalNames };
}
