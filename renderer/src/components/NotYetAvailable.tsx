import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function NotYetAvailable({ page }: { page: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('notYetAvailable.title')} subTitle={t('notYetAvailable.body', { page })} data-testid="not-yet-available" />;
}
