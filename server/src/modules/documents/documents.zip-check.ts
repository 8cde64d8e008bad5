import { Readable } from "node:stream";
import yauzl from "yauzl";
import { refusal } from "./documents.intake.ts";

/**
 * Office files are zips. Before one is kept, every entry is unpacked once (nothing is written) to
 * prove it stays within the limits: a zip bomb — few kilobytes that unpack to gigabytes, or thousands of
 * entries — is refused, and so is a file whose entries are larger than its directory says (yauzl checks)
 * and an Office file with macros.
 */
export interface RandomAccess {
  size: number;
  read(start: number, end: number): Promise<Buffer>;
}

class Reader extends yauzl.RandomAccessReader {
  constructor(private readonly source: RandomAccess) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    const source = this.source;
    return Readable.from(
      (async function* () {
        const step = 256 * 1024;
        for (let at = start; at < end; at += step) yield await source.read(at, Math.min(end, at + step));
      })(),
    );
  }
}

const MACROS = /(^|\/)vbaProject\.bin$|^(Basic|Scripts)\//i;

const bomb = () =>
  refusal(
    "zipBomb",
    "Dit Office-bestand pakt uit tot veel meer dan een gewoon document (mogelijk een 'zip-bom') en wordt niet opgeslagen.",
  );

export async function checkZip(
  source: RandomAccess,
  limits: { maxUnpackedBytes: number; maxEntries: number },
): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new Reader(source), source.size, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    throw refusal("officeDamaged", "Dit Office-bestand is beschadigd en kan niet worden gecontroleerd.");
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw bomb();
  }
  let unpacked = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (MACROS.test(entry.fileName))
        throw refusal(
          "officeMacros",
          "Dit Office-bestand bevat macro's (programmacode) en wordt niet opgeslagen. Sla het op zonder macro's (als .docx of .xlsx) of als PDF.",
        );
      if (entry.fileName.endsWith("/")) continue;
      if (unpacked + entry.uncompressedSize > limits.maxUnpackedBytes) throw bomb();
      const stream = await zip.openReadStreamPromise(entry);
      for await (const piece of stream) {
        unpacked += (piece as Buffer).length;
        if (unpacked > limits.maxUnpackedBytes) {
          stream.destroy();
          throw bomb();
        }
      }
    }
  } catch (error) {
    if (error instanceof Error && "statusCode" in error) throw error;
    // Sizes that lie, overlapping entries, broken compression: not an Office file we can vouch for.
    throw refusal(
      "officeDamaged",
      "Dit Office-bestand is beschadigd of klopt niet en wordt niet opgeslagen.",
    );
  } finally {
    zip.close();
  }
}
