import { z } from 'zod';

/** Register fields an MIS export can fill. `primaryNeed`/`secondaryNeed` become ranked needs. */
export const REGISTER_FIELDS = [
  'upn',
  'surname',
  'forename',
  'dateOfBirth',
  'yearGroup',
  'regGroup',
  'senStatus',
  'senStartDate',
  'primaryNeed',
  'secondaryNeed',
  'fsm',
  'pupilPremium',
  'eal',
  'attendancePercent',
  'ehcLocalAuthority',
  'ehcIssueDate',
  'ehcLastReviewDate',
  'ehcNextReviewDate',
] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/** Fields an import cannot do without. */
export const REQUIRED_FIELDS: readonly RegisterField[] = ['upn', 'surname', 'forename', 'dateOfBirth', 'yearGroup', 'senStatus'];

/** Header spellings seen in SIMS and Arbor exports, compared after `normaliseHeader`. */
const ALIASES: Record<RegisterField, readonly string[]> = {
  upn: ['upn', 'uniquepupilnumber'],
  surname: ['legalsurname', 'surname', 'lastname', 'familyname'],
  forename: ['forename', 'legalforename', 'firstname', 'preferredforename'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate'],
  yearGroup: ['year', 'ncyear', 'yeargroup', 'ncyearactual', 'nationalcurriculumyear'],
  regGroup: ['reggroup', 'registrationgroup', 'form', 'class', 'regclass'],
  senStatus: ['senstatus', 'senprovision', 'sen'],
  senStartDate: ['senstartdate', 'senstart', 'senprovisionstartdate'],
  primaryNeed: ['primaryneed', 'senneedtype1', 'needtype1', 'senprimaryneed', 'primaryneedtype'],
  secondaryNeed: ['secondaryneed', 'senneedtype2', 'needtype2', 'secondaryneedtype'],
  fsm: ['fsm', 'fsmeligible', 'freeschoolmeals', 'fsmeligibility'],
  pupilPremium: ['pupilpremium', 'pp', 'pupilpremiumindicator', 'ppeligible'],
  eal: ['eal', 'firstlanguage', 'englishasanadditionallanguage', 'language'],
  attendancePercent: ['attendance', 'attendancepercent', 'attendancepercentage', 'attendancepct'],
  // EHC plan dates, when the MIS report carries them: spellings as an MIS report might title them
  // (not yet checked against real SIMS or Arbor exports); the lead confirms the mapping either way.
  ehcLocalAuthority: ['ehclocalauthority', 'ehcpla', 'ehcplanla', 'localauthority', 'responsiblela', 'homela'],
  ehcIssueDate: ['ehcissuedate', 'ehcpissuedate', 'ehcplandate', 'ehcpdate', 'ehcpstartdate', 'ehcplanstartdate', 'dateofehcp'],
  ehcLastReviewDate: ['ehclastreviewdate', 'ehcplastreview', 'lastannualreview', 'lastannualreviewdate', 'lastreviewdate'],
  ehcNextReviewDate: ['ehcnextreviewdate', 'ehcpnextreview', 'nextannualreview', 'nextannualreviewdate', 'nextreviewdate'],
};

/** "Attendance %" -> "attendancepercent"; "NC Year" -> "ncyear". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replaceAll('%', 'percent')
    .replace(/[^a-z0-9]/g, '');
}

/** Field -> the file's header for it, or null when the file has no such column. */
export const columnMappingSchema = z.strictObject(
  Object.fromEntries(REGISTER_FIELDS.map((f) => [f, z.string().min(1).max(200).nullable()])) as Record<
    RegisterField,
    z.ZodNullable<z.ZodString>
  >,
);
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export interface MappingProposal {
  proposedMapping: ColumnMapping;
  /** Headers in the file that no field claimed: shown so the user can map them by hand. */
  unmappedHeaders: string[];
  /** Required fields with no column yet: the import cannot run until these are mapped. */
  missingRequired: RegisterField[];
}

/** Proposes which column fills which field; the user confirms or corrects it before import. */
export function proposeMapping(headers: readonly string[]): MappingProposal {
  const used = new Set<string>();
  const mapping = {} as ColumnMapping;
  for (const field of REGISTER_FIELDS) {
    // Aliases are in preference order, so "Legal Surname" wins over a plain "Surname".
    const match = ALIASES[field]
      .map((alias) => headers.find((h) => !used.has(h) && normaliseHeader(h) === alias))
      .find((h) => h !== undefined);
    mapping[field] = match ?? null;
    if (match) used.add(match);
  }
  return {
    proposedMapping: mapping,
    unmappedHeaders: headers.filter((h) => !used.has(h)),
    missingRequired: REQUIRED_FIELDS.filter((f) => mapping[f] === null),
  };
}
