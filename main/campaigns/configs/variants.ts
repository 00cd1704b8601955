import type { z } from 'zod';
import type { variantSchema } from './schema.js';

type VariantInput = z.input<typeof variantSchema>;

/**
 * Every campaign v1 ran, named as the fixtures' `campaign` fields (issue 6). Each is plain data:
 * adding a month is adding an entry (and its reward config version). Shared pieces are spread in
 * from the presets below; nothing here is code that branches on a campaign.
 */

const BJ = { city: 'BJ', recipients: { group: 'bj-ops-group', award: 'campaign-contact-bj' } } as const;
const SH = { city: 'SH', recipients: { group: 'sh-ops-group', award: 'campaign-contact-sh' } } as const;
const NO_BADGES = { elite: false, risingStar: false };

/** pyautogui v1.0.1-stable: BJ April/May (generic tiers, caps 100k per contract / 1M per work order). */
const bjSpring = {
  ...BJ,
  pipeline: 'v1-ledger',
  legacy: { flavor: 'bj', columns: 'standard', header: 'standard', contractCap: 100000, workOrderLimit: 1000000, registeredAt: 'date' },
  badges: { elite: true, risingStar: false },
  source: 'pyautogui v1.0.1-stable (e870cc0)',
} as const;

/** BJ June–August: BJ-2025-06 rules, caps 500k/500k, elite and rising-star badges (stable-maintenance, 2025-08-28). */
const bjSummer = {
  ...BJ,
  pipeline: 'v1-ledger',
  rewardConfig: { key: 'BJ-2025-06', version: 2 },
  recordLabel: 'BJ-2025-06',
  legacy: { flavor: 'bj', columns: 'standard', header: 'standard', contractCap: 500000, workOrderLimit: 500000, registeredAt: 'date' },
  messages: { announcement: 'bj-legacy', award: 'plain', awardsFrom: 'config' },
  badges: { elite: true, risingStar: true },
  source: 'sales-reward-hub stable-maintenance 2025-08-28 (de02644)',
} as const;

/** pyautogui v1.0.1: SH April/May, hand-written tiers with lucky digit 6 (config SH-2025-04 v1). */
const shSpring = {
  ...SH,
  pipeline: 'v1-ledger',
  rewardConfig: { key: 'SH-2025-04', version: 1 },
  recordLabel: 'SH-2025-04',
  legacy: { flavor: 'sh', columns: 'standard', header: 'standard', contractCap: 40000, tierFunction: 'handwritten-sh', registeredAt: 'date' },
  messages: { announcement: 'sh-legacy', award: 'plain', awardsFrom: 'sh-notifier' },
  badges: NO_BADGES,
  source: 'pyautogui v1.0.1-stable (e870cc0)',
} as const;

/** SH June–August as the stable-maintenance code of 2025-08-28 ran them: no lucky number, 5 tiers. */
const shSummer = {
  ...SH,
  pipeline: 'v1-ledger',
  rewardConfig: { key: 'SH-2025-04', version: 2 },
  recordLabel: 'SH-2025-04',
  legacy: { flavor: 'sh', columns: 'standard', header: 'standard', contractCap: 40000, registeredAt: 'date' },
  messages: { announcement: 'sh-legacy', award: 'plain', awardsFrom: 'config' },
  badges: NO_BADGES,
  source: 'sales-reward-hub stable-maintenance 2025-08-28 (de02644)',
} as const;

/** The database pipeline of 2025-10 on (v2.5.1 / HEAD). */
const bjDb = { ...BJ, pipeline: 'v1-db', badges: NO_BADGES, source: 'sales-reward-hub v2.5.1 (0f06a6a) / HEAD' } as const;
const shDb = { ...SH, pipeline: 'v1-db', badges: NO_BADGES, source: 'sales-reward-hub v2.5.1 (0f06a6a) / HEAD' } as const;
const bjDbAnnouncementOnly = {
  ...bjDb,
  rewardConfig: { key: 'BJ-2025-11', version: 1 },
  db: { keyFormat: 'name', projectLimit: false, dualTrack: false, historical: false, parser: 'bj' },
  messages: { announcement: 'bj-nov', award: 'off', awardsFrom: 'config' },
} as const;
const shDbOctober = {
  ...shDb,
  db: { keyFormat: 'name_org', projectLimit: false, dualTrack: false, historical: false, parser: 'sh' },
  messages: { announcement: 'sh-oct', award: 'with-order-type', awardsFrom: 'config' },
} as const;

export const variantData: readonly VariantInput[] = [
  { ...bjSpring, id: 'BJ-2025-04', title: { 'zh-CN': '北京 2025年4月', en: 'Beijing April 2025' }, month: '2025-04', rewardConfig: { key: 'BJ-2025-04', version: 1 }, activityCode: 'BJ-2025-04', recordLabel: 'BJ-2025-04', messages: { announcement: 'bj-legacy', award: 'plain', awardsFrom: 'bj-april-notifier' } },
  { ...bjSpring, id: 'BJ-2025-05', title: { 'zh-CN': '北京 2025年5月', en: 'Beijing May 2025' }, month: '2025-05', rewardConfig: { key: 'BJ-2025-05', version: 1 }, activityCode: 'BJ-2025-05', recordLabel: 'BJ-2025-05', messages: { announcement: 'bj-legacy', award: 'plain', awardsFrom: 'bj-may-notifier' } },
  { ...bjSummer, id: 'BJ-2025-06', title: { 'zh-CN': '北京 2025年6月', en: 'Beijing June 2025' }, month: '2025-06', activityCode: 'BJ-2025-06' },
  { ...bjSummer, id: 'BJ-2025-07', title: { 'zh-CN': '北京 2025年7月', en: 'Beijing July 2025' }, month: '2025-07', activityCode: 'BJ-2025-07' },
  { ...bjSummer, id: 'BJ-2025-08', title: { 'zh-CN': '北京 2025年8月', en: 'Beijing August 2025' }, month: '2025-08', activityCode: 'BJ-2025-08' },
  {
    ...BJ,
    id: 'BJ-2025-09',
    title: { 'zh-CN': '北京 2025年9月（历史合同）', en: 'Beijing September 2025 (historical contracts)' },
    month: '2025-09',
    pipeline: 'v1-ledger',
    rewardConfig: { key: 'BJ-2025-09', version: 3 },
    activityCode: 'BJ-SEP',
    recordLabel: 'BJ-SEP',
    legacy: { flavor: 'bj-sep', columns: 'bj-sep', header: 'bj-sep', contractCap: 50000, workOrderLimit: 50000, registeredAt: 'datetime' },
    messages: { announcement: 'bj-legacy', award: 'with-order-type', awardsFrom: 'config' },
    badges: NO_BADGES,
    source: 'sales-reward-hub v2.1.0 legacy code (76601d3)',
  },
  { ...shSpring, id: 'SH-2025-04', title: { 'zh-CN': '上海 2025年4月', en: 'Shanghai April 2025' }, month: '2025-04', activityCode: 'SH-2025-04' },
  { ...shSpring, id: 'SH-2025-05', title: { 'zh-CN': '上海 2025年5月', en: 'Shanghai May 2025' }, month: '2025-05', activityCode: 'SH-2025-05' },
  { ...shSummer, id: 'SH-2025-06', title: { 'zh-CN': '上海 2025年6月', en: 'Shanghai June 2025' }, month: '2025-06', activityCode: 'SH-2025-06' },
  { ...shSummer, id: 'SH-2025-07', title: { 'zh-CN': '上海 2025年7月', en: 'Shanghai July 2025' }, month: '2025-07', activityCode: 'SH-2025-07' },
  { ...shSummer, id: 'SH-2025-08', title: { 'zh-CN': '上海 2025年8月', en: 'Shanghai August 2025' }, month: '2025-08', activityCode: 'SH-2025-08' },
  {
    ...shSummer,
    id: 'SH-2025-08b',
    title: { 'zh-CN': '上海 2025年8月（8月28日后规则）', en: 'Shanghai August 2025 (rules after 28 August)' },
    month: '2025-08',
    activityCode: 'SH-2025-08',
    messages: { announcement: 'sh-legacy', award: 'with-order-type', awardsFrom: 'config' },
    source: 'sales-reward-hub v2.1.0 legacy code (76601d3)',
  },
  {
    ...SH,
    id: 'SH-2025-09',
    title: { 'zh-CN': '上海 2025年9月（双轨）', en: 'Shanghai September 2025 (dual track)' },
    month: '2025-09',
    pipeline: 'v1-ledger',
    rewardConfig: { key: 'SH-2025-09', version: 3 },
    activityCode: 'SH-SEP',
    recordLabel: 'SH-2025-09',
    legacy: { flavor: 'sh-sep', columns: 'sh-sep', header: 'sh-sep', contractCap: 40000, registeredAt: 'datetime' },
    messages: { announcement: 'sh-sep-legacy', award: 'with-order-type', awardsFrom: 'config' },
    badges: NO_BADGES,
    source: 'sales-reward-hub v2.1.0 legacy code (76601d3)',
  },
  {
    ...bjDb,
    id: 'BJ-2025-09@new',
    title: { 'zh-CN': '北京 2025年9月（数据库流水线）', en: 'Beijing September 2025 (database pipeline)' },
    month: '2025-09',
    rewardConfig: { key: 'BJ-2025-09', version: 3 },
    activityCode: 'BJ-SEP',
    db: { keyFormat: 'name', projectLimit: true, dualTrack: false, historical: true, parser: 'bj', historicalFromPcContractdocNum: true },
    messages: { announcement: 'bj-generic-new', award: 'with-order-type', awardsFrom: 'config' },
    source: 'sales-reward-hub new architecture as validated in September 2025',
  },
  {
    ...shDb,
    id: 'SH-2025-09@new',
    title: { 'zh-CN': '上海 2025年9月（数据库流水线）', en: 'Shanghai September 2025 (database pipeline)' },
    month: '2025-09',
    rewardConfig: { key: 'SH-2025-09', version: 3 },
    activityCode: 'SH-SEP',
    db: { keyFormat: 'name_org', projectLimit: false, dualTrack: true, historical: false, parser: 'sh' },
    messages: { announcement: 'sh-sep-new', award: 'with-order-type', awardsFrom: 'config' },
    source: 'sales-reward-hub new architecture as validated in September 2025',
  },
  {
    ...bjDb,
    id: 'BJ-2025-10',
    title: { 'zh-CN': '北京 2025年10月', en: 'Beijing October 2025' },
    month: '2025-10',
    rewardConfig: { key: 'BJ-2025-10', version: 2 },
    activityCode: 'BJ-OCT',
    db: { keyFormat: 'name', projectLimit: true, dualTrack: true, historical: false, parser: 'bj' },
    messages: { announcement: 'bj-oct', award: 'with-order-type', awardsFrom: 'config' },
  },
  { ...shDbOctober, id: 'SH-2025-10', title: { 'zh-CN': '上海 2025年10月', en: 'Shanghai October 2025' }, month: '2025-10', rewardConfig: { key: 'SH-2025-10', version: 1 }, activityCode: 'SH-OCT' },
  { ...shDbOctober, id: 'SH-2025-11', title: { 'zh-CN': '上海 2025年11月', en: 'Shanghai November 2025' }, month: '2025-11', rewardConfig: { key: 'SH-2025-11', version: 1 }, activityCode: 'SH-NOV' },
  { ...bjDbAnnouncementOnly, id: 'BJ-2025-11', title: { 'zh-CN': '北京 2025年11月（仅播报）', en: 'Beijing November 2025 (announcements only)' }, month: '2025-11', activityCode: 'BJ-NOV' },
  { ...bjDbAnnouncementOnly, id: 'BJ-2025-12', title: { 'zh-CN': '北京 2025年12月（仅播报）', en: 'Beijing December 2025 (announcements only)' }, month: '2025-12', activityCode: 'BJ-DEC' },
  {
    ...shDb,
    id: 'SH-2025-12',
    title: { 'zh-CN': '上海 2025年12月（仅播报）', en: 'Shanghai December 2025 (announcements only)' },
    month: '2025-12',
    rewardConfig: { key: 'SH-2025-12', version: 1 },
    activityCode: 'SH-DEC',
    db: { keyFormat: 'name_org', projectLimit: false, dualTrack: false, historical: false, parser: 'sh' },
    messages: { announcement: 'sh-sep-new', award: 'off', awardsFrom: 'config' },
  },
  {
    ...bjDbAnnouncementOnly,
    id: 'BJ-SIGN-BROADCAST',
    title: { 'zh-CN': '北京签约播报', en: 'Beijing sign broadcast' },
    activityCode: 'BJ-SIGN-BROADCAST-{YYYY-MM}',
    recipients: { group: 'sign-broadcast-group', award: 'campaign-contact-bj' },
    source: 'sales-reward-hub 2026 cloud (HEAD dd15903)',
  },
  {
    ...bjDb,
    id: 'BJ-PERFORMANCE-BROADCAST',
    title: { 'zh-CN': '北京业绩播报', en: 'Beijing performance broadcast' },
    rewardConfig: { key: 'BJ-PERFORMANCE-BROADCAST', version: 4 },
    activityCode: 'BJ-PERFORMANCE-BROADCAST-{YYYY-MM}',
    db: { keyFormat: 'name', projectLimit: false, dualTrack: false, historical: false, parser: 'bj', performanceBroadcast: true },
    messages: { announcement: 'bj-performance', award: 'off', awardsFrom: 'config' },
    recipients: { group: 'performance-broadcast-group', award: 'campaign-contact-bj' },
    source: 'sales-reward-hub 2026 cloud (HEAD dd15903)',
  },
];
