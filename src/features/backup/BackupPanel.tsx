import { useRef, useState } from 'react';
import { historyLarge, useBasket, useBasketState, type JobOutcome } from '../../bus';
import { LOG_WARN_AT, logShare } from '../../events';
import { downloadBackup } from './download';
import { usePersistence } from './usePersistence';
import { says, type Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';

interface Busy {
  label: string;
  done: number;
  total: number;
}

/** Backup and repair: rarely used, so it arrives in its own chunk after the list is shown. */
export default function BackupPanel() {
  const basket = useBasket();
  const memory = useBasketState((s) => s.storage === 'memory');
  const persisted = usePersistence();
  const list = useBasketState((s) => s.list);
  const large = logShare(list.size) >= LOG_WARN_AT ? historyLarge(list) : null;
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<Sentence | null>(null);
  const { t, say } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(
    label: string,
    job: (report: (done: number, total: number) => void) => Promise<JobOutcome>,
  ) {
    setProblem(null);
    setBusy({ label, done: 0, total: 0 });
    const outcome = await job((done, total) => setBusy({ label, done, total }));
    setBusy(null);
    // Refusals are shown here, beside the control; store failures also raise the page's alert.
    if (!outcome.ok) setProblem(outcome.message);
  }

  async function importFile(file: File) {
    await run(t('checkingBackup'), (report) =>
      basket.importBackup(file, (phase, done, total) => {
        if (phase === 'importing') setBusy({ label: t('importing'), done, total });
        else report(done, total);
      }),
    );
    // Let the same file be chosen again (say, after fixing the disk).
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <section className="tools" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup')}</h2>
      {!memory && persisted === true && <p>{t('persisted')}</p>}
      {!memory && persisted === false && <p className="nudge">{t('mayBeCleared')}</p>}
      {large && <p className="nudge">{say(large)}</p>}
      <div className="tool-row">
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void downloadBackup(basket).catch((error: unknown) =>
              setProblem(says('somethingWrong', { detail: String(error) })),
            )
          }
        >
          {t('exportBackup')}
        </button>
        <label className={busy ? 'file-button disabled' : 'file-button'}>
          {t('importBackup')}
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            disabled={busy !== null}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </label>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() => void run(t('rebuilding'), (report) => basket.rebuild(report))}
        >
          {t('rebuild')}
        </button>
      </div>
      {busy && (
        <div className="progress">
          <progress
            aria-label={busy.label}
            max={busy.total || undefined}
            value={busy.total ? busy.done : undefined}
          />
          <span>
            {busy.label}
            {busy.total ? ` ${t('progress', { done: busy.done, total: busy.total })}` : '…'}
          </span>
        </div>
      )}
      {problem && (
        <p role="alert" className="field-error">
          {say(problem)}
        </p>
      )}
      <p className="hint">{t('backupHint')}</p>
    </section>
  );
}
