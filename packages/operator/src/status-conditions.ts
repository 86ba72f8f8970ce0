// Status conditions in the Kubernetes convention: one entry per type, lastTransitionTime moving
// only when the status flips, so `kubectl wait --for=condition=Ready` and dashboards behave.

export type ConditionType = 'Ready' | 'Progressing' | 'Degraded';
export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: ConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** Reasons are part of the resources' contract: automation may match on them. */
export const Reason = {
  /** Ready: the head serves the spec as written. */
  Available: 'Available',
  /** Progressing: the head has the spec, replicas are still starting or stopping. */
  ScalingReplicas: 'ScalingReplicas',
  /** Progressing: the spec was just sent to the head. */
  Applying: 'Applying',
  /** Ready=False: the head refused the spec (the message names the field). */
  InvalidSpec: 'InvalidSpec',
  /** Ready=False: an endpoint names a backend the head does not have. */
  BackendNotFound: 'BackendNotFound',
  /** Ready=False: another endpoint owns the route. */
  RouteConflict: 'RouteConflict',
  /** importPath or initArgs changed while endpoints still route to the backend. */
  ReplaceBlocked: 'ReplaceBlocked',
  /** Deletion waits: endpoints still route to this backend. */
  StillReferenced: 'StillReferenced',
  Deleting: 'Deleting',
  /** The head could not be reached; the operator keeps retrying. */
  HeadUnavailable: 'HeadUnavailable',
  /** Anything else the head or API server answered; see the message. */
  ReconcileError: 'ReconcileError',
  /** Degraded=False. */
  AsExpected: 'AsExpected',
  /** Progressing=False. */
  Idle: 'Idle',
} as const;

export function condition(type: ConditionType, status: ConditionStatus, reason: string, message = ''): Condition {
  return { type, status, reason, message };
}

/**
 * Merges `next` over `current`: each next condition replaces the one of its type, keeping the old
 * lastTransitionTime when its status did not change.
 */
export function mergeConditions(current: Condition[] | undefined, next: Condition[], generation: number | undefined, now = new Date()): Condition[] {
  const byType = new Map((current ?? []).map((c) => [c.type, c]));
  for (const update of next) {
    const old = byType.get(update.type);
    const lastTransitionTime =
      old !== undefined && old.status === update.status && old.lastTransitionTime !== undefined
        ? old.lastTransitionTime
        : now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    byType.set(update.type, {
      ...update,
      lastTransitionTime,
      ...(generation === undefined ? {} : { observedGeneration: generation }),
    });
  }
  const order: ConditionType[] = ['Ready', 'Progressing', 'Degraded'];
  return order.flatMap((type) => {
    const c = byType.get(type);
    return c === undefined ? [] : [c];
  });
}

export function findCondition(conditions: Condition[] | undefined, type: ConditionType): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** The usual three conditions for one outcome. */
export function outcome(kind: 'ready' | 'progressing' | 'failed', reason: string, message: string): Condition[] {
  switch (kind) {
    case 'ready':
      return [
        condition('Ready', 'True', reason, message),
        condition('Progressing', 'False', Reason.Idle, ''),
        condition('Degraded', 'False', Reason.AsExpected, ''),
      ];
    case 'progressing':
      return [
        condition('Ready', 'False', reason, message),
        condition('Progressing', 'True', reason, message),
        condition('Degraded', 'False', Reason.AsExpected, ''),
      ];
    case 'failed':
      return [
        condition('Ready', 'False', reason, message),
        condition('Progressing', 'False', reason, message),
        condition('Degraded', 'True', reason, message),
      ];
  }
}
