// Markdown written against a character budget: lines are added while they fit, and the writer
// remembers that something was left out so the answer can say how to get it.

export class BudgetedText {
  private readonly lines: string[] = [];
  private used = 0;

  constructor(private readonly budget: number) {}

  get length(): number {
    return this.used;
  }

  get remaining(): number {
    return this.budget - this.used;
  }

  /** Adds the line if it fits; returns whether it did. */
  tryAdd(line: string): boolean {
    const cost = line.length + 1;
    if (this.used + cost > this.budget) return false;
    this.lines.push(line);
    this.used += cost;
    return true;
  }

  /** Adds the line whatever the budget (headers, the note that says what was left out). */
  add(line: string): void {
    this.lines.push(line);
    this.used += line.length + 1;
  }

  toString(): string {
    return `${this.lines.join('\n').trimEnd()}\n`;
  }
}
