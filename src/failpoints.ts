/**
 * Failpoints, as etcd's gofail has them: named places in the code where a test can make the process die hard
 * (SIGKILL, no cleanup), to prove that what was written to the store before that point is enough to recover.
 * Off unless `BB_FAILPOINTS` names them (e.g. `BB_FAILPOINTS=after-claim,after-send`); in production a failpoint is a
 * Set lookup.
 */

/** Every failpoint in the code, so a typo in BB_FAILPOINTS is caught at start-up. */
export const FAILPOINTS = ['after-claim', 'after-send'] as const;
export type FailpointName = (typeof FAILPOINTS)[number];

let armed: ReadonlySet<string> = new Set();

/** Arms the named failpoints (replacing any armed before); an empty list disarms all. */
export function armFailpoints(names: readonly string[]): void {
  armed = new Set(names);
}

/**
 * Kills the process here when this failpoint is armed.
 * @example repo.claim(delivery, now); failpoint('after-claim'); await poster.post(…);
 */
export function failpoint(name: FailpointName): void {
  if (!armed.has(name)) return;
  process.stderr.write(
    `${JSON.stringify({ level: 60, msg: 'failpoint hit, killing the process', failpoint: name })}\n`,
  );
  process.kill(process.pid, 'SIGKILL');
}
