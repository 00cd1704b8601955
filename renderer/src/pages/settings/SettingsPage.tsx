import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { GeneralSettings } from './GeneralSettings.js';
import { BackupSettings } from './BackupSettings.js';
import { SourcesSettings } from './SourcesSettings.js';

/** Settings tabs; capabilities add theirs (channels, recipients, data sources, campaigns). */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Tabs
      items={[
        { key: 'general', label: t('tabs.general'), children: <GeneralSettings /> },
        { key: 'backups', label: t('tabs.backups'), children: <BackupSettings /> },
        { key: 'sources', label: t('sources:tab'), children: <SourcesSettings /> },
      ]}
    />
  );
}
