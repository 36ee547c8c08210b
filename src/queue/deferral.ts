import { z } from 'zod';
import { EventwireError } from '../core/errors.js';

/**
 * Waiting is a delay, not a failure. A stage that must wait (its host is busy, the host sent Retry-After, the
 * first copy of a story is not coded yet) throws a DeferError with the time it may go on. The batch layer then
 * sends the message again to its own queue, to be delivered no earlier than that time, and acknowledges the
 * original: a deferral never counts as a receive, so it never burns attempts and never dead-letters. The message
 * carries its deferral (below), so a wait longer than SQS's 15-minute delay is simply deferred again, and the
 * total wait stays bounded.
 */

/** A request slot booked with a host gate: its holder may send one request to `host` from `at` (epoch ms). */
export const HostSlotSchema = z.object({ host: z.string().min(1), at: z.number().int().nonnegative() });
export type HostSlot = z.infer<typeof HostSlotSchema>;

/** What a deferred message carries: when it first had to wait, until when, why, and a booked host slot. */
export const DeferralSchema = z.object({
  since: z.iso.datetime(),
  not_before: z.iso.datetime(),
  count: z.number().int().nonnegative(),
  reason: z.string(),
  slot: HostSlotSchema.optional(),
});
export type Deferral = z.infer<typeof DeferralSchema>;

/** The longest a message may wait in all before the wait is recorded on its item as a WaitTooLongError. */
export const MAX_TOTAL_WAIT_MS = 24 * 60 * 60 * 1000;

/** Thrown by a stage: handle this message again no earlier than `notBefore`. Not an error of the item. */
export class DeferError extends EventwireError {
  constructor(
    message: string,
    readonly notBefore: Date,
    readonly slot?: HostSlot,
  ) {
    super(message, { retryable: true });
  }
}

/** A message waited MAX_TOTAL_WAIT_MS in all: recorded on its item (which `redrive` can reopen). */
export class WaitTooLongError extends EventwireError {}

/**
 * The stage's answer to "not yet": a DeferError to throw, or, when the message has already waited
 * MAX_TOTAL_WAIT_MS in all, a WaitTooLongError for the stage to record on its item.
 */
export function deferOrGiveUp(
  waiting: Deferral | undefined,
  wait: { notBefore: Date; reason: string; slot?: HostSlot | undefined },
  now: Date,
): DeferError | WaitTooLongError {
  const since = waiting ? Date.parse(waiting.since) : now.getTime();
  if (wait.notBefore.getTime() - since > MAX_TOTAL_WAIT_MS)
    return new WaitTooLongError(
      `waited since ${new Date(since).toISOString()} and would wait until ${wait.notBefore.toISOString()}: ${wait.reason}`,
    );
  return new DeferError(wait.reason, wait.notBefore, wait.slot);
}

/** The message body to send again: the stage's message with its deferral brought up to date. */
export function deferredBody(body: unknown, error: DeferError, now: Date): string {
  const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const previous = DeferralSchema.safeParse(message.deferral);
  const deferral: Deferral = {
    since: previous.success ? previous.data.since : now.toISOString(),
    not_before: error.notBefore.toISOString(),
    count: (previous.success ? previous.data.count : 0) + 1,
    reason: error.message,
    ...(error.slot ? { slot: error.slot } : {}),
  };
  return JSON.stringify({ ...message, deferral });
}

/** Sends a message again to its own queue, to arrive no earlier than `notBefore` (SQS: DelaySeconds). */
export interface Deferrer {
  defer(body: string, notBefore: Date): Promise<void>;
}

/** The deferral a parsed message body carries, or null when it carries none (or none that is readable). */
export function deferralOf(body: unknown): Deferral | null {
  if (typeof body !== 'object' || body === null || !('deferral' in body)) return null;
  const deferral = DeferralSchema.safeParse(body.deferral);
  return deferral.success ? deferral.data : null;
}

/** When the message may be handled: its deferral's not-before time, or null (now). */
export function notBeforeOf(body: unknown): Date | null {
  const deferral = deferralOf(body);
  return deferral ? new Date(deferral.not_before) : null;
}
