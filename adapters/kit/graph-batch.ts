// Graph batch requests (https://developers.facebook.com/docs/graph-api/batch-requests): one POST
// carries up to 50 calls and answers one element each, in order — `null` for one that did not
// complete — with its own status, headers and body. The same for every product on Graph.
import { z } from 'zod';

export const batchResponseSchema = z.array(
  z.union([
    z.null(),
    z.looseObject({
      code: z.number(),
      headers: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
      body: z.string().nullable().optional(),
    }),
  ]),
);
export type BatchElement = z.infer<typeof batchResponseSchema>[number];

/** What a delete answers: `{"success":true}`. */
export const successSchema = z.looseObject({ success: z.boolean() });

/** Batch elements carry headers as `[{name, value}]`; lower-case them as the kit does. */
export function headerMap(headers: ReadonlyArray<{ name: string; value: string }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name, value } of headers ?? []) out[name.toLowerCase()] = value;
  return out;
}
