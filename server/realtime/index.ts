import type { Module } from '../modules/module';
import { registerRealtime } from './realtime.routes';

/** Live updates: the /ws hub every api process runs. Publish with `publishEvent`. */
export const realtimeModule: Module = {
  name: 'realtime',
  routes: registerRealtime,
};
