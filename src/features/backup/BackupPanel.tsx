import { useId, useRef, useState } from 'react';
import { Download, Upload, Wrench } from 'lucide-react';
import { historyLarge, useBasket, useBasketState, type JobOutcome } from '../../bus';
import { LOG_WARN_AT, logShare } from '../../events';
import { downloadBackup } from './download';
import { says, type Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';

interface Busy {
  label: string;
  done: number;
  total: number;
}

/**
 * Backup and repair: rarely used, so it is in the menu and arrives in its own chunk. Whether the
 * browser keeps the storage is asked for by the page (`usePersistence`), menu open or not.
 */
export default function BackupPanel({ persisted }: { persisted: boolean | null }) {
  const basket = useBasket();
  const memory = useBasketState((s) => s.storage === 'memory');
  const list = useBasketState((s) => s.list);
  const large = logShare(list.size) >= LOG_WARN_AT ? historyLarge(list) : null;
  const [busy, setBusy] = useState<Busy | null>(null);
  const [problem, setProblem] = useState<Sentence | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const repairId = useId();
  const { t, say } = useI18n();
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(
    label: string,
    job: (report: (done: number, total: number) => void) => Promise<JobOutcome>,
  ) {
    setProblem(null);
    setSaved(null);
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
    <section className="menu-section backup" aria-labelledby="backup-heading">
      <h3 id="backup-heading">{t('backup')}</h3>
      {!memory && persisted === true && <p>{t('persisted')}</p>}
      {!memory && persisted === false && <p className="nudge">{t('mayBeCleared')}</p>}
      {large && <p className="nudge">{say(large)}</p>}
      <p className="hint">{t('backupFileHint')}</p>
      <div className="menu-row">
        <button
          type="button"
          className="menu-item"
          disabled={busy !== null}
          onClick={() => {
            setProblem(null);
            setSaved(null);
            void downloadBackup(basket).then(setSaved, (error: unknown) =>
              setProblem(says('somethingWrong', { detail: String(error) })),
            );
          }}
        >
          <Download aria-hidden="true" className="icon" />
          {t('exportBackup')}
        </button>
        <label className={busy ? 'file-button menu-item disabled' : 'file-button menu-item'}>
          <Upload aria-hidden="true" className="icon" />
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
      </div>
      {saved && (
        <p role="status" className="saved">
          {t('backupSaved', { name: saved })}
        </p>
      )}
      <h4>{t('repair')}</h4>
      <p id={repairId} className="hint">
        {t('repairHint')}
      </p>
      <div className="menu-row">
        <button
          type="button"
          className="menu-item"
          aria-describedby={repairId}
          disabled={busy !== null}
          onClick={() => void run(t('rebuilding'), (report) => basket.rebuild(report))}
        >
          <Wrench aria-hidden="true" className="icon" />
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
    </section>
  );
}
