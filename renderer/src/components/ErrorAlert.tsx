import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client.js';

/** Shows an API error: the catalogue's text for its code when there is one, else the core's sentence. */
export function ErrorAlert({ error }: { error: ApiCallError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text = error.code === 'UNAUTHORIZED' ? t('unauthorized') : t(`errors.${error.code}`, { defaultValue: t('error.generic', { message: error.message }), ...error.context });
  return <Alert type="error" showIcon title={text} style={{ marginBottom: 16 }} data-testid="error-alert" />;
}
