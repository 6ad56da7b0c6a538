import { DEFAULT_ITEM_TYPE, guessItemType } from '@/capture/parse/guess-item-type';

describe('guessItemType', () => {
  it.each([
    ['Book the annual review for J.B.', 'annual_review'],
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
    expect(guessItemType(text)).toEqual({ itemType: type, guessed: false });
  });

  it('says when no word gives the type away, so the card marks its default as a guess', () => {
    expect(DEFAULT_ITEM_TYPE).toBe('parent_follow_up');
    for (const text of ['Monitor progress', 'Review', 'Check reading support approach', 'Observe M.T. in maths']) {
      expect(guessItemType(text)).toEqual({ itemType: DEFAULT_ITEM_TYPE, guessed: true });
    }
  });

  it('reads what the words alone leave open from the owner and the meeting', () => {
    expect(guessItemType('Observe N.C. in class', { ownerRole: 'EP' })).toEqual({ itemType: 'professional_referral', guessed: false });
    expect(guessItemType('Get pupil views for the review', { meeting: 'annual_review' })).toEqual({
      itemType: 'annual_review',
      guessed: false,
    });
    expect(guessItemType('Get pupil views for the review').guessed).toBe(true);
  });

  it.each([
    ['Send parent the revised support summary', 'document_to_share'],
    ['Reduce written work for two weeks', 'classroom_adjustment'],
    ['Trial visual instructions', 'classroom_adjustment'],
    ['Review S.O.', 'support_plan_update'],
    ['Share the spelling strategies with home', 'parent_follow_up'],
  ] as const)('reads "%s" as %s, as the issue asked', (text, type) => {
    expect(guessItemType(text)).toEqual({ itemType: type, guessed: false });
  });
});
