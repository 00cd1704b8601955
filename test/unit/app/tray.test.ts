import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Tray, resetElectron, type FakeMenu } from '../../fakes/electron/index.js';
import { TrayManager, trayMenuTemplate, trayTooltip, type TrayCallbacks, type TrayStatus } from '../../../main/app/tray.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

const jobs = [
  { id: 'sla-report', title: 'SLA report', enabled: true, paused: false },
  { id: 'pending-orders', title: 'Pending orders', enabled: true, paused: true },
  { id: 'old-sync', title: 'Old sync', enabled: false, paused: false },
];

function status(over: Partial<TrayStatus> = {}): TrayStatus {
  return { state: 'ok', pausedAll: false, runningJobs: [], failures: [], jobs, shadowJobs: [], sendingEnabled: true, language: 'en', ...over };
}

function callbacks(): TrayCallbacks & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    openWindow: () => calls.push('open'),
    pauseAll: () => calls.push('pause'),
    resumeAll: () => calls.push('resume'),
    setSendingEnabled: (enabled) => calls.push(enabled ? 'sending-on' : 'sending-off'),
    runJob: (id) => calls.push(`run:${id}`),
    setMode: (id, mode) => calls.push(`mode:${id}:${mode}`),
    openLogsFolder: () => calls.push('logs'),
    quit: () => calls.push('quit'),
  };
}

type Item = { id?: string; label?: string; enabled?: boolean; type?: string; checked?: boolean; submenu?: Item[]; click?: () => void };
const items = (menu: FakeMenu | undefined) => (menu?.template ?? []) as Item[];
const byId = (list: Item[], id: string) => list.find((i) => i.id === id);

beforeEach(() => resetElectron());

describe('tray menu', () => {
  it('lists Open Herald, Pause all, Stop all sending, Run job, Open logs folder and Quit, in English', () => {
    const menu = trayMenuTemplate(status(), callbacks()) as Item[];
    expect(menu.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Open Herald', 'Pause all', 'Stop all sending', 'Run job', 'Open logs folder', 'Quit']);
  });

  it('uses the zh-CN labels when the language is zh-CN', () => {
    const menu = trayMenuTemplate(status({ language: 'zh-CN', jobs: [] }), callbacks()) as Item[];
    expect(menu.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['打开 Herald', '全部暂停', '停止所有发送', '立即运行任务', '打开日志文件夹', '退出']);
  });

  it('offers Resume sending, saying sending is stopped, while the stop-all-sending switch is on', () => {
    const cb = callbacks();
    const sending = trayMenuTemplate(status(), cb) as Item[];
    expect(byId(sending, 'resume-sending')).toBeUndefined();
    byId(sending, 'stop-sending')!.click!();
    const stopped = trayMenuTemplate(status({ sendingEnabled: false }), cb) as Item[];
    expect(byId(stopped, 'stop-sending')).toBeUndefined();
    expect(byId(stopped, 'resume-sending')!.label).toBe('Resume sending (stopped: messages wait)');
    byId(stopped, 'resume-sending')!.click!();
    expect(cb.calls).toEqual(['sending-off', 'sending-on']);
    const zh = trayMenuTemplate(status({ sendingEnabled: false, language: 'zh-CN' }), cb) as Item[];
    expect(byId(zh, 'resume-sending')!.label).toBe('恢复发送（当前已停止，消息在等待）');
  });

  it('offers Resume all instead of Pause all when everything is paused', () => {
    const cb = callbacks();
    const menu = trayMenuTemplate(status({ pausedAll: true, state: 'paused' }), cb) as Item[];
    expect(byId(menu, 'pause-all')).toBeUndefined();
    byId(menu, 'resume-all')!.click!();
    const unpaused = trayMenuTemplate(status(), cb) as Item[];
    expect(byId(unpaused, 'resume-all')).toBeUndefined();
    byId(unpaused, 'pause-all')!.click!();
    expect(cb.calls).toEqual(['resume', 'pause']);
  });

  it('lists the jobs to run: disabled and running jobs cannot be started, paused ones are marked', () => {
    const cb = callbacks();
    const menu = trayMenuTemplate(status({ runningJobs: [{ jobId: 'sla-report', runId: 7 }] }), cb) as Item[];
    const sub = byId(menu, 'run-job')!.submenu!;
    expect(sub.map((i) => [i.label, i.enabled])).toEqual([
      ['SLA report (running)', false],
      ['Pending orders (paused)', true],
      ['Old sync', false],
    ]);
    sub[1]!.click!();
    byId(menu, 'open')!.click!();
    byId(menu, 'open-logs')!.click!();
    byId(menu, 'quit')!.click!();
    expect(cb.calls).toEqual(['run:pending-orders', 'open', 'logs', 'quit']);
  });

  it('offers job ▸ mode for jobs with two pipelines: the current mode checked, a click switches', () => {
    const cb = callbacks();
    const shadowJobs = [
      { id: 'campaign-sh-2025-09', title: 'Shanghai September', mode: 'shadow' as const },
      { id: 'campaign-bj-2025-09', title: 'Beijing September', mode: 'control' as const },
    ];
    const menu = trayMenuTemplate(status({ shadowJobs }), cb) as Item[];
    expect(menu.filter((i) => i.type !== 'separator').map((i) => i.label)).toEqual(['Open Herald', 'Pause all', 'Stop all sending', 'Run job', 'Job mode (shadow)', 'Open logs folder', 'Quit']);
    const jobs = byId(menu, 'job-mode')!.submenu!;
    expect(jobs.map((j) => j.label)).toEqual(['Shanghai September: Shadow', 'Beijing September: Control']);
    expect(jobs[0]!.submenu!.map((m) => [m.label, m.type, m.checked])).toEqual([
      ['Control', 'radio', false],
      ['Shadow', 'radio', true],
      ['Candidate live', 'radio', false],
    ]);
    jobs[0]!.submenu![0]!.click!();
    jobs[0]!.submenu![1]!.click!(); // already in shadow mode: nothing to switch
    jobs[1]!.submenu![2]!.click!();
    expect(cb.calls).toEqual(['mode:campaign-sh-2025-09:control', 'mode:campaign-bj-2025-09:candidate']);
    const zh = trayMenuTemplate(status({ shadowJobs, language: 'zh-CN' }), cb) as Item[];
    expect(byId(zh, 'job-mode')!.label).toBe('任务模式（影子）');
    expect(byId(zh, 'job-mode')!.submenu![0]!.submenu!.map((m) => m.label)).toEqual(['对照', '影子', '候选上线']);
  });

  it('disables Run job with a placeholder while there are no jobs', () => {
    const menu = trayMenuTemplate(status({ jobs: [] }), callbacks()) as Item[];
    const run = byId(menu, 'run-job')!;
    expect(run.enabled).toBe(false);
    expect(run.submenu).toEqual([{ label: '(no jobs yet)', enabled: false }]);
  });
});

describe('tray tooltip', () => {
  it('names the state and each running job with its progress', () => {
    const text = trayTooltip(status({ runningJobs: [{ jobId: 'sla-report', runId: 3, progress: '40/120 rows' }, { jobId: 'unknown-job', runId: 4 }] }));
    expect(text).toBe('Herald — All good\nSLA report: 40/120 rows\nunknown-job (running)');
  });

  it('says when all sending is stopped', () => {
    expect(trayTooltip(status({ sendingEnabled: false }))).toBe('Herald — All good\nSending stopped: messages wait');
    expect(trayTooltip(status({ sendingEnabled: false, language: 'zh-CN' }))).toBe('Herald — 运行正常\n已停止所有发送，消息在等待');
  });

  it('stays within the 127 characters Windows shows', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ jobId: `job-${i}`, runId: i, progress: 'a long progress text' }));
    const text = trayTooltip(status({ runningJobs: many }));
    expect(text.length).toBe(127);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('TrayManager', () => {
  it('shows the icon of the state and switches to the failed icon when something fails', () => {
    const manager = new TrayManager(callbacks(), status());
    const tray = Tray.created[0]!;
    expect(path.basename((tray.image as { path: string }).path)).toBe('tray-ok.png');
    manager.update(status({ state: 'failed', failures: [{ kind: 'run', summary: 'SLA report failed', at: '2026-11-25T09:00:00Z' }] }));
    expect(path.basename((tray.image as { path: string }).path)).toBe('tray-failed.png');
    expect(tray.tooltip).toBe('Herald — Something failed');
    manager.update(status({ state: 'paused', pausedAll: true }));
    expect(path.basename((tray.image as { path: string }).path)).toBe('tray-paused.png');
    expect(byId(items(tray.menu), 'resume-all')?.label).toBe('Resume all');
  });

  it('opens the window on a click on the icon, and is gone after destroy', () => {
    const cb = callbacks();
    const manager = new TrayManager(cb, status());
    const tray = Tray.created[0]!;
    tray.emit('click');
    expect(cb.calls).toEqual(['open']);
    manager.destroy();
    expect(tray.isDestroyed()).toBe(true);
    manager.update(status({ state: 'failed' }));
    expect(path.basename((tray.image as { path: string }).path)).toBe('tray-ok.png');
  });
});
