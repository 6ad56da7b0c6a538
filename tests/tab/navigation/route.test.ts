import { parseRoute, routeSearch } from '@tab/navigation/route';
import { resolveThemeName } from '@tab/teams/theme';

describe('parseRoute', () => {
  it('opens the configuration page at /tab/config', () => {
    expect(parseRoute('/tab/config', '')).toEqual({ view: 'config' });
  });

  it('follows ?view=item&id= to the item panel over the tracker', () => {
    expect(parseRoute('/tab/', '?view=item&id=abc')).toEqual({ view: 'tracker', itemId: 'abc' });
  });

  it('follows ?view=pupil&pupil= to the pupil view', () => {
    expect(parseRoute('/tab/', '?view=pupil&pupil=p-0001')).toMatchObject({ view: 'pupil', pupilId: 'p-0001' });
  });

  it('follows a Teams subPageId when the URL names no view', () => {
    expect(parseRoute('/tab/', '', 'item:abc')).toEqual({ view: 'tracker', itemId: 'abc' });
    expect(parseRoute('/tab/', '', 'pupil:p-0002')).toEqual({ view: 'pupil', pupilId: 'p-0002' });
    expect(parseRoute('/tab/', '?view=archive', 'item:abc')).toMatchObject({ view: 'archive' });
  });

  it('opens the SEND-team views by name (the server still refuses anyone else)', () => {
    for (const view of ['register', 'interventions', 'provision', 'digest', 'reminders', 'roles'] as const)
      expect(parseRoute('/tab/', `?view=${view}`)).toMatchObject({ view });
  });

  it('falls back to the live tracker for an unknown view', () => {
    expect(parseRoute('/tab/', '?view=nonsense')).toMatchObject({ view: 'tracker' });
  });

  it('keeps the forced theme when moving between views', () => {
    expect(routeSearch({ view: 'archive' }, '?view=tracker&theme=dark&owner=x', false)).toBe('?theme=dark&view=archive');
  });
});

describe('resolveThemeName', () => {
  it('follows the Teams theme unless ?theme= overrides it', () => {
    expect(resolveThemeName('', 'dark')).toBe('dark');
    expect(resolveThemeName('', 'contrast')).toBe('contrast');
    expect(resolveThemeName('', undefined)).toBe('default');
    expect(resolveThemeName('?theme=contrast', 'dark')).toBe('contrast');
    expect(resolveThemeName('?theme=light', 'dark')).toBe('default');
  });
});
