import path from 'node:path';
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { Status } from '../core/status.js';
import { resourcesDir } from '../core/app-info.js';
import { shellLabels, type ShellLanguage } from './labels.js';

/** A job as the tray lists it under "Run job". */
export interface TrayJob {
  id: string;
  title: string;
  enabled: boolean;
  paused: boolean;
}

export type TrayMode = 'control' | 'shadow' | 'candidate';
export const TRAY_MODES: readonly TrayMode[] = ['control', 'shadow', 'candidate'];

/** A job the tray offers a mode switch for (shadow mode): it has two pipelines, or an external command. */
export interface TrayShadowJob {
  id: string;
  title: string;
  mode: TrayMode;
}

/** Everything the tray shows; it is rebuilt from scratch whenever this changes. */
export interface TrayStatus extends Status {
  jobs: TrayJob[];
  shadowJobs: TrayShadowJob[];
  /** The outbox's global switch: off = every message waits (nothing is lost). */
  sendingEnabled: boolean;
  language: ShellLanguage;
}

/** What the tray can ask for; it knows nothing else about Herald. */
export interface TrayCallbacks {
  openWindow(): void;
  pauseAll(): void;
  resumeAll(): void;
  /** The outbox's "stop all sending" switch. */
  setSendingEnabled(enabled: boolean): void;
  runJob(jobId: string): void;
  /** Shadow mode: switch a job's mode from its next run on. */
  setMode(jobId: string, mode: TrayMode): void;
  openLogsFolder(): void;
  quit(): void;
}

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

export function trayIconFile(state: Status['state'], dir = resourcesDir): string {
  return path.join(dir, `tray-${state}.png`);
}

export function trayTooltip(status: TrayStatus): string {
  const labels = shellLabels(status.language);
  const titles = new Map(status.jobs.map((j) => [j.id, j.title]));
  const lines = [`Herald — ${labels.state[status.state]}`];
  if (!status.sendingEnabled) lines.push(labels.sendingStoppedLine);
  for (const run of status.runningJobs) {
    lines.push(`${titles.get(run.jobId) ?? run.jobId}${run.progress ? `: ${run.progress}` : labels.runningSuffix}`);
  }
  const text = lines.join('\n');
  return text.length > TOOLTIP_MAX ? `${text.slice(0, TOOLTIP_MAX - 1)}…` : text;
}

export function trayMenuTemplate(status: TrayStatus, callbacks: TrayCallbacks): MenuItemConstructorOptions[] {
  const labels = shellLabels(status.language);
  const running = new Set(status.runningJobs.map((r) => r.jobId));
  const jobItems: MenuItemConstructorOptions[] = status.jobs.map((job) => ({
    id: `run:${job.id}`,
    label: `${job.title}${running.has(job.id) ? labels.runningSuffix : job.paused ? labels.pausedSuffix : ''}`,
    enabled: job.enabled && !running.has(job.id),
    click: () => callbacks.runJob(job.id),
  }));
  // Job ▸ mode, as radio items: one click switches (and rolls back), from the job's next run on.
  const modeItems: MenuItemConstructorOptions[] = status.shadowJobs.map((job) => ({
    id: `mode:${job.id}`,
    label: `${job.title}: ${labels.modes[job.mode]}`,
    submenu: TRAY_MODES.map((mode) => ({
      id: `mode:${job.id}:${mode}`,
      label: labels.modes[mode],
      type: 'radio' as const,
      checked: job.mode === mode,
      click: () => {
        if (job.mode !== mode) callbacks.setMode(job.id, mode);
      },
    })),
  }));
  return [
    { id: 'open', label: labels.openHerald, click: () => callbacks.openWindow() },
    { type: 'separator' },
    status.pausedAll
      ? { id: 'resume-all', label: labels.resumeAll, click: () => callbacks.resumeAll() }
      : { id: 'pause-all', label: labels.pauseAll, click: () => callbacks.pauseAll() },
    status.sendingEnabled
      ? { id: 'stop-sending', label: labels.stopSending, click: () => callbacks.setSendingEnabled(false) }
      : { id: 'resume-sending', label: labels.resumeSending, click: () => callbacks.setSendingEnabled(true) },
    {
      id: 'run-job',
      label: labels.runJob,
      enabled: jobItems.length > 0,
      submenu: jobItems.length > 0 ? jobItems : [{ label: labels.noJobs, enabled: false }],
    },
    ...(modeItems.length ? [{ id: 'job-mode', label: labels.jobMode, submenu: modeItems }] : []),
    { type: 'separator' },
    { id: 'open-logs', label: labels.openLogs, click: () => callbacks.openLogsFolder() },
    { id: 'quit', label: labels.quit, click: () => callbacks.quit() },
  ];
}

/**
 * The tray icon: its picture shows the state (ok / failed / paused), its tooltip the state and
 * running jobs, its menu is rebuilt from the status on every update. A click opens the window.
 */
export class TrayManager {
  private readonly tray: Tray;
  private shownState: Status['state'] | undefined;

  constructor(private readonly callbacks: TrayCallbacks, initial: TrayStatus) {
    this.tray = new Tray(nativeImage.createFromPath(trayIconFile(initial.state)));
    this.shownState = initial.state;
    this.tray.on('click', () => this.callbacks.openWindow());
    this.update(initial);
  }

  update(status: TrayStatus): void {
    if (this.tray.isDestroyed()) return;
    if (status.state !== this.shownState) {
      this.tray.setImage(nativeImage.createFromPath(trayIconFile(status.state)));
      this.shownState = status.state;
    }
    this.tray.setToolTip(trayTooltip(status));
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, this.callbacks)));
  }

  destroy(): void {
    if (!this.tray.isDestroyed()) this.tray.destroy();
  }
}
