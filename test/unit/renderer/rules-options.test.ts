import { describe, expect, it } from 'vitest';
import type { RuleRow } from '../../../core/model/rules.js';
import { graphOption, scatterOption } from '../../../renderer/src/pages/rules/options.js';

const rule = (a: string[], c: string[], support: number, lift: number): RuleRow => ({ antecedents: a, consequents: c, antecedentSupport: 0.1, consequentSupport: 0.1, support, confidence: 0.5, lift, leverage: 0, conviction: null, zhangsMetric: 0 });
const labels = { support: 'Support', confidence: 'Confidence', lift: 'Lift' };

describe('Rules page chart options', () => {
  it('scatter: one point per rule, coloured by lift over its range; none without rules', () => {
    expect(scatterOption([], labels)).toBeNull();
    const o = scatterOption([[0.1, 0.5, 2], [0.2, 0.9, 5]], labels) as { series: { data: number[][] }[]; visualMap: { dimension: number; min: number; max: number } };
    expect(o.series[0].data).toEqual([[0.1, 0.5, 2], [0.2, 0.9, 5]]);
    expect(o.visualMap).toMatchObject({ dimension: 2, min: 2, max: 5 });
  });

  it('graph: each item once, one node per rule, edges antecedent → rule → consequent; top N only', () => {
    expect(graphOption([], 30)).toBeNull();
    const rows = [rule(['a', 'b'], ['c'], 0.2, 3), rule(['c'], ['a'], 0.1, 2), rule(['x'], ['y'], 0.1, 1)];
    const o = graphOption(rows, 2) as { series: { data: { id: string }[]; links: { source: string; target: string }[] }[] };
    const ids = o.series[0].data.map((n) => n.id);
    expect(ids.filter((i) => i.startsWith('i:')).sort()).toEqual(['i:a', 'i:b', 'i:c']);
    expect(ids.filter((i) => i.startsWith('r:'))).toEqual(['r:0', 'r:1']);
    expect(o.series[0].links).toEqual([{ source: 'i:a', target: 'r:0' }, { source: 'i:b', target: 'r:0' }, { source: 'r:0', target: 'i:c' }, { source: 'i:c', target: 'r:1' }, { source: 'r:1', target: 'i:a' }]);
  });
});
