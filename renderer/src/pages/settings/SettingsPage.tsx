import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { GeneralSettings } from './GeneralSettings.js';
import { BackupSettings } from './BackupSettings.js';
import { SourcesSettings } from './SourcesSettings.js';
import { ChannelsSettings } from './channels/ChannelsSettings.js';
import { RecipientsSettings } from './channels/RecipientsSettings.js';
import { TemplatesSettings } from './channels/TemplatesSettings.js';
import { CampaignSettings } from './campaigns/CampaignSettings.js';

/** Settings tabs; capabilities add theirs (channels, recipients, data sources, campaigns). */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('channels');
  return (
    <Tabs
      items={[
        { key: 'general', label: t('tabs.general'), children: <GeneralSettings /> },
        { key: 'backups', label: t('tabs.backups'), children: <BackupSettings /> },
        { key: 'sources', label: t('sources:tab'), children: <SourcesSettings /> },
        { key: 'channels', label: <span data-testid="tab-channels">{tc('tabs.channels')}</span>, children: <ChannelsSettings /> },
        { key: 'recipients', label: <span data-testid="tab-recipients">{tc('tabs.recipients')}</span>, children: <RecipientsSettings /> },
        { key: 'templates', label: <span data-testid="tab-templates">{tc('tabs.templates')}</span>, children: <TemplatesSettings /> },
        { key: 'campaigns', label: <span data-testid="tab-campaigns">{t('campaigns:settings.tab')}</span>, children: <CampaignSettings /> },
      ]}
    />
  );
}
