import type { FastifyReply } from "fastify";
import { Type } from "typebox";

/** A 200 response that is a CSV file (its errors stay JSON, as on every route). */
export const CsvFile = { content: { "text/csv": { schema: Type.String() } } };

/** Sends text as a CSV download with this file name. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string): FastifyReply {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${fileName}"`)
    .send(csv);
}
