/** @jest-environment jsdom */
import { act, render } from '@testing-library/react';
import { useLoad, type Loaded } from '@tab/api/use-load';

/** Records what each render saw, so the render where the key changes can be checked on its own. */
function Probe({ load, loadKey, seen }: { load: () => Promise<string>; loadKey: string; seen: Loaded<string>[] }) {
  seen.push(useLoad(load, loadKey));
  return null;
}

describe('useLoad', () => {
  it('says it is loading in the very render where the key changes, while the data shown is the old key’s', async () => {
    const answers: Record<string, (v: string) => void> = {};
    const load = (key: string) => () => new Promise<string>((resolve) => (answers[key] = resolve));
    const seen: Loaded<string>[] = [];
    const view = render(<Probe load={load('a')} loadKey="a" seen={seen} />);
    await act(async () => answers.a!('data for a'));
    expect(seen.at(-1)).toMatchObject({ data: 'data for a', loading: false });

    seen.length = 0;
    view.rerender(<Probe load={load('b')} loadKey="b" seen={seen} />);
    // The first render with key b, before any effect ran: old data, and it says so.
    expect(seen[0]).toMatchObject({ data: 'data for a', loading: true });
    await act(async () => answers.b!('data for b'));
    expect(seen.at(-1)).toMatchObject({ data: 'data for b', loading: false });
  });
});
