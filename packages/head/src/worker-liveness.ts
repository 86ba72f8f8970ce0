// What the head believes about one worker's life, as one state and one transition function.
//
// A worker is `registered` from its RegisterWorker call. Its Session stream closing (the process
// exited or was killed, its connection was reset) makes it `dead` at once: no timer has to run
// out. Heartbeats are the fallback for what closes no connection (a hung process, a partition):
// one missed interval and a half makes it `suspect` (nothing new is placed there), three make it
// `dead`. A dead worker stays dead: it must register again, which starts a new session.

export type LivenessPhase = 'registered' | 'suspect' | 'dead';

export interface WorkerLiveness {
  readonly phase: LivenessPhase;
  /** The registration this state belongs to; events of older sessions are ignored. */
  readonly session: number;
  /** When the worker last registered or heartbeated (ms, the registry's clock). */
  readonly lastSeen: number;
  /** The head holds the worker's Session stream. */
  readonly sessionOpen: boolean;
  /** Why the worker is dead. */
  readonly reason?: string;
}

export type LivenessEvent =
  | { type: 'registered'; session: number; at: number }
  | { type: 'heartbeat'; at: number }
  | { type: 'session-opened'; session: number }
  | { type: 'session-closed'; session: number; detail: string }
  | { type: 'tick'; at: number };

export interface LivenessTimings {
  /** Silence after which a worker is suspect. */
  suspectAfterMs: number;
  /** Silence after which a worker is dead (missed heartbeats). */
  deadAfterMs: number;
}

/** The worker's first state, from its registration. */
export function registeredLiveness(session: number, at: number): WorkerLiveness {
  return { phase: 'registered', session, lastSeen: at, sessionOpen: false };
}

export function nextLiveness(state: WorkerLiveness, event: LivenessEvent, timings: LivenessTimings): WorkerLiveness {
  if (event.type === 'registered') return registeredLiveness(event.session, event.at);
  if (state.phase === 'dead') return state;
  switch (event.type) {
    case 'heartbeat':
      return { ...state, phase: 'registered', lastSeen: Math.max(state.lastSeen, event.at) };
    case 'session-opened':
      return event.session === state.session ? { ...state, sessionOpen: true } : state;
    case 'session-closed':
      if (event.session !== state.session) return state;
      return { ...state, phase: 'dead', sessionOpen: false, reason: `control connection closed (${event.detail})` };
    case 'tick': {
      const silentMs = event.at - state.lastSeen;
      if (silentMs > timings.deadAfterMs) return { ...state, phase: 'dead', reason: `no heartbeat for ${silentMs} ms` };
      const phase = silentMs > timings.suspectAfterMs ? 'suspect' : 'registered';
      return phase === state.phase ? state : { ...state, phase };
    }
  }
}
