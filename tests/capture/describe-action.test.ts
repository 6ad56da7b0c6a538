import { describeAction, MAX_DESCRIPTION_LENGTH } from '@/capture/parse/describe-action';
import { mentionToken } from '@/capture/parse/plain-text';
import { DEMO_STAFF } from '@/app/demo/school';

const mentions = [{ text: '<at>Grace Okafor</at>', person: DEMO_STAFF.assistant }];

describe('describeAction', () => {
  it('capitalises the verb phrase and trims dangling words and punctuation', () => {
    expect(describeAction('phone mum re reading plan.', [])).toBe('Phone mum re reading plan');
    expect(describeAction('to send report -', [])).toBe('Send report');
    expect(describeAction('- book ELSA sessions, and', [])).toBe('Book ELSA sessions');
  });

  it('keeps the full stop of initials at the end', () => {
    expect(describeAction('send EP referral for J.B.', [])).toBe('Send EP referral for J.B.');
  });

  it('shows @mentions that are not the owner as names', () => {
    expect(describeAction(`share report with ${mentionToken(0)}`, mentions)).toBe('Share report with Grace Okafor');
  });

  it('caps the description at the length the store accepts', () => {
    expect(describeAction('a'.repeat(2000), []).length).toBe(MAX_DESCRIPTION_LENGTH);
  });
});
