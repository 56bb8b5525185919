import { z } from 'zod';

/** The body of every error response of the API. `code` is stable; `message` is for people. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

/** One problem with a request field, as listed in `details.fields` of `validation_failed`. */
export const FieldProblemSchema = z.object({
  /** Where the field is: body, querystring, params or headers, then its path, e.g. `body.email`. */
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;
