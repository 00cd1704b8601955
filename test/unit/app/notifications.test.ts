import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Notification, resetElectron } from '../../fakes/electron/index.js';
import { showAlertNotifications } from '../../../main/app/notifications.js';
import { EventBus } from '../../../main/core/events.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

describe('alert notifications', () => {
  it('shows a notification for each alert, and a click opens Herald', () => {
    const events = new EventBus();
    const open = vi.fn();
    showAlertNotifications(events, open);
    events.emit({ type: 'alert', kind: 'run-failed', title: 'Run failed: SLA report', body: 'Metabase card 812 did not answer.' });
    events.emit({ type: 'alert', kind: 'message-dead', title: 'Message dead', body: 'WeCom robot rejected the message.' });
    expect(Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['Run failed: SLA report', 'Metabase card 812 did not answer.'],
      ['Message dead', 'WeCom robot rejected the message.'],
    ]);
    Notification.shown[0]!.emit('click');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('ignores invalidations, and shows nothing where notifications are unsupported', () => {
    const events = new EventBus();
    showAlertNotifications(events, () => undefined);
    events.emit({ type: 'invalidate', topic: 'runs' });
    Notification.supported = false;
    events.emit({ type: 'alert', kind: 'run-failed', title: 't', body: 'b' });
    expect(Notification.shown).toEqual([]);
  });
});
