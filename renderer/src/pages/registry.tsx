import type { ComponentType, ReactNode } from 'react';
import {
  CalendarOutlined,
  HistoryOutlined,
  MailOutlined,
  DiffOutlined,
  TrophyOutlined,
  SettingOutlined,
  FileTextOutlined,
} from '@ant-design/icons';
import { SettingsPage } from './settings/SettingsPage.js';
import { LogsPage } from './logs/LogsPage.js';
import { ShadowPage } from './shadow/ShadowPage.js';
import { JobsPage } from './jobs/JobsPage.js';
import { RunsPage } from './runs/RunsPage.js';
import { OutboxPage } from './outbox/OutboxPage.js';
import { CampaignsPage } from './campaigns/CampaignsPage.js';

export interface PageEntry {
  key: string;
  icon: ReactNode;
  component: ComponentType;
}

/** The navigation, in order. Each page lives in `pages/<key>/`. */
export const pages: PageEntry[] = [
  { key: 'jobs', icon: <CalendarOutlined />, component: JobsPage },
  { key: 'runs', icon: <HistoryOutlined />, component: RunsPage },
  { key: 'outbox', icon: <MailOutlined />, component: OutboxPage },
  { key: 'shadow', icon: <DiffOutlined />, component: ShadowPage },
  { key: 'campaigns', icon: <TrophyOutlined />, component: CampaignsPage },
  { key: 'settings', icon: <SettingOutlined />, component: SettingsPage },
  { key: 'logs', icon: <FileTextOutlined />, component: LogsPage },
];
