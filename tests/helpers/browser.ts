/**
 * The headless Chromium the browser suite drives, found without anything installed by hand:
 * `EVENTWIRE_CHROMIUM` when set (any Chromium or Chrome binary), otherwise the build shipped inside the
 * `@sparticuz/chromium` dev dependency (Linux x64 and arm64; unpacked to the temp folder on first use).
 * Elsewhere it fails with what to set, never skips.
 */
import { existsSync } from 'node:fs';

/** Flags that keep a headless run offline and quiet: no background connections, no first-run work. */
const OFFLINE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserLaunch {
  executablePath: string;
  args: string[];
}

export async function resolveChromium(): Promise<BrowserLaunch> {
  const fromEnv = process.env.EVENTWIRE_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`EVENTWIRE_CHROMIUM=${fromEnv} does not exist`);
    return { executablePath: fromEnv, args: ['--headless', ...OFFLINE_FLAGS] };
  }
  if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
    throw new Error(
      `no bundled Chromium for ${process.platform}/${process.arch}: set EVENTWIRE_CHROMIUM to a Chromium or Chrome binary`,
    );
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  return { executablePath: await bundled.executablePath(), args: [...bundled.args, ...OFFLINE_FLAGS] };
}
