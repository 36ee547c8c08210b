/**
 * How a command learns it should stop: Ctrl-C (SIGINT), SIGTERM, SIGHUP (terminal closed), or the launcher gone
 * (bin/eventwire.js closes its IPC channel when it dies, however it dies). Ctrl-C reaches the CLI twice (from the
 * terminal and from the launcher that forwards it): a repeat within a second counts as one. A later one forces.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const REPEAT_MS = 1000;

/** Calls `stop` on the first stop request and `force` on one that comes more than a second later. */
export function onStopRequest(stop: () => void, force: () => void): () => void {
  let first: number | null = null;
  const handle = (): void => {
    if (first === null) {
      first = Date.now();
      stop();
    } else if (Date.now() - first > REPEAT_MS) force();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, handle);
  process.on('disconnect', handle);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, handle);
    process.off('disconnect', handle);
  };
}

/** Aborts `controller` on the first stop request (the command finishes the batches in flight); a later one exits. */
export function abortOnStopRequest(controller: AbortController): () => void {
  return onStopRequest(
    () => {
      process.stderr.write('\nstopping after the batches in flight (Ctrl-C again to force)...\n');
      controller.abort();
    },
    () => process.exit(130),
  );
}

/** Resolves on the first stop request; a later one exits at once (130). */
export function untilStopRequested(): Promise<void> {
  return new Promise((resolve) => {
    onStopRequest(resolve, () => process.exit(130));
  });
}

/** Lets the launcher's IPC channel close without keeping this process alive. */
export function detachLauncherChannel(): void {
  const channel = (process as { channel?: { unref(): void } }).channel;
  channel?.unref();
}
