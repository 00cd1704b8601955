import type { z } from 'zod';
import type { AppStateSchema } from '../api/contract/system.js';

/**
 * The shell's own user-facing text (tray menu, tooltip, dialogs): the renderer's catalogues live
 * in the UI bundle, which the main process does not load. zh-CN first; `en` must have every key.
 */
export type ShellLanguage = 'zh-CN' | 'en';
type AppState = z.infer<typeof AppStateSchema>;

const zhCN = {
  openHerald: '打开 Herald',
  pauseAll: '全部暂停',
  resumeAll: '全部恢复',
  stopSending: '停止所有发送',
  resumeSending: '恢复发送（当前已停止，消息在等待）',
  sendingStoppedLine: '已停止所有发送，消息在等待',
  runJob: '立即运行任务',
  jobMode: '任务模式（影子）',
  modes: { control: '对照', shadow: '影子', candidate: '候选上线' },
  modeSwitchReason: '从托盘菜单切换',
  noJobs: '（暂无任务）',
  pausedSuffix: '（已暂停）',
  runningSuffix: '（运行中）',
  openLogs: '打开日志文件夹',
  quit: '退出',
  state: { ok: '运行正常', failed: '有失败', paused: '已暂停' } satisfies Record<AppState, string>,
  cannotStart: 'Herald 无法启动',
  alreadyRunning: 'Herald 已在运行',
};

export type ShellLabels = typeof zhCN;

const en: ShellLabels = {
  openHerald: 'Open Herald',
  pauseAll: 'Pause all',
  resumeAll: 'Resume all',
  stopSending: 'Stop all sending',
  resumeSending: 'Resume sending (stopped: messages wait)',
  sendingStoppedLine: 'Sending stopped: messages wait',
  runJob: 'Run job',
  jobMode: 'Job mode (shadow)',
  modes: { control: 'Control', shadow: 'Shadow', candidate: 'Candidate live' },
  modeSwitchReason: 'Switched from the tray menu',
  noJobs: '(no jobs yet)',
  pausedSuffix: ' (paused)',
  runningSuffix: ' (running)',
  openLogs: 'Open logs folder',
  quit: 'Quit',
  state: { ok: 'All good', failed: 'Something failed', paused: 'Paused' },
  cannotStart: 'Herald cannot start',
  alreadyRunning: 'Herald is already running',
};

const catalogue: Record<ShellLanguage, ShellLabels> = { 'zh-CN': zhCN, en };

export function shellLabels(language: ShellLanguage): ShellLabels {
  return catalogue[language];
}

/** Before the settings can be read (start-up errors), the OS locale decides. */
export function languageForLocale(locale: string): ShellLanguage {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
