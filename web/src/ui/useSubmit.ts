import { type FormEvent, useState } from "react";
import { errorMessage } from "../api/client.ts";

/** Runs a form's action once at a time and keeps the server's (Dutch) error message. */
export function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, onSubmit, setError };
}
