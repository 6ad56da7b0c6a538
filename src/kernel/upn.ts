/** The 23 letters DfE uses for UPN check letters (no I, O or S). Index = remainder mod 23. */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** A UPN: check letter, 11 digits, then a digit or (for a temporary UPN) a letter. */
export const UPN_FORMAT = /^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/;

/**
 * DfE's UPN check letter: characters 2..13 are weighted 2..13 (a letter in position 13 counts as
 * its index in the check-letter alphabet), summed, and the remainder mod 23 picks the letter.
 */
export function upnCheckLetter(upn: string): string | null {
  if (upn.length !== 13) return null;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const ch = upn[i]!;
    const value = /\d/.test(ch) ? Number(ch) : CHECK_LETTERS.indexOf(ch);
    if (value < 0) return null;
    sum += value * (i + 1);
  }
  return CHECK_LETTERS[sum % 23]!;
}

/** Why `upn` is not a valid UPN, or null when it is. */
export function upnProblem(upn: string): string | null {
  if (!UPN_FORMAT.test(upn)) return `'${upn}' is not a UPN (a letter, 11 digits, then a digit or letter)`;
  const expected = upnCheckLetter(upn);
  if (expected !== upn[0]) return `'${upn}' has the wrong check letter (expected ${expected})`;
  return null;
}

/** Builds a valid permanent UPN from its 12 trailing digits (used by fixtures and the demo). */
export function withCheckLetter(digits12: string): string {
  return `${upnCheckLetter(`A${digits12}`)}${digits12}`;
}
