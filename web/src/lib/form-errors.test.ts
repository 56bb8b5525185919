import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { fieldErrors, toFormErrors } from './form-errors';

const validation = new ApiError({
  code: 'validation_failed',
  message: 'Some fields are missing or invalid.',
  status: 400,
  details: {
    fields: [
      { path: 'body.email', message: 'must be an email address' },
      { path: 'body.password', message: 'must be at least 12 characters' },
      { path: 'querystring.x', message: 'is odd' },
    ],
  },
});

describe('toFormErrors', () => {
  it('puts field problems under their fields and the rest in the message', () => {
    expect(toFormErrors(validation, ['email', 'password'] as const)).toEqual({
      fields: {
        email: 'Must be an email address.',
        password: 'Must be at least 12 characters.',
      },
      message: 'Some fields are missing or invalid. x: is odd',
      requestId: undefined,
    });
  });

  it('places known codes under a field with the server message', () => {
    const taken = new ApiError({ code: 'email_taken', message: 'Taken.', status: 409 });
    expect(toFormErrors(taken, ['email'] as const, { email_taken: 'email' }).fields).toEqual({
      email: 'Taken.',
    });
  });

  it('explains an unreachable server and keeps request ids of server errors', () => {
    const down = new ApiError({ code: 'network_error', message: 'x', status: 0 });
    expect(toFormErrors(down, []).message).toMatch(/did not answer/);
    const boom = new ApiError({
      code: 'internal_error',
      message: 'Oops.',
      status: 500,
      requestId: 'abc',
    });
    expect(toFormErrors(boom, [])).toMatchObject({ message: 'Oops.', requestId: 'abc' });
  });
});

describe('fieldErrors', () => {
  it('puts problems found before sending under their fields, with no form message', () => {
    expect(fieldErrors({ email: 'Enter an email address.' })).toEqual({
      fields: { email: 'Enter an email address.' },
      message: undefined,
      requestId: undefined,
    });
  });
});
