import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Redactor } from './redaction';

const NOTE = `Win/loss interview, 12 March 2026.
Spoke with Dana Whitfield (VP Operations) — dana.whitfield@northwind-logistics.com, +1 (415) 555-0134.
Dana said the Pro plan at $49 per user per month was fine; Whitfield worried about SOC 2.
Mobile: 020 7946 0958. Also met with Mr. Okafor from procurement.
Thanks,
Priya Raman`;

describe('Redactor', () => {
  it('replaces emails, phone numbers and names in private text and restores them exactly', () => {
    const redactor = new Redactor();
    const redacted = redactor.redact(NOTE, 'full');
    for (const secret of [
      'Dana',
      'Whitfield',
      'dana.whitfield@northwind-logistics.com',
      '555-0134',
      '7946 0958',
      'Okafor',
      'Priya',
      'Raman',
    ]) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain('$49 per user per month');
    expect(redacted).toContain('SOC 2');
    expect(redacted).toContain('12 March 2026');
    expect(redactor.restore(redacted)).toBe(NOTE);
  });

  it('gives the same name the same placeholder across the texts of one call', () => {
    const redactor = new Redactor();
    const a = redactor.redact('Spoke with Dana Whitfield about pricing.', 'full');
    const b = redactor.redact('Whitfield asked for a discount.', 'contact');
    const placeholder = /⟦PERSON_\d+⟧/.exec(a)![0];
    expect(b).toMatch(/^⟦PERSON_\d+⟧ asked for a discount\.$/);
    expect(redactor.restore(`${placeholder} said`)).toBe('Dana Whitfield said');
  });

  it('in contact mode keeps names of public people but still hides contact details', () => {
    const redactor = new Redactor();
    const out = redactor.redact('CEO Maria Lopez: press@globex.io or +44 20 7946 0958', 'contact');
    expect(out).toContain('Maria Lopez');
    expect(out).not.toContain('press@globex.io');
    expect(out).not.toContain('7946');
  });

  it('leaves prices, dates, years and plain counts alone', () => {
    const redactor = new Redactor();
    const text =
      'Pro costs $1,200 per year since 2024-05-01; 10 000 seats; versions 3.2.1; 2019 2020 2021; 45% off; order 123456';
    expect(redactor.redact(text, 'full')).toBe(text);
  });

  it('finds international phone formats', () => {
    for (const phone of [
      '+1 415 555 0134',
      '+44 (0)20 7946 0958',
      '+49 30 1234567',
      '(415) 555-0134',
      '415.555.0134',
      '+33 1 42 68 53 00',
      '+919876543210',
    ]) {
      const out = new Redactor().redact(`Reach me at ${phone} tomorrow.`, 'contact');
      expect(out, phone).toBe('Reach me at ⟦PHONE_1⟧ tomorrow.');
    }
  });

  it('catches names after labels, honorifics and sign-offs', () => {
    const cases = [
      'Champion: Lena Fischer',
      'Attendees: Tom Baker, Aiko Tanaka',
      'Call notes from Dr. Ngozi Adeyemi',
      'Best regards,\nBartholomew Quill',
      '— Rahul',
    ];
    for (const text of cases) {
      const redactor = new Redactor();
      const out = redactor.redact(text, 'full');
      expect(out, text).toMatch(/⟦PERSON_1⟧/);
      expect(redactor.restore(out)).toBe(text);
    }
    const attendees = new Redactor().redact('Attendees: Tom Baker, Aiko Tanaka', 'full');
    expect(attendees).not.toMatch(/Tom|Baker|Aiko|Tanaka/);
  });

  it('restore(redact(x)) === x for any text, including text that looks like placeholders', () => {
    const pieces = fc.constantFrom(
      'Spoke with Dana Whitfield',
      'dana@example.com',
      '+1 (415) 555-0134',
      '⟦PERSON_1⟧',
      '⟦',
      '⟧',
      'Mr. Okafor',
      '\n',
      ' ',
      'Thanks,\n',
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), pieces), { maxLength: 12 }),
        fc.constantFrom('full' as const, 'contact' as const),
        (parts, mode) => {
          const text = parts.join('');
          const redactor = new Redactor();
          expect(redactor.restore(redactor.redact(text, mode))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('restores placeholders inside nested model output and leaves unknown ones', () => {
    const redactor = new Redactor();
    const redacted = redactor.redact('Spoke with Dana Whitfield', 'full');
    const placeholder = redacted.slice('Spoke with '.length);
    expect(
      redactor.restoreDeep({ a: [placeholder, 1, { b: `${placeholder} / ⟦PERSON_9⟧` }], n: null }),
    ).toEqual({ a: ['Dana Whitfield', 1, { b: 'Dana Whitfield / ⟦PERSON_9⟧' }], n: null });
  });
});
