// Child processes of a local cluster exit when their supervisor is gone, even after a kill -9 of
// the supervisor, so that nothing is left behind.

/** Exits the process (via `onOrphaned`) once the process `parentPid` no longer exists. */
export function exitWithParent(parentPid: number | undefined, onOrphaned: () => void): void {
  if (!parentPid) return;
  const timer = setInterval(() => {
    try {
      process.kill(parentPid, 0);
    } catch {
      clearInterval(timer);
      onOrphaned();
    }
  }, 500);
  timer.unref();
}

/** The supervisor's pid, which it passes to its children in TROUPE_PARENT_PID. */
export function supervisorPid(): number | undefined {
  const pid = Number(process.env.TROUPE_PARENT_PID);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
