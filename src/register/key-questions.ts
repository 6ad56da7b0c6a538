import type { RegisterAnalytics } from './analytics';
import { NEED_LABELS, type NeedCode } from '@/kernel/need-codes';
import { percent } from './percent';
import { primaryNeed, type PupilRecord } from '@/kernel/pupil-record';

/** One of the four questions from SENCO practice, answered in a sentence from the data. */
export interface KeyAnswer {
  id: 'in_line_with_national' | 'provision_matches_needs' | 'training_matches_needs' | 'low_attendance_has_plans';
  question: string;
  answer: string;
  /** True when the answer needs action (out of line, gaps in provision or training, flagged pupils). */
  attention: boolean;
}

interface Context {
  pupils: readonly PupilRecord[];
  activeInterventionPupilIds: ReadonlySet<string>;
  staffTrainingNeeds: readonly NeedCode[] | null;
  inLinePoints: number;
}

const fmt = (n: number | null) => (n === null ? 'unknown' : `${n}%`);
const pupilsN = (n: number) => `${n} pupil${n === 1 ? '' : 's'}`;
const has = (n: number) => (n === 1 ? 'has' : 'have');

/** The main needs among pupils with SEN, most common first. */
function mainNeeds(pupils: readonly PupilRecord[], top = 3): { code: NeedCode; count: number }[] {
  const counts = new Map<NeedCode, number>();
  for (const p of pupils) {
    const need = p.senStatus === 'N' ? null : primaryNeed(p);
    if (need) counts.set(need, (counts.get(need) ?? 0) + 1);
  }
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
    .slice(0, top);
}

/** The four answers; with an empty register each one says to import it first. */
export function answerKeyQuestions(a: Omit<RegisterAnalytics, 'keyQuestions'>, ctx: Context): KeyAnswer[] {
  const answers = [inLine(a, ctx), provision(ctx), training(ctx), attendance(a)];
  if (a.pupils > 0) return answers;
  return answers.map((q) => ({ ...q, answer: 'No register yet: import the MIS export to answer this.', attention: true }));
}

function inLine(a: Omit<RegisterAnalytics, 'keyQuestions'>, ctx: Context): KeyAnswer {
  const parts = a.comparisons.map((c) => {
    const where =
      c.differencePoints === null
        ? ''
        : Math.abs(c.differencePoints) <= ctx.inLinePoints
          ? 'in line'
          : c.differencePoints > 0
            ? 'above'
            : 'below';
    const scope = c.nationalScope === 'all schools' ? 'all schools' : `${c.nationalScope} schools`;
    return {
      out: where === 'above' || where === 'below',
      text: `${c.label} ${fmt(c.schoolPercent)} (national ${scope} ${fmt(c.nationalPercent)}${where ? `, ${where}` : ''})`,
    };
  });
  const out = parts.filter((p) => p.out).length;
  return {
    id: 'in_line_with_national',
    question: 'Are our numbers in line with national?',
    answer: `${out === 0 ? 'Yes' : 'Not entirely'}: ${parts.map((p) => p.text).join('; ')}. National figures: DfE ${a.national.year}.`,
    attention: out > 0,
  };
}

function provision(ctx: Context): KeyAnswer {
  const sen = ctx.pupils.filter((p) => p.senStatus !== 'N');
  const needs = mainNeeds(ctx.pupils).map(({ code, count }) => {
    const covered = sen.filter((p) => primaryNeed(p) === code && ctx.activeInterventionPupilIds.has(p.id)).length;
    return { code, count, covered };
  });
  const without = sen.filter((p) => !ctx.activeInterventionPupilIds.has(p.id)).length;
  if (sen.length === 0) {
    return {
      id: 'provision_matches_needs',
      question: 'Do provisions match needs?',
      answer: 'No pupils are on the SEN register.',
      attention: false,
    };
  }
  const detail = needs
    .map((n) => `${n.code} ${pupilsN(n.count)}, ${n.covered} (${fmt(percent(n.covered, n.count))}) in a current intervention`)
    .join('; ');
  return {
    id: 'provision_matches_needs',
    question: 'Do provisions match needs?',
    answer: `Main needs: ${detail}. ${without} of ${pupilsN(sen.length)} with SEN ${has(without)} no current intervention.`,
    attention: needs.some((n) => n.covered === 0),
  };
}

function training(ctx: Context): KeyAnswer {
  const needs = mainNeeds(ctx.pupils);
  const question = 'Does staff training match the main needs?';
  if (ctx.staffTrainingNeeds === null) {
    return {
      id: 'training_matches_needs',
      question,
      answer: `Not answered yet: record the need areas staff are trained in. Main needs are ${needs.map((n) => n.code).join(', ') || 'none'}.`,
      attention: true,
    };
  }
  const trained = new Set(ctx.staffTrainingNeeds);
  const gaps = needs.filter((n) => !trained.has(n.code));
  return {
    id: 'training_matches_needs',
    question,
    answer:
      gaps.length === 0
        ? `Yes: training covers each main need (${needs.map((n) => n.code).join(', ')}).`
        : `No training recorded for ${gaps.map((g) => `${NEED_LABELS[g.code]} (${pupilsN(g.count)})`).join(', ')}.`,
    attention: gaps.length > 0,
  };
}

function attendance(a: Omit<RegisterAnalytics, 'keyQuestions'>): KeyAnswer {
  const low = a.attendance.lowAttendance;
  const withPlan = low.filter((p) => p.senStatus !== 'N').length;
  const actionOnly = low.filter((p) => p.senStatus === 'N' && p.hasOpenAction).length;
  const flagged = a.attendance.flagged.length;
  return {
    id: 'low_attendance_has_plans',
    question: 'Do low-attendance pupils have plans?',
    answer:
      low.length === 0
        ? `No pupil is below 90% attendance (${a.attendance.recorded} with attendance recorded).`
        : `${pupilsN(low.length)} ${low.length === 1 ? 'is' : 'are'} below 90% attendance: ${withPlan} ${has(withPlan)} an SEN plan, ${actionOnly} more ${has(actionOnly)} an open tracker item, and ${flagged} ${has(flagged)} neither (flagged).`,
    attention: flagged > 0,
  };
}
