import type { Server } from 'node:http';
export const CSP: string;
export function startDemoServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<{ server: Server; url: string }>;
