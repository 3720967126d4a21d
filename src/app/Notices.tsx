import { useBasket, useBasketState } from '../bus';
import { downloadBackup } from '../features/backup/download';
import { useI18n } from '../i18n';

/** News in a polite status line; failures as an alert the person can dismiss. */
export function Notices() {
  const basket = useBasket();
  const notice = useBasketState((s) => s.notice);
  const { t, say } = useI18n();
  return (
    <div className="notices">
      <p role="status" className="status">
        {notice?.kind === 'status' ? say(notice.text) : ''}
      </p>
      {notice?.kind === 'alert' && (
        <div role="alert" className="alert" key={notice.id}>
          <span>{say(notice.text)}</span>
          {notice.offerExport && (
            <button
              type="button"
              onClick={() =>
                void downloadBackup(basket).catch((error: unknown) => {
                  console.error('Export failed', error);
                })
              }
            >
              {t('exportBackup')}
            </button>
          )}
          <button type="button" className="quiet" onClick={() => basket.dismissNotice()}>
            {t('dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
