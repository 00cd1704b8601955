import { EventEmitter } from 'node:events';

/**
 * System power and session events, as the desktop shell sees them (Electron's powerMonitor),
 * forwarded to the core so the scheduler can rescan after sleep. Headless mode has no source of
 * these; the scheduler's periodic wall-clock check covers it.
 */
export interface PowerEventMap {
  suspend: [];
  resume: [];
  'lock-screen': [];
  'unlock-screen': [];
  shutdown: [];
}

export class PowerEvents extends EventEmitter<PowerEventMap> {
  /** Whether the user's session is locked (desktop automation must not type into a locked session). */
  locked = false;

  constructor() {
    super();
    this.on('lock-screen', () => (this.locked = true));
    this.on('unlock-screen', () => (this.locked = false));
  }
}
