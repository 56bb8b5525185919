import type { FastifyInstance } from 'fastify';
import type { JobKind } from '../lib/jobs/job-kind';
import type { ScheduledTask } from '../lib/scheduler';
import type { Services } from '../services';

/** What an area of the product contributes; each area wires itself in its own index.ts. */
export interface Module {
  name: string;
  /** Registers the area's routes; called inside the `/api/v1`-aware app. */
  routes?(app: FastifyInstance, services: Services): Promise<void> | void;
  jobs?: JobKind<never, unknown>[];
  /** Periodic work, run only by the leading scheduler. */
  tasks?(services: Services): ScheduledTask[];
}
