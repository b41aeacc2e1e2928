/**
 * What a *Report an Issue* submission is, apart from its validation (`issue-report.ts`): its
 * shape, the product types, the limits and the field names, i.e. what the widget's form needs to
 * render (the product select, the file input's `accept`, the size in its hint) without the
 * checks, which load later. `adapter/types.ts` re-exports the shape as part of the contract.
 */
import type { StateCode } from './states.js';

export type ProductType = 'ACA Medical' | 'ACA Dental' | 'MAPD' | 'PDP' | 'DSNP' | 'Med Supp';
export const PRODUCT_TYPES: readonly ProductType[] = [
  'ACA Medical',
  'ACA Dental',
  'MAPD',
  'PDP',
  'DSNP',
  'Med Supp',
];

export interface IssueAttachment {
  name: string;
  type: string;
  size: number;
  /** Raw bytes; the adapter decides how to transport them. */
  data?: Blob;
}

export interface IssueReport {
  description: string;
  stepsTaken: string;
  clientName?: string;
  agentName: string;
  producerId: string;
  productType: ProductType;
  state: StateCode;
  /** ISO 8601 date-time the issue was observed. */
  observedAt: string;
  screenshot?: IssueAttachment;
}

export const ISSUE_TEXT_MAX_LENGTH = 5000;
export const ISSUE_NAME_MAX_LENGTH = 200;
/** Screenshots: images only, at most 5 MB. */
export const SCREENSHOT_MAX_BYTES = 5 * 1024 * 1024;
export const SCREENSHOT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];
/** How far in the future `observedAt` may be (clock skew between the user and the server). */
export const OBSERVED_AT_MAX_SKEW_MS = 5 * 60 * 1000;

export type IssueReportField =
  | 'description'
  | 'stepsTaken'
  | 'clientName'
  | 'agentName'
  | 'producerId'
  | 'productType'
  | 'state'
  | 'observedAt'
  | 'screenshot';
