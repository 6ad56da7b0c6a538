import { findOwner } from '@/capture/parse/find-owner';
import { mentionToken } from '@/capture/parse/plain-text';
import type { Mention } from '@/capture/parse/proposed-action';
import { demoRoles } from '@/app/demo/demo-context';
import { DEMO_PUPILS, DEMO_STAFF } from '@/app/demo/school';

const tom: Mention = { text: '<at>Tom Reed</at>', person: DEMO_STAFF.year4Teacher };
const grace: Mention = { text: '<at>Grace Okafor</at>', person: DEMO_STAFF.assistant };
const ctx = { mentions: [tom, grace], roles: demoRoles() };
const jb = DEMO_PUPILS[0]!; // J.B., Year 4

describe('findOwner', () => {
  it('takes an @mention in front of "to" as the owner and leaves the rest', () => {
    expect(findOwner(`${mentionToken(0)} to phone mum by Friday`, ctx, null)).toEqual({
      owners: [{ owner: { kind: 'person', person: DEMO_STAFF.year4Teacher }, warnings: [] }],
      rest: 'phone mum by Friday',
    });
  });

  it('takes an @mention followed by a colon or dash as the owner', () => {
    expect(findOwner(`${mentionToken(1)}: book ELSA sessions`, ctx, null).rest).toBe('book ELSA sessions');
    expect(findOwner(`${mentionToken(1)} - book ELSA sessions`, ctx, null).owners).toHaveLength(1);
  });

  it('resolves a role word through the school role table, whatever its case', () => {
    const { owners, rest } = findOwner('SENCO to send EP referral', ctx, null);
    expect(owners).toEqual([{ owner: { kind: 'person', person: DEMO_STAFF.senco }, warnings: [] }]);
    expect(rest).toBe('send EP referral');
    expect(findOwner('The attendance lead will ring home', ctx, null).owners[0]!.owner).toEqual({
      kind: 'person',
      person: DEMO_STAFF.attendanceLead,
    });
  });

  it('gives two owners for "X and Y to ..."', () => {
    const { owners } = findOwner('Attendance lead and class teacher to meet parents', ctx, null);
    expect(owners.map((o) => o.owner)).toEqual([
      { kind: 'person', person: DEMO_STAFF.attendanceLead },
      { kind: 'role', role: 'class teacher' },
    ]);
  });

  it('resolves "class teacher" for the pupil only when the table lists that year group', () => {
    expect(findOwner("J.B.'s class teacher to update the seating plan", ctx, jb).owners[0]!.owner).toEqual({
      kind: 'person',
      person: DEMO_STAFF.year4Teacher,
    });
    const unresolved = findOwner('Class teacher to update the seating plan', { mentions: [], roles: {} }, jb);
    expect(unresolved.owners).toEqual([
      { owner: { kind: 'role', role: 'class teacher' }, warnings: ["No one is set up as 'Class teacher': choose the owner"] },
    ]);
  });

  it('keeps a parent as a role with a warning that a member of staff must chase it', () => {
    expect(findOwner('parent to send in the consent form', ctx, null).owners).toEqual([
      {
        owner: { kind: 'role', role: 'parent' },
        warnings: ["Owner 'parent' is not a member of staff: whoever saves this chases it, unless you choose who will."],
      },
    ]);
  });

  it.each(['School', 'Team', 'TBC', 'Everyone', 'Staff', 'All'])('says owner "%s" is not one person', (word) => {
    expect(findOwner(`${word} to check reading records`, ctx, null).owners).toEqual([
      { owner: null, warnings: [`Owner '${word}' is not one person`] },
    ]);
  });

  it('matches a first name only to someone @mentioned in the same message', () => {
    expect(findOwner('Grace to start ELSA', ctx, null).owners[0]!.owner).toEqual({ kind: 'person', person: DEMO_STAFF.assistant });
    expect(findOwner('Priya to start ELSA', ctx, null).owners).toEqual([
      { owner: null, warnings: ["Owner 'Priya' is not recognised: @mention them"] },
    ]);
  });

  it('reads an owner written at the end: "(owner: SENCO)", "- SENCO", or a trailing @mention', () => {
    expect(findOwner('Send EP referral (owner: SENCO)', ctx, null)).toMatchObject({ rest: 'Send EP referral' });
    expect(findOwner('Send EP referral - SENCO', ctx, null).owners[0]!.owner).toMatchObject({ kind: 'person' });
    expect(findOwner(`Send EP referral ${mentionToken(0)}`, ctx, null).owners[0]!.owner).toEqual({
      kind: 'person',
      person: DEMO_STAFF.year4Teacher,
    });
  });

  it('does not take an imperative or a passive for an owner', () => {
    expect(findOwner('Phone mum to discuss the plan', ctx, null)).toEqual({ owners: [], rest: 'Phone mum to discuss the plan' });
    expect(findOwner('Parents to be invited to the review', ctx, null).owners).toEqual([]);
    expect(findOwner('Monitor progress', ctx, null).owners).toEqual([]);
  });

  it('does not take someone named after a verb as the owner (the recipient is not the owner)', () => {
    expect(findOwner(`Share the report with ${mentionToken(0)} by Friday`, ctx, null).owners).toEqual([]);
  });

  it('ignores a mention token that is not in the context', () => {
    expect(findOwner(`${mentionToken(7)} to phone mum`, ctx, null).owners).toEqual([]);
  });
});
