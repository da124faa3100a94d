import { hostname } from 'node:os';
import type { CtasOwner } from '../ctas-descriptor';

// CTAS jobs this process is running right now; recovery must not abort them under their feet.
const ACTIVE = new Set<string>();

export function markActive(jobId: string): void {
  ACTIVE.add(jobId);
}

export function markInactive(jobId: string): void {
  ACTIVE.delete(jobId);
}

export function currentOwner(): CtasOwner {
  return { host: hostname(), pid: process.pid };
}

/** Whether the process that wrote a record may still be working on it. */
export function isOwnerAlive(owner: CtasOwner, jobId: string): boolean {
  if (owner.host !== hostname()) return true; // cannot tell for another machine: assume alive
  if (owner.pid === process.pid) return ACTIVE.has(jobId);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}
