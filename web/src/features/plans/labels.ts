import { tOptional } from "../../i18n/i18n.ts";

/** The catalogue's label for a server code (rung, actor kind, relation …), or the code itself. */
export function label(prefix: string, code: string | number): string {
  return tOptional(`${prefix}.${code}`) ?? String(code);
}

export const today = () => new Date().toISOString().slice(0, 10);
