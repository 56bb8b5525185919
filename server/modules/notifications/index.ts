import type { Module } from '../module';
import { digestEmailJob, digestTasks } from './digest-build';
import { notificationsRoutes } from './notifications.routes';
import { webhookDeliveryJob } from './webhook-delivery';
import { webhooksRoutes } from './webhooks.routes';

/** Notifications without noise: webhooks, noise rules, digests and the bell's inbox. */
export const notificationsModule: Module = {
  name: 'notifications',
  routes(app, services) {
    webhooksRoutes(app, services);
    notificationsRoutes(app, services);
  },
  jobs: [webhookDeliveryJob as never, digestEmailJob as never],
  tasks: digestTasks,
};
