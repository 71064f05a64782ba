import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { PromptDiff } from './PromptDiff';
import { PromptTemplate } from './PromptTemplate';

const HOSTILE =
  '<img src=x onerror="window.__pwned=1"> {{question}} <script>window.__pwned=1</script>';

describe('prompt text', () => {
  afterEach(cleanup);

  it('marks variables and shows hostile markup as text', () => {
    render(<PromptTemplate text={HOSTILE} />);
    expect(screen.getByTitle('variable question').textContent).toBe('{{question}}');
    expect(screen.getByLabelText('Template').textContent).toBe(HOSTILE);
    expect(document.querySelector('img, script')).toBeNull();
  });

  it('diffs two versions line by line', () => {
    render(
      <PromptDiff
        from={'a\nb'}
        to={'a\nc\n' + HOSTILE}
        fromLabel="version 1"
        toLabel="version 2"
      />,
    );
    expect(screen.getByText(/1 line added|2 lines added/).textContent).toContain(
      '2 lines added, 1 removed',
    );
    expect(document.querySelector('img, script')).toBeNull();
    expect(screen.getAllByLabelText('added')).toHaveLength(2);
  });

  it('folds long unchanged stretches behind a button that shows them', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const next = lines.map((l, i) => (i === 15 ? 'changed' : l));
    render(
      <PromptDiff
        from={lines.join('\n')}
        to={next.join('\n')}
        fromLabel="version 1"
        toLabel="version 2"
      />,
    );
    const table = screen.getByRole('table', { name: 'Diff of version 1 and version 2' });
    expect(table.textContent).not.toContain('line 3');
    expect(table.textContent).toContain('line 12');
    fireEvent.click(screen.getByRole('button', { name: 'Show 12 unchanged lines' }));
    expect(table.textContent).toContain('line 3');
    expect(screen.getAllByRole('button', { name: /^Show \d+ unchanged lines$/ })).toHaveLength(1);
  });

  it('renders only the rows in view of a long diff, in a scroll box', () => {
    // jsdom lays nothing out: give the scroll box the height a browser would
    const height = vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const width = vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
    onTestFinished(() => {
      height.mockRestore();
      width.mockRestore();
    });
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const next = lines.map((l, i) => (i % 10 === 5 ? `${l} edited` : l));
    render(
      <PromptDiff
        from={lines.join('\n')}
        to={next.join('\n')}
        fromLabel="version 1"
        toLabel="version 2"
      />,
    );
    expect(
      screen.getByRole('region', { name: 'Rows of the diff of version 1 and version 2' }),
    ).toBeTruthy();
    const rendered = screen
      .getByRole('table', { name: 'Diff of version 1 and version 2' })
      .querySelectorAll('tr:not([aria-hidden])');
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(screen.getByText('version 1 → version 2: 300 lines added, 300 removed')).toBeTruthy();
  });
});
