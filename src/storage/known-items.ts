import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * What a feed remembers of the items it listed, so that a poll skips the items it has seen without a write each
 * (an item costs one conditional put only the first time the feed lists it). Kept in one small item beside the
 * feed's (`FEED#<id>` / `KNOWN`), read with it in one Query and written once per poll that changes it:
 *
 * - `known`: the article ids of the items listed most recently, newest first, each as an 11-character token (64
 *   bits of a hash of the id in base64url; a new item taken for a known one would need a 64-bit collision within
 *   one feed's list), at most `capacity` of them;
 * - `awaiting`: the items the feed sent to be fetched, grouped by when they were sent (and how often before), until
 *   they are checked once older than a bound (see `due`): an item whose message was lost between discovery and
 *   fetch is found still pending then and sent again, so no article is lost for want of a write per poll.
 *
 * What is stored depends only on what the feed listed and when, never on how far the pipeline got: two runs that
 * list the same items leave the same record.
 */
export class KnownItems {
  private constructor(
    private readonly tokens: readonly string[],
    readonly awaiting: readonly AwaitingGroup[],
  ) {}

  static empty(): KnownItems {
    return new KnownItems([], []);
  }

  /** From the stored attributes; anything unreadable counts as nothing known (each item is then put once more). */
  static from(stored: unknown): KnownItems {
    const parsed = KnownItemsAttributesSchema.safeParse(stored);
    if (!parsed.success) return KnownItems.empty();
    const { known, awaiting } = parsed.data;
    return new KnownItems(known.match(/.{11}/g) ?? [], awaiting);
  }

  /** The attributes to store. */
  toAttributes(): KnownItemsAttributes {
    return { known: this.tokens.join(''), awaiting: this.awaiting.map((group) => ({ ...group, ids: [...group.ids] })) };
  }

  has(articleId: string): boolean {
    return this.tokens.includes(tokenOf(articleId));
  }

  /**
   * Remembers `listed` (article ids, in feed order) as the newest items, followed by the items known before that
   * the feed no longer lists, up to `capacity` in all: an item dropped from the feed and listed again later is
   * still known, unless many newer ones came between.
   */
  remember(listed: readonly string[], capacity: number): KnownItems {
    const tokens = [...new Set([...listed.map(tokenOf), ...this.tokens])].slice(0, Math.max(capacity, listed.length));
    return new KnownItems(tokens, this.awaiting);
  }

  /** Items sent at `at` for the `round`-th time (0: the first), awaiting their check. */
  sent(ids: readonly string[], at: Date, round: number): KnownItems {
    if (ids.length === 0) return this;
    const group = { sent_at: at.toISOString(), round, ids: [...new Set(ids)] };
    return new KnownItems(this.tokens, [...this.awaiting, group]);
  }

  /** Items checked and found still pending, sent again at `at` (each in the round after its last). */
  resent(items: readonly AwaitingItem[], at: Date): KnownItems {
    const rounds = [...new Set(items.map((item) => item.round))].sort();
    return rounds.reduce(
      (known, round) =>
        known.sent(
          items.filter((item) => item.round === round).map((item) => item.id),
          at,
          round + 1,
        ),
      this as KnownItems,
    );
  }

  /** The items sent before `before` that may still be sent again (fewer than `maxResends` times so far). */
  due(before: Date, maxResends: number): AwaitingItem[] {
    return this.awaiting
      .filter((group) => Date.parse(group.sent_at) < before.getTime() && group.round < maxResends)
      .flatMap((group) => group.ids.map((id) => ({ id, round: group.round })));
  }

  /** Without the groups sent before `before`: their items were checked, and sent again where still pending. */
  checked(before: Date): KnownItems {
    return new KnownItems(
      this.tokens,
      this.awaiting.filter((group) => Date.parse(group.sent_at) >= before.getTime()),
    );
  }

  equals(other: KnownItems): boolean {
    return JSON.stringify(this.toAttributes()) === JSON.stringify(other.toAttributes());
  }
}

const AwaitingGroupSchema = z.object({ sent_at: z.string(), round: z.number().int(), ids: z.array(z.string()) });
type AwaitingGroup = z.infer<typeof AwaitingGroupSchema>;

/** An item awaiting its check, and how many times it was sent again already. */
export interface AwaitingItem {
  id: string;
  round: number;
}

const KnownItemsAttributesSchema = z.object({ known: z.string(), awaiting: z.array(AwaitingGroupSchema) });
export type KnownItemsAttributes = z.infer<typeof KnownItemsAttributesSchema>;

/** The 11-character token of an article id: 64 bits of its SHA-256 in base64url. */
function tokenOf(articleId: string): string {
  return createHash('sha256').update(articleId).digest().subarray(0, 8).toString('base64url');
}
