import { upnCheckLetter, upnProblem } from '@/kernel/upn';

describe('UPN check letter (DfE algorithm)', () => {
  // Worked by hand: 8x2 + 2x3 + 0x4 + 2x5 + 0x6 + 0x7 + 1x8 + 0x9 + 1x10 + 0x11 + 0x12 + 1x13 = 63; 63 mod 23 = 17 -> U.
  it('computes the check letter from the weighted sum mod 23', () => {
    expect(upnCheckLetter('?820200101001')).toBe('U');
    expect(upnProblem('U820200101001')).toBeNull();
  });

  it('rejects a wrong check letter, saying which letter was expected', () => {
    expect(upnProblem('A820200101001')).toBe("'A820200101001' has the wrong check letter (expected U)");
  });

  it('rejects the wrong shape', () => {
    expect(upnProblem('U82020010100')).toMatch(/is not a UPN/);
    expect(upnProblem('u820200101001')).toMatch(/is not a UPN/);
    expect(upnProblem('U82020010100I')).toMatch(/is not a UPN/);
  });

  it('accepts a temporary UPN ending in a letter when its check letter matches', () => {
    // 63 - 1x13 + (index of A = 0) x 13 = 50; 50 mod 23 = 4 -> E.
    expect(upnProblem('E82020010100A')).toBeNull();
  });
});
