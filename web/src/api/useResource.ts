import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "./client.ts";

export interface Resource<T> {
  data: T | null;
  error: string | null;
  reload(): Promise<void>;
}

/**
 * The last answer per address, kept in this tab's memory only: a page opened again shows it at once while
 * it reloads (no empty page, no layout shift between the sections of a dossier). Cleared at logout.
 */
const recent = new Map<string, unknown>();
/** Requests under way, so two parts of a page asking the same address share one request. */
const inFlight = new Map<string, Promise<unknown>>();

function getShared<T>(path: string): Promise<T> {
  const running = inFlight.get(path);
  if (running) return running as Promise<T>;
  const request = api.get<T>(path).finally(() => inFlight.delete(path));
  inFlight.set(path, request);
  return request;
}
const RECENT_MAX = 30;

export function forgetRecentResources(): void {
  recent.clear();
}

function remember(path: string, value: unknown) {
  recent.delete(path);
  recent.set(path, value);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as string);
}

/**
 * Loads JSON from a GET endpoint and reloads on demand (for example after a form is saved). An empty path
 * loads nothing (for a resource that depends on another one).
 */
export function useResource<T>(path: string, options: { keep?: boolean } = {}): Resource<T> {
  const keep = options.keep ?? false;
  const [data, setData] = useState<T | null>(() => (keep && path ? ((recent.get(path) as T) ?? null) : null));
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!path) return;
    try {
      const value = await getShared<T>(path);
      if (keep) remember(path, value);
      setData(value);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [path, keep]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}
