import zlib from "node:zlib";

/**
 * Finds active content in a PDF as it streams past: JavaScript, launch actions, embedded files, rich
 * media and XFA forms, also when the name is written with #-escapes (/J#61vaScript) or hidden in a
 * compressed object stream (/ObjStm, inflated here with a cap). Also notes an encrypted PDF, whose
 * object streams cannot be read. Keeps only a small window and the object stream being read.
 */
const ACTIVE = new Set(["JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "XFA"]);
const NAME = /\/([^\s/[\]()<>{}%]{1,64})/g;
const WINDOW = 4096;
const MAX_OBJECT_STREAM = 32 * 1024 * 1024;
const MAX_INFLATED = 64 * 1024 * 1024;

export class PdfActiveContent {
  private readonly active = new Set<string>();
  private encrypted = false;
  /** The last bytes seen (latin1), to find names and keywords across piece boundaries. */
  private tail = "";
  /** An object stream being collected, or null. */
  private objectStream: Buffer[] | null = null;
  private objectStreamBytes = 0;

  push(piece: Buffer): void {
    let text = piece.toString("latin1");
    while (text.length > 0) {
      if (this.objectStream) {
        text = this.collect(text);
        continue;
      }
      const window = this.tail + text;
      this.names(window);
      const start = this.objectStreamStart(window);
      if (start === -1) {
        this.tail = window.slice(-WINDOW);
        return;
      }
      // The stream's data begins at `start` in window; the part of `text` from there is collected.
      const consumed = start - this.tail.length;
      this.tail = "";
      this.objectStream = [];
      this.objectStreamBytes = 0;
      text = text.slice(Math.max(consumed, 0));
    }
  }

  /** Where the data of an object stream starts in `window` (after "stream" and its line end), or -1. */
  private objectStreamStart(window: string): number {
    const re = /stream\r?\n/g;
    for (let m = re.exec(window); m; m = re.exec(window)) {
      if (window.slice(m.index - 3, m.index) === "end") continue;
      const dictionary = window.slice(Math.max(0, window.lastIndexOf(" obj", m.index)), m.index);
      const end = m.index + m[0].length;
      if (/\/Type\s*\/ObjStm/.test(dictionary) && end > this.tail.length - 1) return end;
    }
    return -1;
  }

  private collect(text: string): string {
    const stream = this.objectStream as Buffer[];
    const previous =
      stream.length > 0 ? (stream[stream.length - 1] as Buffer).toString("latin1").slice(-9) : "";
    const at = (previous + text).indexOf("endstream");
    if (at === -1) {
      stream.push(Buffer.from(text, "latin1"));
      this.objectStreamBytes += text.length;
      if (this.objectStreamBytes > MAX_OBJECT_STREAM) {
        this.active.add("ObjStm-too-large");
        this.objectStream = null;
      }
      return "";
    }
    const inText = at - previous.length;
    if (inText > 0) stream.push(Buffer.from(text.slice(0, inText), "latin1"));
    let data = Buffer.concat(stream);
    if (inText < 0) data = data.subarray(0, data.length + inText);
    this.inspectObjectStream(data);
    this.objectStream = null;
    const rest = text.slice(Math.max(inText, 0) + "endstream".length);
    this.tail = "endstream";
    return rest;
  }

  private inspectObjectStream(data: Buffer) {
    try {
      const inflated = zlib.inflateSync(data, {
        maxOutputLength: MAX_INFLATED,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
      });
      this.names(inflated.toString("latin1"));
    } catch (error) {
      // Not Flate, or damaged: what cannot be read cannot be shown to be harmless.
      this.active.add(error instanceof RangeError ? "ObjStm-too-large" : "ObjStm-unreadable");
    }
  }

  private names(text: string) {
    NAME.lastIndex = 0;
    for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
      const name = (m[1] as string).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) =>
        String.fromCharCode(Number.parseInt(h, 16)),
      );
      if (ACTIVE.has(name)) this.active.add(name);
      if (name === "Encrypt") this.encrypted = true;
    }
  }

  finish(): { active: string[]; encrypted: boolean } {
    if (this.objectStream) this.inspectObjectStream(Buffer.concat(this.objectStream));
    return { active: [...this.active].sort(), encrypted: this.encrypted };
  }
}
