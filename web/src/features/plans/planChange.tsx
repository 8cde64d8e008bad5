import { Button, ButtonGroup, Fieldset, FieldsetLegend } from "@utrecht/component-library-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { ErrorMessage } from "../../ui/Messages.tsx";

export interface PlanChange {
  busy: boolean;
  error: string | null;
  /** The server answered 409 concurrentChange: someone else saved a newer version of the plan first. */
  concurrent: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<void>;
  run(): Promise<void>;
}

/**
 * Runs one change of the plan (each sends the version it read) once at a time and keeps the server's Dutch
 * message; remembers whether the change was refused because the plan changed in the meantime.
 */
export function usePlanChange(action: () => Promise<void>): PlanChange {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [concurrent, setConcurrent] = useState(false);
  async function run() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setConcurrent(false);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
      setConcurrent(
        caught instanceof ApiError && caught.status === 409 && caught.code === "concurrentChange",
      );
    } finally {
      setBusy(false);
    }
  }
  return {
    busy,
    error,
    concurrent,
    run,
    onSubmit: async (event) => {
      event.preventDefault();
      await run();
    },
  };
}

/** The server's message; after a concurrent change also a button that loads the current version. */
export function PlanChangeError({ change, reload }: { change: PlanChange; reload(): Promise<void> }) {
  return (
    <>
      <ErrorMessage message={change.error} />
      {change.concurrent && (
        <Button type="button" appearance="secondary-action-button" onClick={() => void reload()}>
          {t("plan.reload")}
        </Button>
      )}
    </>
  );
}

/** Asks to confirm a removal: the question, the change's error, then confirm (runs the change) or cancel. */
export function ConfirmRemoval({
  question,
  confirmLabel,
  change,
  reload,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  change: PlanChange;
  reload(): Promise<void>;
  onCancel(): void;
}) {
  return (
    <Fieldset>
      <FieldsetLegend>{question}</FieldsetLegend>
      <PlanChangeError change={change} reload={reload} />
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          disabled={change.busy}
          onClick={() => void change.run()}
        >
          {confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t("plan.cancel")}
        </Button>
      </ButtonGroup>
    </Fieldset>
  );
}
