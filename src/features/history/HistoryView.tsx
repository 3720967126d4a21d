import { useEffect, useMemo, useRef, useState } from 'react';
import { ChevronRight } from 'lucide-react';
import type { StoredEvent } from '../../events';
import { says, type Sentence } from '../../events/sentence';
import { useBasket, useBasketState } from '../../bus';
import { tellHistory, type HistoryEntry } from '../../model';
import { VirtualList } from '../../ui/VirtualList';
import { LookBack } from './LookBack';
import { dayOf, timeOf } from './when';
import { useI18n } from '../../i18n';

type Row = { kind: 'day'; day: string } | { kind: 'entry'; entry: HistoryEntry };

/** Newest first, with a heading wherever the day changes. */
function rowsOf(entries: readonly HistoryEntry[], locale: string): Row[] {
  const rows: Row[] = [];
  let day = '';
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i]!;
    const today = dayOf(entry.at, locale);
    if (today !== day) rows.push({ kind: 'day', day: (day = today) });
    rows.push({ kind: 'entry', entry });
  }
  return rows;
}

/** The diary of the list: loaded on demand, in its own chunk, virtualised for years of it. */
export default function HistoryView({ onClose }: { onClose(): void }) {
  const basket = useBasket();
  const lastSeq = useBasketState((s) => s.list.lastSeq);
  const streamId = useBasketState((s) => s.currentList);
  const [log, setLog] = useState<StoredEvent[] | null>(null);
  const [problem, setProblem] = useState<Sentence | null>(null);
  const { t, say, language } = useI18n();
  const [lookingAt, setLookingAt] = useState<HistoryEntry | null>(null);

  // Read the log once, then only what each change adds: years of history are not re-read per
  // check-off. An import re-sequences the log, which shows as an id read twice: then read it all.
  const known = useRef<StoredEvent[] | null>(null);
  useEffect(() => {
    let live = true;
    async function refresh() {
      const before = known.current;
      const fresh = await basket.readLog(before?.at(-1)?.seq ?? 0);
      if (!before) return fresh;
      if (fresh.length === 0) return before;
      const ids = new Set(before.map((e) => e.id));
      return fresh.some((e) => ids.has(e.id)) ? basket.readLog() : [...before, ...fresh];
    }
    refresh().then(
      (events) => {
        if (!live) return;
        known.current = events;
        setLog(events);
      },
      (error: unknown) =>
        live &&
        setProblem(
          (error as { sentence?: Sentence }).sentence ??
            says('somethingWrong', { detail: String(error) }),
        ),
    );
    return () => {
      live = false;
    };
  }, [basket, lastSeq]);

  // The open list's own history: what happened to other lists is in theirs.
  const rows = useMemo(
    () =>
      log
        ? rowsOf(
            tellHistory(log).filter((e) => e.streamId === streamId),
            language,
          )
        : [],
    [log, streamId, language],
  );

  if (lookingAt && log) {
    return (
      <LookBack
        entry={lookingAt}
        log={log}
        onBack={() => setLookingAt(null)}
        onRestored={onClose}
      />
    );
  }

  return (
    <section className="history" aria-labelledby="history-heading">
      <div className="list-header">
        <h2 id="history-heading">{t('history')}</h2>
        <button type="button" onClick={onClose}>
          {t('backToList')}
        </button>
      </div>
      {problem && <p role="alert">{say(problem)}</p>}
      {!log && !problem && <p role="status">{t('loadingHistory')}</p>}
      {log && rows.length === 0 && <p className="empty">{t('nothingHappened')}</p>}
      <VirtualList
        items={rows}
        label={t('everything')}
        className="history-rows"
        itemKey={(row) => (row.kind === 'day' ? `day:${row.day}` : row.entry.id)}
        estimateSize={(row) => (row.kind === 'day' ? 48 : 52)}
      >
        {(row) =>
          row.kind === 'day' ? (
            <h3>{row.day}</h3>
          ) : (
            <div className="history-entry">
              <time dateTime={new Date(row.entry.at).toISOString()}>
                {timeOf(row.entry.at, language)}
              </time>
              <span className="history-text">
                {row.entry.by === undefined
                  ? say(row.entry.what)
                  : t('doneBy', { by: row.entry.by, what: row.entry.what })}
              </span>
              <button
                type="button"
                className="icon-button look-back-button"
                aria-label={t('lookBackTo', {
                  time: timeOf(row.entry.at, language),
                  what: row.entry.what,
                })}
                onClick={() => setLookingAt(row.entry)}
              >
                <ChevronRight aria-hidden="true" className="icon" />
              </button>
            </div>
          )
        }
      </VirtualList>
    </section>
  );
}
