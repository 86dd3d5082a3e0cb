// A shared step counter: the scanners stop, and say so, instead of going quadratic on crafted pages.

export interface LinkBudget {
  steps: number;
  exhausted: boolean;
}

export function createLinkBudget(textLength: number, stepsPerChar: number): LinkBudget {
  return { steps: Math.max(10_000, textLength * stepsPerChar), exhausted: false };
}

export function spend(budget: LinkBudget, steps: number): boolean {
  budget.steps -= steps;
  if (budget.steps < 0) budget.exhausted = true;
  return !budget.exhausted;
}
