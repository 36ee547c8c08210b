import robotsParserExport from 'robots-parser';

// The package is CommonJS exporting the function itself, but its typings declare a default export:
// Node (and esbuild in node mode) hand us the function, the typings describe `.default`.
type RobotsParser = typeof robotsParserExport.default;
const robotsParser: RobotsParser =
  typeof robotsParserExport === 'function' ? robotsParserExport : robotsParserExport.default;

/** What robots.txt says about one origin, for one user agent. */
export interface RobotsRules {
  /** Whether the path and query of `url` may be fetched. */
  isAllowed(url: string): boolean;
  /** Crawl-delay in ms from the group that applies to us, if any. */
  crawlDelayMs(): number | undefined;
}

/** Largest robots.txt we read; RFC 9309 asks crawlers to parse at least 500 KiB. */
export const MAX_ROBOTS_BYTES = 512 * 1024;

/**
 * Interprets robots.txt text (null = no robots.txt: everything allowed) for `userAgent`, whose first
 * product token (e.g. `eventwire` in `eventwire/0.1 (+https://...)`) selects the group, falling back to
 * `*`. Longest match wins, Allow wins ties, `*` and `$` wildcards are supported (RFC 9309).
 * @param origin the origin the file was served from, e.g. `https://news.example:8443`
 */
export function parseRobots(robotsTxt: string | null, origin: string, userAgent: string): RobotsRules {
  const agent = productToken(userAgent);
  if (robotsTxt === null) return { isAllowed: () => true, crawlDelayMs: () => undefined };
  const robots = robotsParser(`${origin}/robots.txt`, robotsTxt);
  return {
    isAllowed(url: string): boolean {
      const { pathname, search } = new URL(url);
      // /robots.txt itself is always allowed (RFC 9309 2.5).
      if (pathname === '/robots.txt') return true;
      // Rules are about the path; re-rooting on the file's origin keeps the parser's origin check quiet.
      return robots.isAllowed(`${origin}${pathname}${search}`, agent) ?? true;
    },
    crawlDelayMs(): number | undefined {
      const seconds = robots.getCrawlDelay(agent);
      return seconds === undefined || !Number.isFinite(seconds) || seconds < 0 ? undefined : seconds * 1000;
    },
  };
}

/** The product token robots.txt groups are matched against: the User-Agent up to the first `/` or space. */
export function productToken(userAgent: string): string {
  const token = userAgent.trim().split(/[/\s]/)[0] ?? '';
  return token === '' ? '*' : token.toLowerCase();
}
