import { useState } from 'react';
import { Button, Card, Collapse, List, Space, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChannelType } from '../../../../../main/api/contract/channel-model.js';
import { call } from '../../../api/client.js';
import { useApi } from '../../../api/hooks.js';
import { useAction } from '../../../api/useAction.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatDateTime } from '../../../format/time.js';
import { ChannelForm } from './ChannelForm.js';
import { TestSendModal } from './TestSendModal.js';

/** Settings → Channels: each channel's state, settings, test send and latest errors. */
export function ChannelsSettings() {
  const { t } = useTranslation('channels');
  const { t: to } = useTranslation('outbox');
  const act = useAction();
  const channels = useApi('channels.list', undefined, ['channels', 'outbox']);
  const [testing, setTesting] = useState<ChannelType>();

  const toggle = async (type: ChannelType, enabled: boolean) => {
    if (await act(() => call('channels.update', { type, enabled }))) channels.reload();
  };

  return (
    <Card>
      <ErrorAlert error={channels.error} />
      <Collapse
        data-testid="channels-list"
        items={(channels.data?.channels ?? []).map((c) => ({
          key: c.type,
          label: (
            <Space data-testid={`channel-${c.type}`}>
              <Typography.Text strong>{to(`channel.${c.type}`)}</Typography.Text>
              {!c.enabled ? <Tag>{t('disabled')}</Tag> : c.unconfigured ? <Tag color="orange">{c.unconfigured}</Tag> : <Tag color="green">{t('ready')}</Tag>}
              {c.lastErrors.length ? <Tag color="red">{t('errors', { n: c.lastErrors.length })}</Tag> : null}
            </Space>
          ),
          extra: (
            <Space onClick={(e) => e.stopPropagation()}>
              <Button size="small" onClick={() => setTesting(c.type)} data-testid={`test-send-${c.type}`}>
                {t('test.button')}
              </Button>
              <Switch size="small" checked={c.enabled} onChange={(v) => void toggle(c.type, v)} />
            </Space>
          ),
          children: (
            <>
              <ChannelForm key={JSON.stringify(c.settings) + JSON.stringify(c.secrets)} channel={c} onSaved={channels.reload} />
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('lastErrors')}
              </Typography.Title>
              <List
                size="small"
                data-testid={`last-errors-${c.type}`}
                locale={{ emptyText: t('noErrors') }}
                dataSource={c.lastErrors}
                renderItem={(e) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <Space>
                        <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                        <Typography.Text code>{e.messageId}</Typography.Text>
                        {e.code ? <Tag color="orange">{e.code}</Tag> : null}
                      </Space>
                      <Typography.Text>{e.detail}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </>
          ),
        }))}
      />
      {testing ? <TestSendModal channel={testing} onClose={() => setTesting(undefined)} /> : null}
    </Card>
  );
}
