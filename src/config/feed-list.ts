import { z } from 'zod';
import { hasCredentials } from '../core/url-credentials.js';
import { ConfigError } from './errors.js';

const pollInterval = z
  .number()
  .int()
  .min(1)
  .max(24 * 60)
  .optional();

/**
 * One entry of a user's feed list file: `[{ "url": "...", "name": "...", "poll_minutes": 15 }]`. Lists written
 * before the snake_case names say `pollMinutes`; it is still read.
 */
export const FeedListSchema = z.array(
  z.object({
    url: z
      .string()
      .url()
      .refine((value) => /^https?:/i.test(value), 'feeds must be http or https URLs')
      // The message never repeats the URL: it would print the password it refuses.
      .refine(
        (value) => !hasCredentials(value),
        'a feed URL must not carry a user name or password (user:secret@host): eventwire fetches public feeds only',
      ),
    name: z.string().min(1).optional(),
    poll_minutes: pollInterval,
    pollMinutes: pollInterval,
  }),
);
export type FeedList = z.infer<typeof FeedListSchema>;

/** Parses a feed list (JSON text); `origin` names the file or parameter in the error. */
export function parseFeedList(text: string, origin: string): FeedList {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin} is not valid JSON`, { cause: error });
  }
  const parsed = FeedListSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`${origin} is not a valid feed list: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
