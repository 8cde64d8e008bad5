import { formatDateTime } from "../../i18n/format.ts";
import { t, tOptional } from "../../i18n/i18n.ts";

export const urgencies = ["acute", "high", "normal", "low"] as const;

/** The catalogue label of a server code such as "category.loneliness", or the code itself. */
export const label = (prefix: string, code: string) => tOptional(`${prefix}.${code}`) ?? code;
export const formatDate = (iso: string) => formatDateTime(iso);
export const yesNo = (value: boolean) => t(value ? "signals.yes" : "signals.no");

export interface Neighbourhood {
  code: string;
  name: string;
  districtName?: string;
}
