import { parseMessage } from '@/capture/parse/parse-actions';
import type { ProposedAction } from '@/capture/parse/proposed-action';
import { corpusContext } from '@tests/capture/corpus/corpus-school';
import { CORPUS, type CorpusMessage, type Expected } from '@tests/capture/corpus/meeting-lines';
import { FIELDS, observed, scoreCorpus, type Field } from '@tests/capture/corpus/score-corpus';

/**
 * What a person does on the card to turn one proposal into the action they meant, in clicks and
 * keystroke bursts: pick an owner (open the picker, type, choose: 3), a date (open, pick: 2), a pupil
 * (2 when the card offers the right one, 3 when it must be searched), a type (open, choose: 2). A row
 * whose inputs are folded away costs one more click to open; an action the card lost is typed again
 * (a new message: 6). Save is one click for the whole card.
 */
export function interactionsToSave(
  message: CorpusMessage,
  proposals: readonly ProposedAction[],
  openWhen: (p: ProposedAction) => boolean,
): number {
  let clicks = 1;
  message.expect.forEach((want: Expected, i) => {
    const proposal = proposals[i];
    if (!proposal) {
      clicks += 6;
      return;
    }
    const got = observed(proposal);
    let fixes = 0;
    // An owner outside the staff ("parents") or no date at all must be chosen before Save, however well it was read.
    if (want[0]?.startsWith('role:') || got[0] !== want[0]) fixes += 3;
    if (want[1] === null || got[1] !== want[1]) fixes += 2;
    if (got[2] !== want[2]) fixes += want[2]?.startsWith('?') || proposal.pupilChoices?.length ? 2 : 3;
    // A guess is right when the card says it is a guess; checking it is reading, not a click.
    if (got[3] !== want[3] && want[3] !== 'guess') fixes += 2;
    if (fixes > 0 && !openWhen(proposal)) fixes += 1;
    clicks += fixes;
  });
  return clicks;
}

export interface CaptureAccuracy {
  lines: number;
  messages: number;
  lost: number;
  invented: number;
  /** Per field, right answers as a percentage. */
  accuracy: Record<Field, number>;
  /** The six-line annual-review message from the issue: interactions from typed line to saved actions. */
  annualReviewInteractions: number;
}

/** Reads the labelled corpus with the real parser and scores every field (the same scorer `npm test` uses). */
export function measureCaptureAccuracy(): CaptureAccuracy {
  const parse = (m: CorpusMessage) => parseMessage(m.text, corpusContext(m.text, m.context));
  const score = scoreCorpus(parse);
  const accuracy = Object.fromEntries(
    FIELDS.map((f) => [f, Math.round((1000 * score.fields[f].right) / Math.max(1, score.fields[f].of)) / 10]),
  ) as Record<Field, number>;
  const review = CORPUS[0]!;
  return {
    lines: score.lines,
    messages: score.messages,
    lost: score.lost,
    invented: score.invented,
    accuracy,
    // The card opens a row by itself when it carries a warning.
    annualReviewInteractions: interactionsToSave(review, parse(review).actions, (p) => p.warnings.length > 0),
  };
}
