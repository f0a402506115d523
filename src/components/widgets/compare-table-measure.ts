// The heavy half of <nl-compare-table>: the kernel, loaded when the reader presses "Measure
// cost". Each function's forward pass is timed on the same 100 000 inputs; the page gets the
// main thread back between functions, so it never freezes for more than one measurement.

import { activations } from '../../lib/activations/index.ts';
import { costInputs, describeCosts, formatCost, measureForward } from '../figures/compare-table.ts';

export async function measureAll(
  ids: string[],
  onResult: (id: string, ns: number, text: string, done: number) => void,
  onDone: (summary: string) => void,
) {
  const xs = costInputs();
  const costs = new Map<string, number>();
  const names: Record<string, string> = {};
  for (const [i, id] of ids.entries()) {
    await new Promise((resolve) => setTimeout(resolve));
    const a = activations[id];
    names[id] = a.name;
    const ns = measureForward((x, out) => a.forward(x, out), xs, { now: () => performance.now() });
    costs.set(id, ns);
    onResult(id, ns, formatCost(ns), i + 1);
  }
  onDone(describeCosts(costs, names));
}
