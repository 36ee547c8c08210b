import { GetQueueAttributesCommand, SQSClient, StartMessageMoveTaskCommand } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import { EventwireError } from '../../core/errors.js';
import { type DemoSite, startDemoSite } from '../../demo-site/index.js';
import { ProgressObserver } from '../../local/progress.js';
import { redriveLocal } from '../../local/redrive.js';
import { openLocalSession, readLocalState, resolveDataDir } from '../../local/session.js';
import { intFlag, parseFlags, UsageError } from '../args.js';

/** The queue has no dead-letter queue to move messages from. */
export class NoDeadLetterQueueError extends EventwireError {}

const RedrivePolicySchema = z.object({ deadLetterTargetArn: z.string().min(1) });

export interface DlqRedrive {
  taskHandle: string;
  sourceArn: string;
  destinationArn: string;
}

/**
 * Starts an SQS message move task from `queueUrl`'s dead-letter queue (the queue named by its redrive policy)
 * back to `queueUrl`. SQS moves the messages itself, at up to `maxPerSecond` when given.
 */
export async function startDlqRedrive(sqs: SQSClient, queueUrl: string, maxPerSecond?: number): Promise<DlqRedrive> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn', 'RedrivePolicy'] }),
  );
  const destinationArn = Attributes?.QueueArn;
  if (!destinationArn) throw new NoDeadLetterQueueError(`${queueUrl} did not report its ARN`);
  if (!Attributes?.RedrivePolicy)
    throw new NoDeadLetterQueueError(`${queueUrl} has no redrive policy, so no dead-letter queue to redrive from`);
  const sourceArn = RedrivePolicySchema.parse(JSON.parse(Attributes.RedrivePolicy)).deadLetterTargetArn;
  const task = await sqs.send(
    new StartMessageMoveTaskCommand({
      SourceArn: sourceArn,
      DestinationArn: destinationArn,
      ...(maxPerSecond ? { MaxNumberOfMessagesPerSecond: maxPerSecond } : {}),
    }),
  );
  return { taskHandle: task.TaskHandle ?? '', sourceArn, destinationArn };
}

export const redriveCommand = {
  name: 'redrive',
  summary: 'Replay dead-lettered messages (local dead-letter files, or an SQS dead-letter queue)',
  usage: `eventwire redrive [--data-dir DIR] | --queue-url URL [--rate N] [--region R]
  --data-dir DIR   local: replay DIR/dead-letters/<queue>.jsonl (default .eventwire), reopen failed articles,
                   run the pipeline; replayed letters move to dead-letters/redriven/
  --queue-url URL  AWS: move the messages of URL's dead-letter queue back to URL (SQS StartMessageMoveTask)
  --rate N         AWS: at most N messages per second, 1..500 (default: SQS's own pace)
example: npx eventwire redrive --data-dir .eventwire`,
  async run(argv: string[]): Promise<number> {
    const { values } = parseFlags(argv, {
      'data-dir': { type: 'string' },
      'queue-url': { type: 'string' },
      rate: { type: 'string' },
      region: { type: 'string' },
    });
    if (values['queue-url'] !== undefined && values['data-dir'] !== undefined)
      throw new UsageError('--queue-url and --data-dir exclude each other');
    if (values['queue-url'] === undefined && (values.rate !== undefined || values.region !== undefined))
      throw new UsageError('--rate and --region apply to --queue-url');
    if (values['queue-url'] !== undefined) return redriveSqs(values['queue-url'], values.rate, values.region);
    return redriveLocalData(resolveDataDir(values['data-dir']));
  },
};

async function redriveSqs(queueUrl: string, rate: string | undefined, region: string | undefined): Promise<number> {
  const maxPerSecond = rate === undefined ? undefined : intFlag(rate, 'rate', { min: 1, max: 500 }, 1);
  const sqs = new SQSClient(region ? { region } : {});
  try {
    const task = await startDlqRedrive(sqs, queueUrl, maxPerSecond);
    process.stdout.write(
      `moving messages from ${task.sourceArn} to ${task.destinationArn} (task ${task.taskHandle})\n`,
    );
    return 0;
  } finally {
    sqs.destroy();
  }
}

async function redriveLocalData(dataDir: string): Promise<number> {
  const session = await openLocalSession(dataDir);
  const { demoPort } = await readLocalState(dataDir);
  // Articles of the demo site can only be fetched again while it serves on its usual port.
  let demo: DemoSite | null = null;
  try {
    demo = demoPort ? await startDemoSite({ port: demoPort }) : null;
    const config = { ...session.config, allowedHosts: demo ? [new URL(demo.origin).host] : [] };
    const observer = new ProgressObserver(process.stdout, false);
    const result = await redriveLocal({ config, dataDir, observer, signal: new AbortController().signal });
    observer.finish();
    const total = result.replayed.feed + result.replayed.article + result.replayed.code;
    process.stdout.write(
      `\nredrive: ${total} letters replayed (feed ${result.replayed.feed}, article ${result.replayed.article}, code ${result.replayed.code}), ${result.reopened} articles reopened, ${result.deadLetters} dead-lettered again\n`,
    );
    return result.deadLetters > 0 ? 1 : 0;
  } finally {
    await demo?.close();
    await session.close();
  }
}
