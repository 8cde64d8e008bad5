import { useEffect } from "react";
import { useResource } from "../../api/useResource.ts";
import type { Plan } from "../plans/types.ts";
import type { CaseFile, Dossier, ZrmInstrument } from "./types.ts";

export interface HouseholdAccess {
  householdId: string;
  level: "edit" | "read" | "emergency" | "summary" | "none";
  actions: string[];
}

const DOSSIER_CHANGED = "wijkwerk:dossier-changed";

/** Tells the dossier's header (status, flags) that something in the household changed. */
export function announceDossierChange(householdId: string): void {
  window.dispatchEvent(new CustomEvent(DOSSIER_CHANGED, { detail: householdId }));
}

/** The current case: the open one, else the most recent. */
export function currentCase(dossier: Dossier): CaseFile | undefined {
  return dossier.cases.find((c) => c.status !== "closed") ?? dossier.cases[0];
}

/**
 * Everything the dossier workspace shows, each kept in memory while the user moves between the sections
 * (the server decides what may be done: `allowed` and `actions` come from its answers).
 */
export function useDossier(householdId: string) {
  const id = encodeURIComponent(householdId);
  const dossier = useResource<Dossier>(`/api/households/${id}`, { keep: true });
  const instrument = useResource<ZrmInstrument>("/api/zrm", { keep: true });
  const access = useResource<HouseholdAccess>(`/api/households/${id}/access`, { keep: true });
  const current = dossier.data ? currentCase(dossier.data) : undefined;
  const plan = useResource<{ plan: Plan | null }>(
    current ? `/api/cases/${encodeURIComponent(current.id)}/plan/overview` : "",
    { keep: true },
  );
  async function reload() {
    await Promise.all([dossier.reload(), plan.reload(), access.reload()]);
  }
  // A page inside the dossier's frame (the plan) changed the case: the header shows it at once.
  const reloadDossier = dossier.reload;
  useEffect(() => {
    const listener = (event: Event) => {
      if ((event as CustomEvent<string>).detail === householdId) void reloadDossier();
    };
    window.addEventListener(DOSSIER_CHANGED, listener);
    return () => window.removeEventListener(DOSSIER_CHANGED, listener);
  }, [householdId, reloadDossier]);
  return { dossier, instrument, access, plan, current, reload };
}

/** Domains of the dossier's ZRM version, with names from the instrument. */
export function domainsOf(dossier: Dossier, instrument: ZrmInstrument) {
  const version = instrument.versions.find((v) => v.version === dossier.zrmVersion) ?? instrument.versions[0];
  return (version?.domains ?? []).map((d) => ({ key: d.key, name: d.name }));
}

/** Every domain of every version (an older assessment may use the other version). */
export function allDomainsOf(instrument: ZrmInstrument) {
  return instrument.versions
    .flatMap((v) => v.domains)
    .filter((x, i, all) => all.findIndex((y) => y.key === x.key) === i)
    .map((d) => ({ key: d.key, name: d.name }));
}
