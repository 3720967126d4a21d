import { useI18n } from '../../i18n';
import { useHousehold } from './useHousehold';

/** One line: Synced, Syncing…, or Offline with what waits. Nothing when no household is joined. */
export function SyncStatus() {
  const { status } = useHousehold();
  const { t } = useI18n();
  if (!status) return null;
  const text =
    status.state === 'synced'
      ? t('synced')
      : status.state === 'syncing'
        ? t('syncingNow')
        : t('syncOffline', { count: status.pending });
  return (
    <p role="status" className="sync-status">
      {text}
    </p>
  );
}
