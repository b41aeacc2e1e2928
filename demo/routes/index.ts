/** Every journey's demo routes, in navigation order. Each journey adds one import and spread. */
import type { DemoRoute } from '../types.js';

export const allRoutes: DemoRoute[] = [];
