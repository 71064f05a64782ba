import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
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
});
