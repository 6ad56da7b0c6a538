import { evidenceLabel } from '@tab/components/ItemDetail/evidence-label';

describe('evidenceLabel', () => {
  it('names the document and where it lives, not the whole address', () => {
    expect(evidenceLabel('https://oakfield.sharepoint.com/sites/send/Shared%20Documents/Reading%20plan.docx?web=1')).toBe(
      'Reading plan.docx on oakfield.sharepoint.com',
    );
    expect(evidenceLabel('https://oakfield.example/')).toBe('oakfield.example');
  });

  it('shows a link it cannot read as typed', () => {
    expect(evidenceLabel('not a link')).toBe('not a link');
    expect(evidenceLabel('https://oakfield.example/%E0%A4%A')).toBe('https://oakfield.example/%E0%A4%A');
  });
});
