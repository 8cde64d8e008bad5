import { Heading2, Paragraph } from "@utrecht/component-library-react";
import { useEffect, useState } from "react";
import { ApiError, api } from "../../api/client.ts";
import { useResource } from "../../api/useResource.ts";
import { t } from "../../i18n/i18n.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { useSubmit } from "../../ui/useSubmit.ts";
import { SubmitButton, TextArea } from "./portal.ui.tsx";

/** The same limits the server checks (portal.settings.ts); the server also checks the bytes themselves. */
export const PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const MAX_PHOTO_BYTES = 200 * 1024;

interface Profile {
  phone: string | null;
  reachability: string | null;
  hasPhoto: boolean;
}

/** Why a chosen file cannot be the photo, or null when it can. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return t("portal.profile.photoType");
  if (file.size > MAX_PHOTO_BYTES) return t("portal.profile.photoSize");
  if (file.size === 0) return t("portal.profile.photoType");
  return null;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The case lead's contact card residents see: phone, when reachable, and an optional small photo. */
export function CaseLeadProfileForm() {
  const { data, reload } = useResource<Profile>("/api/portal-desk/profile");
  const [phone, setPhone] = useState("");
  const [reachability, setReachability] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [removePhoto, setRemovePhoto] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return;
    setPhone(data.phone ?? "");
    setReachability(data.reachability ?? "");
  }, [data]);
  const form = useSubmit(async () => {
    setSaved(null);
    if (photo) {
      const problem = photoProblem(photo);
      if (problem) throw new ApiError(422, "invalidPhoto", problem);
    }
    await api.post("/api/portal-desk/profile", {
      phone: phone || null,
      reachability: reachability || null,
      ...(photo ? { photo: await toBase64(photo) } : removePhoto ? { photo: null } : {}),
    });
    setPhoto(null);
    setRemovePhoto(false);
    setSaved(t("portal.profile.saved"));
    await reload();
  });
  const chosenProblem = photo ? photoProblem(photo) : null;
  return (
    <section aria-labelledby="profile-title">
      <Heading2 id="profile-title">{t("portal.profile.title")}</Heading2>
      <Paragraph>{t("portal.profile.intro")}</Paragraph>
      <form onSubmit={form.onSubmit}>
        <ErrorMessage message={form.error ?? chosenProblem} />
        <SuccessMessage message={saved} />
        <TextField
          id="profile-phone"
          type="tel"
          label={t("portal.profile.phone")}
          value={phone}
          onChange={setPhone}
          maxLength={20}
        />
        <TextArea
          id="profile-reachability"
          label={t("portal.profile.reachability")}
          value={reachability}
          onChange={setReachability}
          maxLength={500}
        />
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="profile-photo">
            {t("portal.profile.photo")}
          </label>
          <p className="utrecht-form-field-description" id="profile-photo-hint">
            {data?.hasPhoto ? t("portal.profile.photoSet") : t("portal.profile.noPhoto")}{" "}
            {t("portal.profile.photoHint")}
          </p>
          <input
            id="profile-photo"
            name="profile-photo"
            type="file"
            accept={PHOTO_TYPES.join(",")}
            aria-describedby="profile-photo-hint"
            aria-invalid={chosenProblem ? true : undefined}
            onChange={(event) => setPhoto(event.target.files?.[0] ?? null)}
          />
        </div>
        {data?.hasPhoto && (
          <div className="utrecht-form-field">
            <input
              id="profile-remove-photo"
              type="checkbox"
              checked={removePhoto}
              onChange={(event) => setRemovePhoto(event.target.checked)}
            />{" "}
            <label htmlFor="profile-remove-photo">{t("portal.profile.removePhoto")}</label>
          </div>
        )}
        <SubmitButton busy={form.busy}>{t("portal.profile.save")}</SubmitButton>
      </form>
    </section>
  );
}
