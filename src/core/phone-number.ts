// Phone numbers as customers say and type them, normalised to E.164 for notifications and call-backs.

export type PhoneParse = { ok: true; e164: string } | { ok: false; message: string };

const SEPARATORS = /[\s().\-/]/g;

/**
 * Accepts US numbers in the usual shapes ("(206) 555-0134", "206.555.0134", "1 206 555 0134", "+12065550134")
 * and any other number already in international form ("+44 20 7946 0958"). US numbers must follow the
 * North American plan (area code and exchange do not start with 0 or 1), which catches most slips of a digit.
 */
export function normalizePhone(input: string): PhoneParse {
  const raw = input.trim();
  if (raw === '') return { ok: false, message: 'customerPhone is empty; give a phone number such as (206) 555-0134.' };
  let s = raw.replace(SEPARATORS, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!/^\+?\d+$/.test(s)) {
    return {
      ok: false,
      message: `customerPhone '${raw}' contains characters that are not digits; give it as (206) 555-0134 or +1 206 555 0134.`,
    };
  }
  const international = s.startsWith('+');
  const digits = international ? s.slice(1) : s;

  let national: string | undefined;
  if (!international && digits.length === 10) national = digits;
  else if (digits.length === 11 && digits.startsWith('1')) national = digits.slice(1);

  if (national !== undefined) {
    if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(national)) {
      return {
        ok: false,
        message: `customerPhone '${raw}' is not a valid US number (area code and exchange cannot start with 0 or 1); check the digits.`,
      };
    }
    return { ok: true, e164: `+1${national}` };
  }
  // +1 is the North American plan: exactly 10 digits after it, handled above.
  if (
    international &&
    !digits.startsWith('1') &&
    digits.length >= 8 &&
    digits.length <= 15 &&
    !digits.startsWith('0')
  ) {
    return { ok: true, e164: `+${digits}` };
  }
  return {
    ok: false,
    message: `customerPhone '${raw}' has the wrong number of digits; a US number has 10 digits, e.g. (206) 555-0134, or give the country code with +.`,
  };
}
