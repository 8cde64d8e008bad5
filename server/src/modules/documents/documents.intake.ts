import { fileTypeFromBuffer } from "file-type";
import { AppError, badRequest, unprocessable } from "../../platform/http/errors.ts";
import { PdfActiveContent } from "./documents.pdf-check.ts";

/**
 * Safe intake (issue 20): what a file is, decided by its content, not its name; an allow-list; names
 * without path separators or control characters. Office files are zips and are unpacked once to check
 * entries and size (documents.zip-check.ts); PDFs are read for active content (documents.pdf-check.ts).
 */
export interface AllowedType {
  mediaType: string;
  /** Extensions a file of this type may keep; the first is used when its name has none of them. */
  extensions: readonly string[];
  preview: "pdf" | "image" | null;
  zip: boolean;
}

const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { mediaType: "application/pdf", extensions: ["pdf"], preview: "pdf", zip: false },
  { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], preview: "image", zip: false },
  { mediaType: "image/png", extensions: ["png"], preview: "image", zip: false },
  { mediaType: "image/webp", extensions: ["webp"], preview: "image", zip: false },
  { mediaType: "image/heic", extensions: ["heic"], preview: null, zip: false },
  { mediaType: "image/tiff", extensions: ["tif", "tiff"], preview: null, zip: false },
  { mediaType: `${OOXML}.wordprocessingml.document`, extensions: ["docx"], preview: null, zip: true },
  { mediaType: `${OOXML}.spreadsheetml.sheet`, extensions: ["xlsx"], preview: null, zip: true },
  { mediaType: `${OOXML}.presentationml.presentation`, extensions: ["pptx"], preview: null, zip: true },
  { mediaType: `${ODF}.text`, extensions: ["odt"], preview: null, zip: true },
  { mediaType: `${ODF}.spreadsheet`, extensions: ["ods"], preview: null, zip: true },
  { mediaType: `${ODF}.presentation`, extensions: ["odp"], preview: null, zip: true },
  { mediaType: "text/plain", extensions: ["txt", "csv", "md"], preview: null, zip: false },
];

export const ALLOWED_WORDS =
  "PDF, foto's (JPEG, PNG, WebP, HEIC, TIFF), Office-documenten (Word, Excel, PowerPoint, OpenDocument) en platte tekst";

const PROGRAMS = new Set([
  "application/x-msdownload",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-msi",
  "application/vnd.microsoft.portable-executable",
  "application/x-sharedlib",
  "application/x-executable",
  "application/java-archive",
  "application/x-apple-diskimage",
  "application/vnd.android.package-archive",
  "application/wasm",
]);

export const refusal = (code: string, message: string, details?: Record<string, unknown>) =>
  unprocessable(code, message, details);

/** A file name as a person would give it: no folders, no control or direction characters, not too long. */
export function assertFileName(raw: string | undefined): string {
  const name = (raw ?? "").normalize("NFC").trim();
  if (!name || name === "." || name === "..")
    throw badRequest(
      "fileNameMissing",
      "Het bestand heeft geen naam. Geef het bestand een naam en probeer het opnieuw.",
    );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[/\\]/.test(name) || /[\u0000-\u001f\u007f-\u009f]/.test(name) || /\p{Cf}/u.test(name))
    throw badRequest(
      "fileNameInvalid",
      "De bestandsnaam bevat tekens die niet zijn toegestaan (zoals / of \\, of onzichtbare tekens). Geef het bestand een gewone naam en probeer het opnieuw.",
      { fileName: name.replace(/[^\p{L}\p{N} ._-]/gu, "?") },
    );
  if (Buffer.byteLength(name) > 200)
    throw badRequest(
      "fileNameTooLong",
      "De bestandsnaam is te lang (meer dan 200 tekens). Maak de naam korter.",
    );
  return name;
}

/** The name the file is downloaded under: its own, with an extension that matches its content. */
export function downloadName(fileName: string, type: AllowedType): string {
  const dot = fileName.lastIndexOf(".");
  const ext = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  if (type.extensions.includes(ext)) return fileName;
  return `${dot > 0 ? fileName.slice(0, dot) : fileName}.${type.extensions[0]}`;
}

export function typeByMediaType(mediaType: string): AllowedType | undefined {
  return ALLOWED_TYPES.find((t) => t.mediaType === mediaType);
}

/**
 * Follows one file as it streams in: the first bytes decide the type; a PDF is read for active content
 * and text for valid UTF-8 without control characters, all without keeping the file.
 */
export class ContentInspector {
  private head: Buffer[] = [];
  private headBytes = 0;
  private detected: { mime: string } | undefined | null = null;
  private pdf: PdfActiveContent | undefined;
  private text: TextDecoder | undefined = new TextDecoder("utf-8", { fatal: true });
  private textValid = true;
  private size = 0;

  constructor(private readonly headLimit = 1024 * 1024) {}

  /** Feeds the next piece; detection runs once the head is full (or at the end). */
  async push(piece: Buffer): Promise<void> {
    this.size += piece.length;
    if (this.detected === null) {
      this.head.push(piece);
      this.headBytes += piece.length;
      if (this.headBytes >= this.headLimit) await this.detect();
    } else this.follow(piece);
    this.checkText(piece);
  }

  private async detect() {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.detected = (await fileTypeFromBuffer(head)) ?? undefined;
    if (this.detected?.mime === "application/pdf") this.pdf = new PdfActiveContent();
    this.follow(head);
  }

  private follow(piece: Buffer) {
    this.pdf?.push(piece);
  }

  private checkText(piece: Buffer) {
    if (!this.text || !this.textValid) return;
    try {
      const s = this.text.decode(piece, { stream: true });
      // biome-ignore lint/suspicious/noControlCharactersInRegex: text may hold tabs, line ends and form feeds only
      if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(s)) this.textValid = false;
    } catch {
      this.textValid = false;
    }
  }

  /** The allowed type of the whole file, or a refusal with a Dutch message saying why. */
  async finish(): Promise<AllowedType> {
    if (this.detected === null) await this.detect();
    if (this.size === 0)
      throw refusal(
        "emptyFile",
        "Dit bestand is leeg (0 bytes). Kies het juiste bestand of maak de foto opnieuw.",
      );
    const mime = this.detected?.mime;
    if (mime === undefined) {
      try {
        this.text?.decode();
      } catch {
        this.textValid = false;
      }
      if (this.textValid) return typeByMediaType("text/plain") as AllowedType;
      throw refusal(
        "typeNotAllowed",
        `Dit soort bestand kan niet worden opgeslagen. Toegestaan zijn: ${ALLOWED_WORDS}.`,
      );
    }
    if (PROGRAMS.has(mime))
      throw refusal(
        "executable",
        "Dit bestand is een programma, geen document (ook al heeft het misschien een andere naam). Programma's worden niet opgeslagen.",
        { detected: mime },
      );
    if (mime === "application/x-cfb")
      throw refusal(
        "legacyOffice",
        "Oude Office-bestanden (.doc, .xls, .ppt) kunnen macro's bevatten en worden niet opgeslagen. Sla het bestand op als PDF of als .docx/.xlsx en probeer het opnieuw.",
        { detected: mime },
      );
    const type = typeByMediaType(mime);
    if (!type)
      throw refusal(
        "typeNotAllowed",
        `Dit soort bestand kan niet worden opgeslagen. Toegestaan zijn: ${ALLOWED_WORDS}.`,
        {
          detected: mime,
        },
      );
    if (this.pdf) {
      const found = this.pdf.finish();
      if (found.encrypted)
        throw refusal(
          "pdfEncrypted",
          "Deze PDF is beveiligd of versleuteld, zodat Wijkwerk niet kan controleren wat erin staat. Sla hem op zonder beveiliging (bijvoorbeeld via 'Afdrukken als PDF') en probeer het opnieuw.",
        );
      if (found.active.length > 0)
        throw refusal(
          "pdfActiveContent",
          "Deze PDF bevat code of ingesloten bestanden (zoals JavaScript) die bij openen kunnen worden uitgevoerd. Zulke PDF's worden niet opgeslagen. Druk het document af als nieuwe PDF en probeer het opnieuw.",
          { found: found.active },
        );
    }
    return type;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
