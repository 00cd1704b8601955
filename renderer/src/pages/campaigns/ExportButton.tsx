import { useState } from 'react';
import { Alert, Button, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../main/api/contract/index.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { useAction } from '../../api/useAction.js';
import type { Selection } from './format.js';

type Exported = MethodOutput<'campaigns.export'>;

/** Hands a text to the browser as a file download (headless mode: the file lives on the server's disk). */
function download(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Writes the ledger in v1's columns to `<data>/exports/` and shows where; the desktop app opens the
 * folder, headless mode also offers the file as a download.
 */
export function ExportButton({ selection }: { selection: Selection }) {
  const { t } = useTranslation('campaigns');
  const act = useAction();
  const health = useApi('health', undefined, []);
  const [done, setDone] = useState<Exported>();
  const run = async () => setDone(await act(() => call('campaigns.export', selection)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Tooltip title={t('export.help')}>
        <Button icon={<DownloadOutlined />} onClick={() => void run()} data-testid="campaign-export">
          {t('export.button')}
        </Button>
      </Tooltip>
      {done ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(undefined)}
          data-testid="campaign-export-done"
          title={
            <Space wrap>
              {t('export.done', { rows: done.rows })}
              <Typography.Text code copyable data-testid="campaign-export-path">
                {done.file}
              </Typography.Text>
              {health.data?.mode === 'headless' ? (
                <Button size="small" onClick={() => void act(async () => download(done.name, (await call('campaigns.exportContent', { name: done.name })).content))} data-testid="campaign-export-download">
                  {t('export.download')}
                </Button>
              ) : (
                <Button size="small" onClick={() => void act(() => call('app.openPath', { target: 'data' }))}>
                  {t('export.openFolder')}
                </Button>
              )}
            </Space>
          }
        />
      ) : null}
    </Space>
  );
}
