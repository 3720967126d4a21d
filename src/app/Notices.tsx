import { useEffect, useRef, useState } from 'react';
import { useBasket, useBasketState, type Basket } from '../bus';
import { downloadBackup } from '../features/backup/download';
import { useI18n } from '../i18n';
import { ownTop, type BasketState, type Notice } from '../model';

/** News stays this long on screen (ms), an action's longer so its Undo can be reached. */
const NEWS_MS = 4000;
const UNDO_MS = 7000;

interface News {
  readonly notice: Notice;
  /** The action of this tab's the notice tells of, when it came with one: what Undo takes back. */
  readonly action: BasketState['lastAction'];
}

/**
 * What just happened and what failed, together near the thumb: a snackbar ("Deleted Milk ·
 * Undo") just above the docked add bar on a phone, at the foot of the screen on a desktop, and
 * any alert above it until dismissed. The snackbar goes after a few seconds, not while the
 * pointer or focus is on it; its Undo takes back exactly the action it names.
 */
export function Notices() {
  const basket = useBasket();
  const notice = useBasketState((s) => s.notice);
  const [news, setNews] = useNews(basket);
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const card = useRef<HTMLDivElement>(null);
  const dock = useDockHeight();
  const { t, say } = useI18n();
  const action = news?.action ?? null;
  const entry = useBasketState((s) =>
    action ? ownTop(s.list.stacks.get(action.streamId)?.undo ?? [], s.device) : undefined,
  );
  const undoable = action && entry?.id === action.actionId ? entry : undefined;

  const stay = held.pointer || held.focus;
  useEffect(() => {
    if (!news || stay) return;
    const timer = setTimeout(() => setNews(null), news.action ? UNDO_MS : NEWS_MS);
    return () => clearTimeout(timer);
  }, [news, stay, setNews]);

  async function undo() {
    if (!action) return;
    // The button goes with the action it undid: focus stays on the news, which says so.
    card.current?.focus();
    const outcome = await basket.dispatch({ type: 'Undo', ...action });
    if (outcome.ok && action.streamId !== basket.getState().currentList) {
      basket.selectList(action.streamId);
    }
  }

  return (
    <div className="notices" style={dock ? { bottom: dock } : undefined}>
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
      {/* Always there, so what comes into its status line is announced; only the words are,
          the Undo beside them is a button of its own, named by what it takes back. */}
      <div
        ref={card}
        className={news ? 'snackbar shown' : 'snackbar'}
        tabIndex={-1}
        onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
        onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
        onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setHeld((h) => ({ ...h, focus: false }));
        }}
      >
        <p role="status" className="status">
          {news && say(news.notice.text)}
        </p>
        {news && undoable && (
          <button
            type="button"
            className="quiet"
            aria-label={t('undoThis', { label: undoable.label })}
            onClick={() => void undo()}
          >
            {t('undo')}
          </button>
        )}
      </div>
    </div>
  );
}

/**
 * The latest status notice, with the action it tells of when this tab's action and its notice
 * came in the same step (a command's commit, `ActedHere` and its notice are folded at once).
 */
function useNews(basket: Basket) {
  const [news, setNews] = useState<News | null>(() => {
    const notice = basket.getState().notice;
    return notice?.kind === 'status' ? { notice, action: null } : null;
  });
  useEffect(() => {
    let before = basket.getState();
    return basket.subscribe(() => {
      const now = basket.getState();
      if (now.notice !== before.notice && now.notice?.kind === 'status') {
        const acted = now.lastAction !== before.lastAction;
        setNews({ notice: now.notice, action: acted ? now.lastAction : null });
      }
      before = now;
    });
  }, [basket]);
  return [news, setNews] as const;
}

/**
 * How far up the notices sit: above the add bar while it is docked at the foot of the screen
 * (a phone), else at the foot. Measured, since the bar grows with its messages and stepper.
 */
function useDockHeight(): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const bar = document.querySelector('form.add-product');
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const box = bar.getBoundingClientRect();
      // Hidden (while a sheet is open) or in the page's flow (a desktop): nothing to clear.
      const docked = box.height > 0 && getComputedStyle(bar).position === 'fixed';
      setHeight(docked ? Math.max(0, window.innerHeight - box.top) : 0);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(bar);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
  return height;
}
