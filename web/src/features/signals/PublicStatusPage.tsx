import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Textbox,
} from "@utrecht/component-library-react";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { api, errorMessage } from "../../api/client.ts";
import { AppLink } from "../../app/router.tsx";
import { t } from "../../i18n/i18n.ts";
import { ErrorMessage } from "../../ui/Messages.tsx";
import { PageTitle } from "../../ui/PageTitle.tsx";
import { describedBy, ErrorSummary, Field } from "./reportFields.tsx";
import { publicSignalPath } from "./reportForm.ts";
import { formatDate, label } from "./signalLabels.ts";

interface PublicStatus {
  referenceCode: string;
  status: "received" | "inProgress" | "handled";
  statusDate: string;
  receivedAt: string;
}

const codeId = "status-code";

/** A resident (or anonymous reporter) looks up the status of a report with its reference code. */
export function PublicStatusPage({ municipalityCode }: { municipalityCode: string }) {
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get("code") ?? "");
  const [required, setRequired] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<PublicStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = useCallback(
    async (value: string) => {
      setFailure(null);
      setResult(null);
      const trimmed = value.trim();
      setRequired(trimmed ? null : t("report.status.codeRequired"));
      if (!trimmed) return;
      setBusy(true);
      try {
        setResult(
          await api.get<PublicStatus>(
            `/api/public/${municipalityCode}/signals/${encodeURIComponent(trimmed)}`,
          ),
        );
      } catch (caught) {
        setFailure(errorMessage(caught));
      } finally {
        setBusy(false);
      }
    },
    [municipalityCode],
  );

  // Coming from the confirmation page, the code is in the address: show its status straight away.
  useEffect(() => {
    const fromAddress = new URLSearchParams(window.location.search).get("code");
    if (fromAddress) void lookUp(fromAddress);
  }, [lookUp]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) void lookUp(code);
  }

  const fieldError = required ?? undefined;
  return (
    <div className="ww-public ww-narrow">
      <PageTitle>{t("report.status.title")}</PageTitle>
      <Paragraph>{t("report.status.intro")}</Paragraph>
      <form
        onSubmit={submit}
        noValidate
        className="ww-form ww-no-print"
        aria-label={t("report.status.title")}
      >
        <ErrorSummary errors={required ? { [codeId]: required } : {}} />
        <ErrorMessage message={failure} />
        <Field
          id={codeId}
          label={t("report.status.code")}
          hint={t("report.status.codeHint")}
          error={fieldError}
          required
        >
          <Textbox
            id={codeId}
            name={codeId}
            value={code}
            autoComplete="off"
            spellCheck={false}
            required
            invalid={Boolean(fieldError)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={describedBy(codeId, true, fieldError)}
            onChange={(event) => setCode(event.target.value)}
          />
        </Field>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {t("report.status.lookup")}
        </Button>
      </form>
      <div aria-live="polite">
        {result && (
          <section aria-labelledby="status-result">
            <Heading2 id="status-result">
              {t("report.status.result", { code: result.referenceCode })}
            </Heading2>
            <DataList>
              <DataListItem>
                <DataListKey>{t("report.status.status")}</DataListKey>
                <DataListValue>
                  <strong data-testid="report-status">{label("status", result.status)}</strong>
                </DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t("report.status.since")}</DataListKey>
                <DataListValue>{formatDate(result.statusDate)}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t("report.status.received")}</DataListKey>
                <DataListValue>{formatDate(result.receivedAt)}</DataListValue>
              </DataListItem>
            </DataList>
            <Paragraph>{t(`report.status.explain.${result.status}`)}</Paragraph>
          </section>
        )}
      </div>
      <Paragraph className="ww-no-print">
        <AppLink href={`${publicSignalPath}/${municipalityCode}`}>{t("report.status.new")}</AppLink>
      </Paragraph>
    </div>
  );
}
