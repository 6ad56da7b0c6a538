/** @jest-environment jsdom */
import fs from 'node:fs';
import path from 'node:path';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { ActionTable } from '@tab/components/ActionTable/ActionTable';
import { buildAction } from '@tests/support/factories';

const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script> **bold** [link](javascript:alert(3)) <b>loud</b>';

describe('tab shows HTML and markdown in action text as typed', () => {
  it('renders a hostile description, pupil name and owner name as text: no elements, no links, no formatting', () => {
    const action = buildAction({
      description: HOSTILE,
      pupil: { id: 'p-x', name: '<i>J.B.</i>', yearGroup: 4 },
      owner: { id: '00000000-0000-4000-8000-000000000009', name: '<a href="javascript:alert(4)">Tom</a>', email: 't@oakfield.example' },
    });
    const { container } = render(
      <FluentProvider theme={teamsLightTheme}>
        <ActionTable
          actions={[action]}
          today="2026-04-24"
          caption="Open items"
          onOpen={() => undefined}
          onSort={() => undefined}
          sort={{ key: 'dueDate', direction: 'asc' }}
        />
      </FluentProvider>,
    );
    expect(screen.getByText(HOSTILE)).toBeTruthy();
    expect(screen.getByText('<i>J.B.</i> (Year 4)')).toBeTruthy();
    expect(container.textContent).toContain('<a href="javascript:alert(4)">Tom</a>');
    expect(container.querySelectorAll('img, script, b, i, strong, a[href^="javascript"]')).toHaveLength(0);
  });

  it('never sets raw HTML anywhere in the tab source', () => {
    const files: string[] = [];
    const walk = (dir: string) =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && files.push(path.join(dir, e.name))));
    walk(path.join(__dirname, '../../tab/src'));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=/.test(fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
