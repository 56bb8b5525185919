import { useState } from 'react';
import { toFormErrors, withoutField, type FormErrors } from './form-errors';

/**
 * A form's values and its errors. Editing a field clears that field's error, so a fixed
 * problem stops showing before the next submit.
 */
export function useFormValues<V extends object, F extends string = Extract<keyof V, string>>(
  initial: () => V,
  /** The fields the server may name in a `validation_failed` error (see `toFormErrors`). */
  fieldNames: readonly F[],
  /** Error codes that concern one field, e.g. `{ competitor_exists: 'name' }`. */
  codeToField?: Partial<Record<string, F>>,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors<F>>();

  function set<K extends keyof V>(field: K, value: V[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => withoutField(current, field as string as F));
  }

  /** Shows why a submit failed: under the fields it names, otherwise above the buttons. */
  function showError(error: unknown) {
    setErrors(toFormErrors(error, fieldNames, codeToField));
  }

  /** Back to `initial()` (read again: it may depend on what the form is opened for). */
  function reset() {
    setValues(initial());
    setErrors(undefined);
  }

  return { values, set, errors, setErrors, showError, reset };
}
