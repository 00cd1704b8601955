import type { z } from 'zod';
import { systemMethods } from './system.js';
import { sourcesMethods } from './sources.js';
import { shadowMethods } from './shadow.js';
import { jobsMethods } from './jobs.js';
import { monitorsMethods } from './monitors.js';
import { outboxMethods } from './outbox.js';
import { channelsMethods } from './channels.js';
import { campaignsMethods } from './campaigns.js';

/**
 * The whole API: one object of methods, served over IPC (preload) and loopback HTTP (headless).
 * Each capability adds its methods in its own file here and spreads them in below.
 */
export const contract = {
  ...systemMethods,
  ...sourcesMethods,
  ...shadowMethods,
  ...jobsMethods,
  ...monitorsMethods,
  ...outboxMethods,
  ...channelsMethods,
  ...campaignsMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const methodNames = Object.keys(contract) as MethodName[];

export type { ApiError, ApiResult } from './define.js';
export type { HeraldEvent, Topic } from './events.js';
