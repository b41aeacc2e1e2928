/** Every journey's demo routes, in navigation order. Each journey adds one import and spread. */
import type { DemoRoute } from '../types.js';
import { routes as registration } from './registration.js';
import { routes as login } from './login.js';
import { routes as recovery } from './recovery.js';
import { routes as home } from './home.js';
import { routes as helpDesk } from './help-desk.js';

export const allRoutes: DemoRoute[] = [
  ...registration,
  ...login,
  ...recovery,
  ...home,
  ...helpDesk,
];
