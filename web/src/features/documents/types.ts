/** A document as the API describes it (server: modules/documents/documents.schemas.ts). */
export interface DocumentItem {
  id: string;
  householdId: string;
  title: string;
  kind: string;
  kindName: string;
  documentDate: string | null;
  confidentiality: "team" | "caseLead" | "resident";
  status: "scanning" | "available";
  scan: "pending" | "clean" | "notScanned" | "generated";
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string | null;
  source: "team" | "portal" | "planAgreement";
  uploadedAt: string;
  uploadedByName: string | null;
  uploadedByMe: boolean;
  planVersion: number | null;
  preview: "pdf" | "image" | null;
  allowed: { withdraw: boolean };
}

export interface UploadSettings {
  maxFileBytes: number;
  maxFilesPerUpload: number;
  maxHouseholdBytes: number;
  scanner: "configured" | "missingRefused" | "missingAllowed";
  warning: string | null;
  accept: string[];
}

export interface Uploaded {
  items: DocumentItem[];
  warning: string | null;
}

export const contentUrl = (id: string, inline = false) =>
  `/api/documents/${encodeURIComponent(id)}/content${inline ? "?disposition=inline" : ""}`;

export const megabytes = (bytes: number) => `${Math.max(1, Math.round(bytes / (1024 * 1024)))} MB`;
