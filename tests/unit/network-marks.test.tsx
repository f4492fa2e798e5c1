import { render } from '@testing-library/preact';
import { siGithub, siInstagram } from 'simple-icons';
import { NetworkMark } from '@/components/NetworkMark';
import { NETWORK_IDS } from '@/utils/networks/catalog';
import { NETWORK_MARKS } from '@/utils/networks/marks.gen';
import { compactPath, markSources } from '../tools/network-marks';

describe('Network marks (simple-icons, CC0)', () => {
  it('the generated module holds exactly the nine networks, as the generator makes them', () => {
    expect(Object.keys(NETWORK_MARKS).sort()).toEqual([...NETWORK_IDS].sort());
    expect(Object.entries(NETWORK_MARKS)).toEqual(markSources());
    expect(JSON.stringify(NETWORK_MARKS)).not.toContain(compactPath(siGithub.path).slice(0, 40));
  });

  it('compacts a path without merging numbers: as many numbers, each within 0.005', () => {
    const compact = compactPath(siInstagram.path);
    expect(compact.length).toBeLessThan(siInstagram.path.length * 0.8);
    const before = siInstagram.path.match(/-?\d*\.?\d+/g)!.map(Number);
    const after = compact.match(/-?\d*\.?\d+/g)!.map(Number);
    expect(after).toHaveLength(before.length);
    expect(after.every((n, i) => Math.abs(n - before[i]!) <= 0.005 + 1e-9)).toBe(true);
    expect(compactPath('M1.004.5 2.996.25')).toBe('M1 .5 3 .25');
    expect(compactPath('M11.977.0014 1 2')).toBe('M11.98 0 1 2');
    expect(compactPath('M11.977-.0014 1 2')).toBe('M11.98 0 1 2');
  });

  it('draws each mark named for screen readers; black marks take the text colour (dark mode)', () => {
    const { container, rerender } = render(<NetworkMark network="x" />);
    expect(container.querySelector('svg')!.getAttribute('aria-label')).toBe('X (Twitter)');
    expect(container.querySelector('path')!.getAttribute('fill')).toBe('currentColor');
    rerender(<NetworkMark network="linkedin" />);
    expect(container.querySelector('path')!.getAttribute('fill-rule')).toBe('evenodd');
  });
});
