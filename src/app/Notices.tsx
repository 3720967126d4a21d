import { useBasket, useBasketState } from '../bus';
import { downloadBackup } from '../features/backup/download';

/** News in a polite status line; failures as an alert the person can dismiss. */
export function Notices() {
  const basket = useBasket();
  const notice = useBasketState((s) => s.notice);
  return (
    <div className="notices">
      <p role="status" className="status">
        {notice?.kind === 'status' ? notice.text : ''}
      </p>
      {notice?.kind === 'alert' && (
        <div role="alert" className="alert" key={notice.id}>
          <span>{notice.text}</span>
          {notice.offerExport && (
            <button
              type="button"
              onClick={() =>
                void downloadBackup(basket).catch((error: unknown) => {
                  console.error('Export failed', error);
                })
              }
            >
              Export backup
            </button>
          )}
          <button type="button" className="quiet" onClick={() => basket.dismissNotice()}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
