import { useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "./client.ts";

export interface Resource<T> {
  data: T | null;
  error: string | null;
  reload(): Promise<void>;
}

/** Loads JSON from a GET endpoint and reloads on demand (for example after a form is saved). */
export function useResource<T>(path: string): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await api.get<T>(path));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [path]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}
