import type { Server } from 'node:http';
export const CSP: string;
export const TYPES: Record<string, string>;
export function startDemoServer(options?: {
  root?: string;
  port?: number;
  host?: string;
}): Promise<{ server: Server; url: string }>;
