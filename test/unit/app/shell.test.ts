import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, dialog, FakeEvent, ipcMain, Notification, powerMonitor, powerSaveBlocker, protocol, resetElectron, Tray } from '../../fakes/electron/index.js';
import { startDesktopShell, type DesktopShell } from '../../../main/app/shell.js';
import { APP_ID } from '../../../main/app/app-id.js';
import { methodNames } from '../../../main/api/contract/index.js';
import { LOCK_FILE_NAME } from '../../../main/db/data-folder-lock.js';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { tempDir } from '../../helpers/tmp.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

const UI = 'app://herald/index.html';
const started: DesktopShell[] = [];
const flush = () => new Promise((resolve) => setImmediate(resolve));
/** Invalidations are coalesced for 150 ms before listeners see them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

async function start(extra: string[] = []): Promise<DesktopShell> {
  const dataDir = tempDir();
  const shell = await startDesktopShell(['electron', '/app/out/main/app/main.js', '--data-dir', dataDir, ...extra]);
  if (!shell) throw new Error('the shell did not start');
  started.push(shell);
  return shell;
}

type Item = { id?: string; label?: string; checked?: boolean; submenu?: Item[]; click?: () => void };
const trayItems = () => (Tray.created[0]!.menu!.template as Item[]);

beforeEach(() => resetElectron());
afterEach(async () => {
  for (const s of started.splice(0)) await s.quit();
});

describe('desktop shell start', () => {
  it('opens the core in app mode, serves every method over IPC and shows the window and the tray', async () => {
    const shell = await start();
    await flush();
    expect(app.paths.get('userData')).toBe(shell.herald.paths.dataDir);
    expect(app.userModelId).toBe(APP_ID);
    expect(app.sandboxEnabled).toBe(true);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(ipcMain.handlers.size).toBe(methodNames.length);
    const health = await ipcMain.invoke('herald:health', UI, {});
    expect(health).toMatchObject({ ok: true, data: { mode: 'app', dataDir: shell.herald.paths.dataDir } });
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]!.visible).toBe(true);
    expect(path.basename(Tray.created[0]!.image.path)).toBe('tray-ok.png');
    expect(Tray.created[0]!.tooltip).toBe('Herald — 运行正常');
    expect(app.loginItem).toMatchObject({ openAtLogin: false });
  });

  it('stays in the tray when started at login', async () => {
    await start(['--hidden']);
    await flush();
    expect(BrowserWindow.created).toHaveLength(0);
    expect(Tray.created).toHaveLength(1);
  });

  it('focuses the existing window when Herald is launched a second time', async () => {
    await start(['--hidden']);
    app.emit('second-instance', new FakeEvent(), ['Herald.exe'], 'C:\\');
    await flush();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(BrowserWindow.created[0]!.visible).toBe(true);
    expect(BrowserWindow.created[0]!.focused).toBe(true);
  });

  it('quits at once when another launch holds the single-instance lock', async () => {
    app.singleInstanceAvailable = false;
    const dataDir = tempDir();
    expect(await startDesktopShell(['Herald.exe', '--data-dir', dataDir])).toBeUndefined();
    expect(app.quitted).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'herald.sqlite'))).toBe(false);
  });

  it('names the holder in a dialog and quits when another Herald holds the data folder', async () => {
    const dataDir = tempDir();
    const holder = { pid: process.ppid, purpose: 'headless', hostname: os.hostname(), startedAt: '2026-11-25T08:00:00.000Z' };
    fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify(holder));
    expect(await startDesktopShell(['Herald.exe', '--data-dir', dataDir])).toBeUndefined();
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]!.title).toBe('Herald 已在运行');
    expect(dialog.errors[0]!.content).toContain(`headless, PID ${process.ppid}`);
    expect(app.quitted).toBe(true);
    expect(Tray.created).toHaveLength(0);
  });
});

describe('desktop shell at work', () => {
  it('applies start-at-login and the language when the settings change', async () => {
    await start();
    await ipcMain.invoke('herald:settings.set', UI, { startAtLogin: true, language: 'en' });
    await settle();
    expect(app.loginItem).toMatchObject({ openAtLogin: true, path: process.execPath });
    expect((app.loginItem!.args as string[]).at(-1)).toBe('--hidden');
    expect(trayItems()[0]!.label).toBe('Open Herald');
  });

  it('keeps the PC awake while a run is in progress and shows it in the tooltip', async () => {
    const shell = await start();
    let running = [{ jobId: 'sla-report', runId: 1, progress: '3/10 cards' }];
    shell.herald.status.contribute(() => ({ runningJobs: running }));
    shell.herald.events.invalidate('runs', '1');
    await settle();
    expect([...powerSaveBlocker.active.values()]).toEqual(['prevent-app-suspension']);
    expect(Tray.created[0]!.tooltip).toBe('Herald — 运行正常\nsla-report: 3/10 cards');
    running = [];
    shell.herald.events.invalidate('runs', '1');
    await settle();
    expect(powerSaveBlocker.active.size).toBe(0);
  });

  it('turns the tray icon to failed when the core reports a failure', async () => {
    const shell = await start();
    shell.herald.status.contribute(() => ({ failures: [{ kind: 'run', summary: 'SLA report failed', at: '2026-11-25T09:00:00Z' }] }));
    shell.herald.events.invalidate('status');
    await settle();
    expect(path.basename(Tray.created[0]!.image.path)).toBe('tray-failed.png');
  });

  it('forwards live events and log lines to the window', async () => {
    const shell = await start();
    await flush();
    shell.herald.log.info('hello from the core');
    const sent = BrowserWindow.created[0]!.webContents.sent;
    expect(sent.some((s) => s.channel === 'herald:event' && (s.payload as { entry?: { message: string } }).entry?.message === 'hello from the core')).toBe(true);
  });

  it('notifies alerts and forwards resume to the core', async () => {
    const shell = await start();
    shell.herald.events.emit({ type: 'alert', kind: 'message-dead', title: 'Message dead', body: 'WeCom refused it.' });
    expect(Notification.shown.map((n) => n.options.title)).toEqual(['Message dead']);
    const resumed = vi.fn();
    shell.herald.power.on('resume', resumed);
    powerMonitor.emit('resume');
    expect(resumed).toHaveBeenCalledTimes(1);
  });

  it('pauses all jobs from the tray and the menu turns to "resume all"', async () => {
    const shell = await start();
    trayItems().find((i) => i.id === 'pause-all')!.click!();
    await settle();
    await expect.poll(() => shell.herald.status.current().pausedAll).toBe(true);
    await expect.poll(() => trayItems().some((i) => i.id === 'resume-all')).toBe(true);
    expect(await ipcMain.invoke('herald:health', UI, {})).toMatchObject({ ok: true });
  });

  it('stops all sending from the tray: messages wait; resuming from the tray delivers them', async () => {
    const shell = await start();
    const { db } = shell.herald;
    await ipcMain.invoke('herald:recipients.save', UI, { id: 'ops', route: [{ channel: 'DRY_RUN', address: 'ops' }] });
    await expect.poll(() => trayItems().find((i) => i.id === 'stop-sending')?.label).toBe('停止所有发送');
    trayItems().find((i) => i.id === 'stop-sending')!.click!();
    await expect.poll(() => trayItems().find((i) => i.id === 'resume-sending')?.label).toBe('恢复发送（当前已停止，消息在等待）');
    expect(Tray.created[0]!.tooltip).toBe('Herald — 运行正常\n已停止所有发送，消息在等待');
    expect(await ipcMain.invoke('herald:outbox.stats', UI, {})).toMatchObject({ ok: true, data: { sendingEnabled: false } });
    const { id } = enqueueMessage(db, { businessType: 'test', businessId: 'tray-stop', recipient: 'ops', content: { kind: 'text', text: 'waits for the switch' } });
    shell.herald.events.invalidate('outbox', id);
    await settle();
    await settle();
    const status = () => (db.prepare('SELECT status FROM messages WHERE id = ?').get(id) as { status: string }).status;
    expect(status()).toBe('pending');
    trayItems().find((i) => i.id === 'resume-sending')!.click!();
    await expect.poll(() => status(), { timeout: 10_000 }).toBe('sent');
    await expect.poll(() => trayItems().some((i) => i.id === 'stop-sending')).toBe(true);
  });

  it('switches a job’s shadow mode from the tray (job ▸ mode), recorded as via the tray', async () => {
    const shell = await start();
    const modeOf = (jobId: string) => trayItems().find((i) => i.id === 'job-mode')?.submenu?.find((j) => j.id === `mode:${jobId}`);
    await expect.poll(() => modeOf('campaign-sh-2025-09')?.submenu?.find((m) => m.checked)?.id).toBe('mode:campaign-sh-2025-09:control');
    modeOf('campaign-sh-2025-09')!.submenu!.find((m) => m.id === 'mode:campaign-sh-2025-09:shadow')!.click!();
    await settle();
    await expect.poll(() => modeOf('campaign-sh-2025-09')?.submenu?.find((m) => m.checked)?.id).toBe('mode:campaign-sh-2025-09:shadow');
    const history = await ipcMain.invoke('herald:shadow.history', UI, { jobId: 'campaign-sh-2025-09' });
    const { changes } = (history as { data: { changes: Array<Record<string, unknown>> } }).data;
    expect(changes[0]).toMatchObject({ fromMode: 'control', toMode: 'shadow', toCandidate: 'v1-db', actor: 'tray', reason: '从托盘菜单切换' });
    expect(shell.herald.db.prepare("SELECT mode FROM shadow_jobs WHERE job_id = 'campaign-sh-2025-09'").get()).toEqual({ mode: 'shadow' });
  });

  it('closes the core and releases the data folder on quit', async () => {
    const shell = await start();
    const lock = path.join(shell.herald.paths.dataDir, LOCK_FILE_NAME);
    expect(fs.existsSync(lock)).toBe(true);
    app.quit();
    expect(app.quitted).toBe(false);
    await shell.quit();
    await flush();
    expect(app.quitted).toBe(true);
    expect(fs.existsSync(lock)).toBe(false);
    expect(Tray.created[0]!.isDestroyed()).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
