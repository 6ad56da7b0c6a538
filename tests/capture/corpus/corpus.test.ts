import { parseMessage } from '@/capture/parse/parse-actions';
import { corpusContext } from './corpus-school';
import { CORPUS } from './meeting-lines';
import { FIELDS, percent, scoreCorpus } from './score-corpus';

/**
 * The labelled corpus of meeting lines, read by the real parser. The targets are the issue's: at
 * least 97% right on every field, and not one agreed action lost or invented. A miss is printed
 * with its line, so a change that breaks a field says where.
 */
describe('the meeting-line corpus', () => {
  const score = scoreCorpus((m) => parseMessage(m.text, corpusContext(m.text, m.context)));

  it('has at least 200 meeting lines, chatter included', () => {
    expect(score.lines).toBeGreaterThanOrEqual(200);
    expect(CORPUS.filter((m) => m.expect.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it('loses no agreed action and invents none', () => {
    expect({ lost: score.lost, invented: score.invented }).toEqual({ lost: 0, invented: 0 });
  });

  it.each(FIELDS)('reads %s right at least 97% of the time', (field) => {
    const { right, of } = score.fields[field];
    const misses = score.misses.filter((m) => m.startsWith(`${field}:`));
    expect({ field, accuracy: percent(score.fields[field]), misses: right / of >= 0.97 ? [] : misses }).toEqual({
      field,
      accuracy: expect.any(String),
      misses: [],
    });
  });
});
