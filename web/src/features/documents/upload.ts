import { ApiError, currentCsrfToken, toApiError } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import type { Uploaded } from "./types.ts";

export type UploadPhase = { phase: "uploading"; percent: number } | { phase: "checking" };

/**
 * Sends files as multipart (fields first, then the files) with XMLHttpRequest, whose upload events give
 * a progress bar; after the last byte the server scans and checks ("wordt gecontroleerd").
 */
export function uploadFiles(
  url: string,
  fields: [string, string][],
  files: File[],
  onProgress: (p: UploadPhase) => void,
): Promise<Uploaded> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  for (const file of files) form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        onProgress({ phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => onProgress({ phase: "checking" });
    xhr.onerror = () => reject(new ApiError(0, "network", t("error.network")));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Uploaded);
      else reject(toApiError(xhr.status, body));
    };
    xhr.send(form);
  });
}
