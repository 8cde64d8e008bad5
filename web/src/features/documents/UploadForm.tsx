import { Button, Paragraph } from "@utrecht/component-library-react";
import { type DragEvent, useId, useState } from "react";
import { errorMessage } from "../../api/client.ts";
import { t } from "../../i18n/i18n.ts";
import { RadioGroupField, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorMessage, SuccessMessage } from "../../ui/Messages.tsx";
import { megabytes, type UploadSettings } from "./types.ts";
import { type UploadPhase, uploadFiles } from "./upload.ts";

/**
 * Choosing files — drag and drop, the file picker, or the phone's camera — with a title per file, then
 * one upload with a progress bar. The server decides what a file is; the checks here only spare the
 * user a long wait (count, size, empty).
 */
export function UploadForm({
  url,
  settings,
  kinds,
  portal,
  onDone,
}: {
  url: string;
  settings: UploadSettings;
  kinds?: { code: string; name: string }[];
  portal?: boolean;
  onDone(message: string): void;
}) {
  const id = useId().replace(/:/g, "");
  const [files, setFiles] = useState<File[]>([]);
  const [keys, setKeys] = useState<number[]>([]);
  const [nextKey, setNextKey] = useState(0);
  const [titles, setTitles] = useState<string[]>([]);
  const [kind, setKind] = useState("letter");
  const [date, setDate] = useState("");
  const [confidentiality, setConfidentiality] = useState("team");
  const [phase, setPhase] = useState<UploadPhase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const add = (list: FileList | null) => {
    if (!list) return;
    const next = [...files, ...Array.from(list)];
    setFiles(next);
    setKeys([...keys, ...Array.from(list).map((_, j) => nextKey + j)]);
    setNextKey(nextKey + list.length);
    setTitles([...titles, ...Array.from(list).map((f) => f.name.replace(/\.[^.]{1,5}$/, ""))]);
    setError(null);
  };
  const remove = (i: number) => {
    setFiles(files.filter((_, j) => j !== i));
    setKeys(keys.filter((_, j) => j !== i));
    setTitles(titles.filter((_, j) => j !== i));
  };
  const problem = (): string | null => {
    if (files.length === 0) return t("documents.upload.noFiles");
    if (files.length > settings.maxFilesPerUpload)
      return t("documents.upload.tooMany", { count: settings.maxFilesPerUpload });
    const big = files.find((f) => f.size > settings.maxFileBytes);
    if (big)
      return t("documents.upload.tooLarge", { name: big.name, size: megabytes(settings.maxFileBytes) });
    const empty = files.find((f) => f.size === 0);
    if (empty) return t("documents.upload.empty", { name: empty.name });
    return null;
  };
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (phase) return;
    const wrong = problem();
    if (wrong) return setError(wrong);
    setError(null);
    setPhase({ phase: "uploading", percent: 0 });
    const fields: [string, string][] = portal
      ? titles.map((x) => ["title", x])
      : [
          ["kind", kind],
          ...(date ? ([["documentDate", date]] as [string, string][]) : []),
          ["confidentiality", kind === "medical" ? "caseLead" : confidentiality],
          ...titles.map((x): [string, string] => ["title", x]),
        ];
    try {
      const result = await uploadFiles(url, fields, files, setPhase);
      setFiles([]);
      setKeys([]);
      setTitles([]);
      setWarning(result.warning);
      onDone(t("documents.upload.done", { count: result.items.length }));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPhase(null);
    }
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };
  const accept = settings.accept.join(",");
  return (
    <form onSubmit={submit} className="ww-form ww-upload" noValidate>
      {settings.warning && <ErrorMessage message={settings.warning} />}
      <ErrorMessage message={error} />
      <SuccessMessage message={warning} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping files is a pointer shortcut; the file fields inside do the same by keyboard */}
      <div
        className={`ww-dropzone${dragging ? " ww-dropzone--active" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Paragraph>{t("documents.upload.drop")}</Paragraph>
        <p className="ww-upload__field">
          <label htmlFor={`${id}-files`}>{t("documents.upload.files")}</label>
          <span id={`${id}-files-hint`} className="ww-hint">
            {t("documents.upload.filesHint", {
              count: settings.maxFilesPerUpload,
              size: megabytes(settings.maxFileBytes),
            })}
          </span>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept={accept}
            aria-describedby={`${id}-files-hint`}
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
        </p>
        <p className="ww-upload__field">
          <label htmlFor={`${id}-camera`}>{t("documents.upload.camera")}</label>
          <input
            id={`${id}-camera`}
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => {
              add(e.target.files);
              e.target.value = "";
            }}
          />
        </p>
      </div>
      {files.length > 0 && (
        <fieldset className="ww-upload__chosen">
          <legend>{t("documents.upload.chosen")}</legend>
          {files.map((f, i) => (
            <div key={keys[i]} className="ww-upload__file">
              <TextField
                id={`${id}-title-${i}`}
                label={t("documents.upload.titleOf", { name: f.name })}
                value={titles[i] ?? ""}
                maxLength={200}
                onChange={(v) => setTitles(titles.map((x, j) => (j === i ? v : x)))}
                hint={portal ? t("documents.portal.titleHint") : undefined}
              />
              <Button type="button" appearance="subtle-button" onClick={() => remove(i)}>
                {t("documents.upload.remove")}
              </Button>
            </div>
          ))}
        </fieldset>
      )}
      {!portal && kinds && (
        <>
          <SelectField
            id={`${id}-kind`}
            label={t("documents.upload.kind")}
            value={kind}
            options={kinds.map((k) => ({ value: k.code, label: k.name }))}
            onChange={setKind}
            required
          />
          <TextField
            id={`${id}-date`}
            type="date"
            label={t("documents.upload.date")}
            hint={t("documents.upload.dateHint")}
            value={date}
            onChange={setDate}
          />
          {kind !== "medical" && (
            <RadioGroupField
              id={`${id}-confidentiality`}
              legend={t("documents.upload.confidentiality")}
              value={confidentiality}
              options={(["team", "caseLead", "resident"] as const).map((c) => ({
                value: c,
                label: t(`documents.confidentiality.${c}`),
              }))}
              onChange={setConfidentiality}
            />
          )}
        </>
      )}
      <div aria-live="polite" className="ww-upload__progress">
        {phase?.phase === "uploading" && (
          <>
            <progress max={100} value={phase.percent} aria-labelledby={`${id}-progress`} />{" "}
            <span id={`${id}-progress`}>{t("documents.upload.progress", { percent: phase.percent })}</span>
          </>
        )}
        {phase?.phase === "checking" && <span>{t("documents.upload.checking")}</span>}
      </div>
      <Button type="submit" appearance="primary-action-button" disabled={Boolean(phase)}>
        {portal ? t("documents.portal.send") : t("documents.upload.submit")}
      </Button>
    </form>
  );
}
