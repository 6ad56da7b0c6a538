/** School census SEN provision codes: N no SEN, K SEN support, E EHC plan. */
export const SEN_STATUSES = ['N', 'K', 'E'] as const;
export type SenStatus = (typeof SEN_STATUSES)[number];

export const SEN_STATUS_LABELS: Record<SenStatus, string> = {
  N: 'No SEN',
  K: 'SEN support',
  E: 'EHC plan',
};

/**
 * School census type-of-need codes. `DS` (Down syndrome) was announced as a census category from
 * 2025; DfE national figures do not break it out yet, so it has no national comparison.
 */
export const NEED_CODES = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA', 'DS'] as const;
export type NeedCode = (typeof NEED_CODES)[number];

export const NEED_LABELS: Record<NeedCode, string> = {
  SPLD: 'Specific learning difficulty',
  MLD: 'Moderate learning difficulty',
  SLD: 'Severe learning difficulty',
  PMLD: 'Profound and multiple learning difficulty',
  SEMH: 'Social, emotional and mental health',
  SLCN: 'Speech, language and communication needs',
  HI: 'Hearing impairment',
  VI: 'Vision impairment',
  MSI: 'Multi-sensory impairment',
  PD: 'Physical disability',
  ASD: 'Autistic spectrum disorder',
  OTH: 'Other difficulty or disability',
  NSA: 'SEN support but no specialist assessment of type of need',
  DS: 'Down syndrome (census category from 2025)',
};
