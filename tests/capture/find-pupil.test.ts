import { findPupil, initialsForNames, pupilMatchers } from '@/capture/parse/find-pupil';
import type { KnownPupil } from '@/capture/parse/proposed-action';
import type { Pupil } from '@/kernel/action';
import { DEMO_PUPILS } from '@/app/demo/school';

const matchers = pupilMatchers(DEMO_PUPILS);
const jb = DEMO_PUPILS[0]!;
const so = DEMO_PUPILS[3]!; // S.O.
const named: Pupil = { id: 'p-9', name: 'Jake Brown', yearGroup: 3 };
const pupil = (p: KnownPupil): Pupil => ({ id: p.id, name: p.name, yearGroup: p.yearGroup });

/** Two pupils with the same initials, as a register import gives them. */
const lily: KnownPupil = { id: 'p-11', name: 'L.W.', yearGroup: 1, forename: 'Lily', surname: 'White' };
const leo: KnownPupil = { id: 'p-12', name: 'L.W.', yearGroup: 2, forename: 'Leo', surname: 'Wilson' };
const siobhan: KnownPupil = { id: 'p-4', name: 'S.O.', yearGroup: 0, forename: 'Siobhan', surname: "O'Neill" };
const register = pupilMatchers([lily, leo, siobhan], new Set(['tom']));

describe('findPupil', () => {
  it.each(['EP referral for J.B.', 'for J.B', 'for j.b.', 'for J. B.', 'for JB', "J.B.'s plan"])('finds J.B. in "%s"', (line) => {
    expect(findPupil(line, matchers)).toEqual({ pupil: jb, choices: [] });
  });

  it('does not read ordinary lower-case words as undotted initials', () => {
    expect(findPupil('so we will ring home', matchers).pupil).toBeNull();
    expect(findPupil('SO to see the nurse', matchers).pupil).toEqual(so);
  });

  it('needs a word boundary: "JBX" or "AJB" is nobody', () => {
    expect(findPupil('code JBX and AJB', matchers).pupil).toBeNull();
  });

  it('finds a pupil whose shown name is a name, case-insensitive', () => {
    expect(findPupil('phone jake brown’s dad', pupilMatchers([named])).pupil).toEqual(named);
    expect(findPupil('phone Jake', pupilMatchers([named])).pupil).toBeNull();
  });

  it('takes the first pupil written when a line names two', () => {
    expect(findPupil('pair M.T. with J.B. for reading', matchers).pupil?.name).toBe('M.T.');
  });

  it("falls back to the message's pupil when the line names none", () => {
    expect(findPupil('Phone mum', matchers, named)).toEqual({ pupil: named, choices: [] });
    expect(findPupil('Phone mum', matchers).pupil).toBeNull();
  });

  it('never picks between two pupils with the same initials: it offers both', () => {
    expect(findPupil("phone L.W.'s mum", register)).toEqual({ pupil: null, choices: [pupil(lily), pupil(leo)] });
  });

  it('lets a year group written after the initials decide', () => {
    expect(findPupil('support L.W. (Year 2) with phonics', register).pupil).toEqual(pupil(leo));
    expect(findPupil('SDQ for L.W. in Y1', register).pupil).toEqual(pupil(lily));
  });

  it('finds register pupils by full name, surname or first name, written with a capital', () => {
    expect(findPupil('timetable for Leo Wilson', register).pupil).toEqual(pupil(leo));
    expect(findPupil("share O’Neill's profile", register).pupil).toEqual(pupil(siobhan));
    expect(findPupil('overlay with Lily from Monday', register).pupil).toEqual(pupil(lily));
    expect(findPupil('book the white board and the hall', register).pupil).toBeNull();
  });

  it('leaves out first names that staff share ("Tom to phone mum" is about the teacher)', () => {
    const tom: KnownPupil = { id: 'p-20', name: 'T.H.', yearGroup: 3, forename: 'Tom', surname: 'Hughes' };
    expect(findPupil('Tom to phone mum', pupilMatchers([tom], new Set(['tom']))).pupil).toBeNull();
    expect(findPupil('Tom to phone mum', pupilMatchers([tom])).pupil?.name).toBe('T.H.');
  });

  it('writes pupils named by name as their initials, so the tracked item holds no name', () => {
    expect(initialsForNames("Add a visual timetable for Leo Wilson and Siobhan O'Neill's group", register)).toBe(
      "Add a visual timetable for L.W. and S.O.'s group",
    );
    expect(initialsForNames('Phone L.W. about Lily', register)).toBe('Phone L.W. about L.W.');
  });
});
