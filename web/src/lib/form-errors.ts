import { ApiError } from './api-error';

export interface FormErrors<F extends string> {
  /** Problems to show under a field, by field name. */
  fields: Partial<Record<F, string>>;
  /** A problem with the form as a whole, for an alert above the buttons. */
  message: string | undefined;
  /** For errors the server did not expect: quote it when reading the server log. */
  requestId: string | undefined;
}

const LOCATIONS = new Set(['body', 'querystring', 'params', 'headers']);

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Turns a failed submit into what the form shows: `validation_failed` field problems
 * (`body.email`) under their fields, `codeToField` codes (e.g. `email_taken` → email) under
 * theirs, everything else as one message.
 */
export function toFormErrors<F extends string>(
  error: unknown,
  fieldNames: readonly F[],
  codeToField: Partial<Record<string, F>> = {},
): FormErrors<F> {
  const result: FormErrors<F> = { fields: {}, message: undefined, requestId: undefined };
  if (!(error instanceof ApiError)) {
    result.message =
      error instanceof Error ? `Something went wrong: ${error.message}` : 'Something went wrong.';
    return result;
  }
  if (error.isUnreachable) {
    result.message = 'The server did not answer. Check your connection, then try again.';
    return result;
  }
  const field = codeToField[error.code];
  if (field) {
    result.fields[field] = sentence(error.message);
    return result;
  }
  const unplaced: string[] = [];
  for (const problem of error.fieldProblems) {
    const parts = problem.path.split('.');
    const name = (LOCATIONS.has(parts[0] ?? '') ? parts.slice(1) : parts).join('.');
    if ((fieldNames as readonly string[]).includes(name)) {
      result.fields[name as F] ??= sentence(problem.message);
    } else {
      unplaced.push(`${name || problem.path}: ${problem.message}`);
    }
  }
  if (error.code === 'validation_failed' && error.fieldProblems.length > 0) {
    if (unplaced.length > 0) result.message = `${error.message} ${unplaced.join('; ')}`;
  } else {
    result.message = error.message;
  }
  if (error.status >= 500) result.requestId = error.requestId;
  return result;
}

/** Problems found before sending (a required field left empty), shown under their fields. */
export function fieldErrors<F extends string>(fields: Partial<Record<F, string>>): FormErrors<F> {
  return { fields, message: undefined, requestId: undefined };
}

/** The same errors minus one field's, for when the user edits that field. */
export function withoutField<F extends string>(
  errors: FormErrors<F> | undefined,
  field: F,
): FormErrors<F> | undefined {
  if (!errors?.fields[field]) return errors;
  const fields = { ...errors.fields };
  delete fields[field];
  return { ...errors, fields };
}
