import {
  DEFAULT_RATIO_GAIN_BANDS,
  interventionRatioGain,
  ratioGain,
  ratioGainBand,
  ratioGainBandsSchema,
} from '@/interventions/ratio-gain';

describe('ratio gain', () => {
  it('is months gained divided by months elapsed between the tests', () => {
    // 2026-01-05 to 2026-07-06 is 182 days = 5.98 months; 12 months gained -> 2.01.
    expect(ratioGain(12, '2026-01-05', '2026-07-06')).toBe(2.01);
    expect(ratioGain(0, '2026-01-05', '2026-07-06')).toBe(0);
    expect(ratioGain(6, '2026-01-05', '2026-01-05')).toBeNull();
  });

  it('puts a gain in the highest band it reaches, with the default (unchecked) cut-offs', () => {
    expect(DEFAULT_RATIO_GAIN_BANDS.map((b) => b.name)).toEqual(['modest', 'useful', 'substantial', 'remarkable']);
    expect([0.8, 1.39, 1.4, 1.99, 2, 2.9, 3, 5].map((rg) => ratioGainBand(rg))).toEqual([
      'modest',
      'modest',
      'useful',
      'useful',
      'substantial',
      'substantial',
      'remarkable',
      'remarkable',
    ]);
    expect(ratioGainBand(-0.5)).toBe('modest');
  });

  it('uses bands a school configures, and refuses bands out of order', () => {
    const bands = [
      { name: 'low', min: 0 },
      { name: 'high', min: 1.5 },
    ];
    expect(ratioGainBand(1.6, bands)).toBe('high');
    expect(
      ratioGainBandsSchema.safeParse([
        { name: 'a', min: 2 },
        { name: 'b', min: 1 },
      ]).success,
    ).toBe(false);
  });

  it('uses the end measure, else the mid-point, and only for reading or spelling ages', () => {
    const measures = [
      { point: 'baseline' as const, date: '2026-01-05', value: 80 },
      { point: 'mid' as const, date: '2026-03-05', value: 84 },
    ];
    // 59 days = 1.94 months for 4 months' gain; then 120 days = 3.94 months for 6 months' gain.
    expect(interventionRatioGain({ measureKind: 'reading_age', measures })).toBe(2.06);
    expect(
      interventionRatioGain({ measureKind: 'spelling_age', measures: [...measures, { point: 'end', date: '2026-05-05', value: 86 }] }),
    ).toBe(1.52);
    expect(interventionRatioGain({ measureKind: 'standardised_score', measures })).toBeNull();
    expect(interventionRatioGain({ measureKind: 'reading_age', measures: measures.slice(0, 1) })).toBeNull();
  });
});
