import { visuallyHidden } from './visually-hidden';

/**
 * Password forms without an email field (accept an invite, change password) still name the
 * account, so password managers file the password under the right login.
 */
export function UsernameHint({ value }: { value: string }) {
  return (
    <input
      type="text"
      name="username"
      autoComplete="username"
      value={value}
      readOnly
      tabIndex={-1}
      aria-hidden="true"
      style={{ ...visuallyHidden }}
    />
  );
}
