import { DEFAULT_ITEM_TYPE, guessItemType } from '@/capture/parse/guess-item-type';

describe('guessItemType', () => {
  it.each([
    ['Book the annual review for J.B.', 'annual_review'],
    ['Review', 'annual_review'],
    ['Send EP referral for J.B.', 'professional_referral'],
    ['Refer to SALT', 'professional_referral'],
    ['Chase the CAMHS appointment', 'professional_referral'],
    ['Ask OT for advice on pencil grip', 'professional_referral'],
    ['Start phonics group', 'intervention'],
    ['Set up precision teaching three times a week', 'intervention'],
    ['Book ELSA sessions', 'intervention'],
    ['Phone mum re reading plan', 'parent_follow_up'],
    ['Meet parents', 'parent_follow_up'],
    ['Call dad about attendance', 'parent_follow_up'],
    ['Update the SSP targets', 'support_plan_update'],
    ['Write a one-page profile', 'support_plan_update'],
    ['Move J.B. nearer the front: seating plan', 'classroom_adjustment'],
    ['Try ear defenders in assembly', 'classroom_adjustment'],
    ['Add movement breaks', 'classroom_adjustment'],
    ['Make a visual timetable', 'classroom_adjustment'],
    ['Send the EP report to parents', 'document_to_share'],
    ['Share minutes with the class teacher', 'document_to_share'],
  ] as const)('reads "%s" as %s', (text, type) => {
    expect(guessItemType(text)).toBe(type);
  });

  it('falls back to parent follow-up when no word gives the type away', () => {
    expect(DEFAULT_ITEM_TYPE).toBe('parent_follow_up');
    expect(guessItemType('Monitor progress')).toBe('parent_follow_up');
  });
});
