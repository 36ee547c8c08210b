import type { MetricName, StageObserver } from '../stages/observer.js';

/** The status line a command shows, from the counts so far. */
export type StatusLine = (get: (metric: MetricName) => number) => string;

/** Counts what the stages report and shows it live: one redrawn line on a TTY, plain lines otherwise. */
export class ProgressObserver implements StageObserver {
  readonly counts = new Map<MetricName, number>();
  private lastLine = 0;
  private readonly warnings: string[] = [];

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly verbose = false,
    private readonly status: StatusLine = pipelineStatus,
  ) {}

  info(message: string, fields?: Record<string, unknown>): void {
    if (this.verbose) this.write(`${message} ${JSON.stringify(fields ?? {})}`);
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    const line = `! ${message}${fields ? ` ${compact(fields)}` : ''}`;
    this.warnings.push(line);
    if (!this.out.isTTY || this.verbose) this.write(line);
  }

  count(metric: MetricName, value = 1): void {
    this.counts.set(metric, (this.counts.get(metric) ?? 0) + value);
    this.render(false);
  }

  get(metric: MetricName): number {
    return this.counts.get(metric) ?? 0;
  }

  /** Redraws the status line (at most ten times a second on a TTY; every 2 s as a plain line otherwise). */
  render(force: boolean): void {
    const now = Date.now();
    const every = this.out.isTTY ? 100 : 2000;
    if (!force && now - this.lastLine < every) return;
    this.lastLine = now;
    const line = this.status((metric) => this.get(metric));
    if (this.out.isTTY) this.out.write(`\r\u001b[2K${line.slice(0, (this.out.columns || 160) - 1)}`);
    else this.out.write(`${line}\n`);
  }

  /** Ends the live line and returns the warnings seen, for the summary. */
  finish(): string[] {
    this.render(true);
    if (this.out.isTTY) this.out.write('\n');
    return this.warnings;
  }

  private write(line: string): void {
    if (this.out.isTTY) this.out.write(`\r\u001b[2K${line}\n`);
    else this.out.write(`${line}\n`);
  }
}

function pipelineStatus(get: (metric: MetricName) => number): string {
  return (
    `feeds ${get('FeedsFetched')} fetched, ${get('FeedsNotModified')} not modified, ${get('FeedsFailed')} failed | ` +
    `articles ${get('ArticlesStored')} stored, ${get('ArticlesDuplicate')} duplicate, ${get('ArticlesSkipped')} skipped, ${get('ArticlesFailed')} failed | ` +
    `coded ${get('ArticlesCoded')}, events ${get('EventsWritten')}`
  );
}

function compact(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
}
