import { findPupil, pupilMatchers } from '@/capture/parse/find-pupil';
import type { Pupil } from '@/kernel/action';
import { DEMO_PUPILS } from '@/app/demo/school';

const matchers = pupilMatchers(DEMO_PUPILS);
const jb = DEMO_PUPILS[0]!;
const so = DEMO_PUPILS[3]!; // S.O.
const named: Pupil = { id: 'p-9', name: 'Jake Brown', yearGroup: 3 };

describe('findPupil', () => {
  it.each(['EP referral for J.B.', 'for J.B', 'for j.b.', 'for J. B.', 'for JB', "J.B.'s plan"])('finds J.B. in "%s"', (line) => {
    expect(findPupil(line, matchers)).toEqual(jb);
  });

  it('does not read ordinary lower-case words as undotted initials', () => {
    expect(findPupil('so we will ring home', matchers)).toBeNull();
    expect(findPupil('SO to see the nurse', matchers)).toEqual(so);
  });

  it('needs a word boundary: "JBX" or "AJB" is nobody', () => {
    expect(findPupil('code JBX and AJB', matchers)).toBeNull();
  });

  it('finds a pupil by full name, case-insensitive', () => {
    expect(findPupil('phone jake brown’s dad', pupilMatchers([named]))).toEqual(named);
    expect(findPupil('phone Jake', pupilMatchers([named]))).toBeNull();
  });

  it('takes the first pupil written when a line names two', () => {
    expect(findPupil('pair M.T. with J.B. for reading', matchers)?.name).toBe('M.T.');
  });

  it("falls back to the meeting's pupil when the line names none", () => {
    expect(findPupil('Phone mum', matchers, named)).toEqual(named);
    expect(findPupil('Phone mum', matchers)).toBeNull();
  });
});
