import { findVagueness } from '@/capture/parse/find-vagueness';
import { DEMO_STAFF } from '@/app/demo/school';

const ready = { owner: { kind: 'person' as const, person: DEMO_STAFF.senco }, due: '2026-05-01', ownerWarnings: [], dueWarnings: [] };

describe('findVagueness', () => {
  it.each([
    'Monitor progress',
    'Support discussed',
    'Continue to monitor',
    'Keep an eye on J.B.',
    'Reading plan discussed',
    'Ongoing',
    'TBC',
  ])('challenges "%s" as not an action', (description) => {
    expect(findVagueness({ ...ready, description })).toEqual([`'${description}' is not an action: what, by when?`]);
  });

  it('accepts a concrete action with an owner and a date', () => {
    expect(findVagueness({ ...ready, description: 'Phone mum to agree the reading plan' })).toEqual([]);
    expect(findVagueness({ ...ready, description: 'Phone mum to discuss what was discussed' })).toEqual([]);
  });

  it('says "No owner" and "No due date" unless another warning already explains them, owner first', () => {
    const bare = { description: 'Phone mum', owner: null, due: null };
    expect(findVagueness({ ...bare, ownerWarnings: [], dueWarnings: [] })).toEqual(['No owner', 'No due date']);
    expect(
      findVagueness({ ...bare, ownerWarnings: ["Owner 'team' is not one person"], dueWarnings: ["'31/02' is not a real date"] }),
    ).toEqual(["Owner 'team' is not one person", "'31/02' is not a real date"]);
  });

  it('shortens a long vague description in the warning', () => {
    const [warning] = findVagueness({ ...ready, description: `Monitor ${'reading '.repeat(20)}` });
    expect(warning).toMatch(/^'Monitor reading .{30,60}…' is not an action: what, by when\?$/);
  });
});
