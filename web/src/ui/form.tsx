import {
  Alert,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from "@utrecht/component-library-react";
import {
  createContext,
  type FormEvent,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { ApiError, errorMessage } from "../api/client.ts";
import { t } from "../i18n/i18n.ts";
import { SuccessMessage } from "./Messages.tsx";

/**
 * Forms the NL Design System way: on submit, every problem is listed in an error summary that receives
 * focus and links to its field; the same message stands at the field; after a save a confirmation is
 * announced. Fields read their message from the surrounding <Form> (see fields.tsx).
 */

/** Messages per field id. */
export type FieldErrors = Record<string, string>;

const FieldErrorContext = createContext<FieldErrors>({});

export function useFieldError(id: string): string | undefined {
  return useContext(FieldErrorContext)[id];
}

function labelOf(form: HTMLFormElement, element: HTMLElement): string {
  const id = element.id;
  const legend = element.closest("fieldset")?.querySelector("legend");
  // A radio button's own label names the option; the question is the group's legend.
  const isRadio = element instanceof HTMLInputElement && element.type === "radio";
  const explicit = id && !isRadio ? form.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  const text = (explicit ?? legend)?.textContent ?? element.getAttribute("aria-label") ?? id;
  return text.replace(t("form.required"), "").trim();
}

type Validatable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The browser's own checks (required, type, min/max, pattern) as Dutch messages per field. */
export function nativeErrors(form: HTMLFormElement): FieldErrors {
  const errors: FieldErrors = {};
  const radioGroups = new Set<string>();
  for (const element of Array.from(form.elements)) {
    if (
      !(
        element instanceof HTMLInputElement ||
        element instanceof HTMLSelectElement ||
        element instanceof HTMLTextAreaElement
      )
    )
      continue;
    const field = element as Validatable;
    if (!field.id || field.disabled || field.validity.valid || errors[field.id]) continue;
    if (field.type === "radio") {
      if (radioGroups.has(field.name)) continue;
      radioGroups.add(field.name);
    }
    const label = labelOf(form, field);
    const v = field.validity;
    if (v.valueMissing) {
      errors[field.id] =
        field instanceof HTMLSelectElement || field.type === "radio" || field.type === "checkbox"
          ? t("form.error.choose", { label })
          : t("form.error.required", { label });
    } else if (field.type === "email" && v.typeMismatch) {
      errors[field.id] = t("form.error.email", { label });
    } else if (field.type === "date" || v.badInput) {
      errors[field.id] = t("form.error.date", { label });
    } else if (v.rangeUnderflow || v.rangeOverflow || v.stepMismatch) {
      errors[field.id] = t("form.error.range", { label });
    } else {
      errors[field.id] = t("form.error.format", { label });
    }
  }
  return errors;
}

/** The field a server error names (`details.field`), found by id or by the end of an id. */
function fieldFor(form: HTMLFormElement, name: string): HTMLElement | null {
  const escaped = CSS.escape(name);
  return (
    form.querySelector<HTMLElement>(`#${escaped}`) ??
    form.querySelector<HTMLElement>(`[name="${escaped}"]`) ??
    form.querySelector<HTMLElement>(`[id$="-${escaped}"]`)
  );
}

export interface FormState {
  busy: boolean;
  /** A message for the whole form (server errors without a field). */
  error: string | null;
  fieldErrors: FieldErrors;
  /** The confirmation after the last successful save. */
  saved: string | null;
  /** Raised on every failed submit, so the summary takes focus again. */
  attempt: number;
  onSubmit(event: FormEvent<HTMLFormElement>): Promise<void>;
  setError(message: string | null): void;
  /** Submits without an event (a second button such as "save anyway"). */
  submitFrom(form: HTMLFormElement | null): Promise<void>;
}

export interface FormOptions {
  /** The confirmation shown after saving; false for none (the page confirms, or navigates away). */
  saved?: string | false;
  /** Extra checks before sending: messages per field id. */
  validate?(): FieldErrors;
}

/** Runs a form's action once at a time, with checks first and the server's Dutch message on failure. */
export function useForm(action: () => Promise<unknown>, options: FormOptions = {}): FormState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const running = useRef(false);

  const submitFrom = useCallback(
    async (form: HTMLFormElement | null) => {
      if (running.current) return;
      setSaved(null);
      const errors = { ...(form ? nativeErrors(form) : {}), ...(options.validate?.() ?? {}) };
      if (Object.keys(errors).length > 0) {
        setError(null);
        setFieldErrors(errors);
        setAttempt((n) => n + 1);
        return;
      }
      running.current = true;
      setBusy(true);
      setError(null);
      setFieldErrors({});
      try {
        await action();
        if (options.saved !== false) setSaved(options.saved ?? t("form.saved"));
      } catch (caught) {
        const message = errorMessage(caught);
        const details =
          caught instanceof ApiError ? (caught.details as { field?: unknown } | undefined) : undefined;
        const field = typeof details?.field === "string" && form ? fieldFor(form, details.field) : null;
        if (field?.id) setFieldErrors({ [field.id]: message });
        else setError(message);
        setAttempt((n) => n + 1);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action, options],
  );

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      await submitFrom(event.currentTarget);
    },
    [submitFrom],
  );

  return { busy, error, fieldErrors, saved, attempt, onSubmit, setError, submitFrom };
}

/** The error summary: receives focus after a failed submit and links to each field with a problem. */
export function ErrorSummary({ form }: { form: Pick<FormState, "error" | "fieldErrors" | "attempt"> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(form.fieldErrors);
  const visible = form.error !== null || entries.length > 0;
  useEffect(() => {
    if (form.attempt > 0) ref.current?.focus();
  }, [form.attempt]);
  return (
    <div aria-live="assertive" aria-atomic="true">
      {visible && (
        <div ref={ref} tabIndex={-1} className="ww-error-summary">
          <Alert type="error">
            {entries.length > 0 && (
              <Heading2 className="ww-error-summary__title">{t("form.errorSummary")}</Heading2>
            )}
            {form.error && <Paragraph>{form.error}</Paragraph>}
            {entries.length > 0 && (
              <UnorderedList>
                {entries.map(([id, message]) => (
                  <UnorderedListItem key={id}>
                    <a
                      href={`#${id}`}
                      className="utrecht-link"
                      onClick={(event) => {
                        event.preventDefault();
                        const target = document.getElementById(id);
                        target?.focus();
                        target?.scrollIntoView({ block: "center" });
                      }}
                    >
                      {message}
                    </a>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            )}
          </Alert>
        </div>
      )}
    </div>
  );
}

/** A form with its error summary on top, messages at the fields and a confirmation after saving. */
export function Form({
  form,
  label,
  id,
  className,
  children,
  showSaved = true,
}: {
  form: FormState;
  label?: string;
  id?: string;
  className?: string;
  children: ReactNode;
  showSaved?: boolean;
}) {
  return (
    <form
      noValidate
      onSubmit={(event) => void form.onSubmit(event)}
      aria-label={label}
      id={id}
      className={className ?? "ww-form"}
    >
      <ErrorSummary form={form} />
      <FieldErrorContext.Provider value={form.fieldErrors}>{children}</FieldErrorContext.Provider>
      {showSaved && <SuccessMessage message={form.saved} />}
    </form>
  );
}
