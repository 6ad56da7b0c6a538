import { searchPupils } from '@/capture/handle-pupil-search';
import { PUPIL_DATASET } from '@/capture/cards/capture-verbs';
import { CORPUS_PUPILS } from './corpus/corpus-school';

/** The `value` Teams sends in an `application/search` invoke as someone types in the pupil picker. */
const typed = (queryText: string, dataset = PUPIL_DATASET) => ({ queryText, dataset, queryOptions: { skip: 0, top: 15 } });
const titles = (queryText: string) => searchPupils(CORPUS_PUPILS, typed(queryText)).value.results.map((r) => r.title);

describe('the pupil picker search', () => {
  it('finds pupils by initials, forename or surname, and shows both L.W.s with their year group', () => {
    expect(titles('L.W')).toEqual(['L.W. (Year 1)', 'L.W. (Year 2)']);
    expect(titles('lw')).toEqual(['L.W. (Year 1)', 'L.W. (Year 2)']);
    expect(titles('Leo')).toEqual(['L.W. (Year 2)']);
    expect(titles("o'ne")).toEqual(['S.O. (Reception)']);
  });

  it('answers with ids as values but never an id or a name in what a person sees', () => {
    const results = searchPupils(CORPUS_PUPILS, typed('')).value.results;
    expect(results).toHaveLength(12);
    for (const r of results) {
      expect(r.value).toMatch(/^p-\d{4}$/);
      expect(r.title).toMatch(/^[A-Z]\.[A-Z]\. \((?:Year \d+|Reception)\)$/);
    }
  });

  it('answers nothing for another dataset or a malformed query', () => {
    expect(searchPupils(CORPUS_PUPILS, typed('L', 'graph.microsoft.com/users')).value.results).toEqual([]);
    expect(searchPupils(CORPUS_PUPILS, { queryText: 5 }).value.results).toEqual([]);
  });
});
