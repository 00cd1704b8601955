import path from 'node:path';
import { Notification } from 'electron';
import type { EventBus } from '../core/events.js';
import { resourcesDir } from '../core/app-info.js';

/**
 * A Windows notification for every alert the core raises (a run failed, a message went dead),
 * so the user learns of it with the window closed. Clicking it opens Herald.
 */
export function showAlertNotifications(events: EventBus, onClick: () => void): () => void {
  return events.subscribe((event) => {
    if (event.type !== 'alert' || !Notification.isSupported()) return;
    const notification = new Notification({ title: event.title, body: event.body, icon: path.join(resourcesDir, 'icon.png') });
    notification.on('click', onClick);
    notification.show();
  });
}
