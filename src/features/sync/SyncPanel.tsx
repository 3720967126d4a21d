import { useId, useState } from 'react';
import { useBasket } from '../../bus';
import * as v from 'valibot';
import { cleanName, DEVICE_NAME_MAX, deviceNameSchema } from '../../events';
import { says, type MessageKey, type Sentence } from '../../events/sentence';
import { useI18n } from '../../i18n';
import { decodeInvite, encodeInvite, type Invite } from '../../sync/invite';
import { SyncStatus } from './SyncStatus';
import { useHousehold } from './useHousehold';

const PROBLEM: Record<'none' | 'damaged' | 'newer', MessageKey> = {
  none: 'inviteNone',
  damaged: 'inviteDamaged',
  newer: 'inviteNewer',
};

/** This app's own address, without any fragment: where an invite link leads. */
const appAddress = () => `${location.origin}${location.pathname}`;

/**
 * Sharing with a household: join by invite link, pass the link on, leave. It arrives in its own
 * chunk when opened, and so does the sync engine, only once a household is joined. The invite
 * holds the household's secrets: it is kept on this device and never shown unless copied.
 */
export default function SyncPanel({ offered }: { offered?: string | undefined }) {
  const basket = useBasket();
  const { household } = basket;
  const view = useHousehold();
  const { t, say } = useI18n();
  const [deviceName, setDeviceName] = useState(view.deviceName);
  const [link, setLink] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [nameProblem, setNameProblem] = useState<Sentence | null>(null);
  const [busy, setBusy] = useState(false);
  const [offer, setOffer] = useState<Invite | null>(() => {
    if (!offered) return null;
    const reading = decodeInvite(offered);
    return reading.ok ? reading.invite : null;
  });
  const [offerProblem] = useState<MessageKey | null>(() => {
    if (!offered) return null;
    const reading = decodeInvite(offered);
    return reading.ok ? null : PROBLEM[reading.problem];
  });
  const ids = {
    heading: useId(),
    name: useId(),
    nameWhy: useId(),
    link: useId(),
    why: useId(),
    told: useId(),
  };

  async function join(invite: Invite) {
    // The household's history names each device: a name it cannot show is refused here.
    const named = cleanName(deviceName);
    if (!v.is(deviceNameSchema, named)) {
      setNameProblem(
        named === ''
          ? says('deviceNameBlank')
          : says('deviceNameTooLong', { max: DEVICE_NAME_MAX }),
      );
      return;
    }
    setNameProblem(null);
    setBusy(true);
    try {
      await household.join(invite, deviceName);
      setLink('');
      setOffer(null);
    } catch {
      setProblem('joinFailed');
    } finally {
      setBusy(false);
    }
  }

  function joinByLink() {
    const reading = decodeInvite(link);
    if (!reading.ok) {
      setProblem(PROBLEM[reading.problem]);
      return;
    }
    setProblem(null);
    void join(reading.invite);
  }

  return (
    <section className="tools sync" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('sync')}</h2>
      <SyncStatus />
      <label htmlFor={ids.name}>{t('deviceName')}</label>
      <input
        id={ids.name}
        type="text"
        value={deviceName}
        autoComplete="off"
        aria-invalid={nameProblem ? true : undefined}
        aria-describedby={nameProblem ? ids.nameWhy : undefined}
        onChange={(e) => {
          setDeviceName(e.target.value);
          setNameProblem(null);
        }}
        onBlur={() => household.rememberDeviceName(deviceName.trim())}
      />
      {nameProblem && (
        <p id={ids.nameWhy} className="field-error">
          {say(nameProblem)}
        </p>
      )}
      {view.told.length > 0 && (
        <>
          <h3 id={ids.told}>{t('syncTold')}</h3>
          <ul aria-labelledby={ids.told}>
            {view.told.map((sentence, i) => (
              <li key={i}>{say(sentence)}</li>
            ))}
          </ul>
        </>
      )}
      {offer && !view.name && (
        <div className="sync-offer">
          <p>{t('joinAsk', { name: offer.name })}</p>
          <button type="button" disabled={busy} onClick={() => void join(offer)}>
            {t('join')}
          </button>
          <button type="button" onClick={() => setOffer(null)}>
            {t('notNow')}
          </button>
        </div>
      )}
      {offerProblem && !view.name && <p role="alert">{t(offerProblem)}</p>}
      {view.name ? (
        <div className="tool-row">
          <p>{t('household', { name: view.name })}</p>
          <button
            type="button"
            onClick={() => {
              const invite = household.invite();
              if (!invite) return;
              void navigator.clipboard
                ?.writeText(encodeInvite(appAddress(), invite))
                .then(() => basket.announce('status', says('inviteCopied')));
            }}
          >
            {t('copyInvite')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void household.leave().then(() => basket.announce('status', says('leftHousehold')))
            }
          >
            {t('leaveHousehold')}
          </button>
        </div>
      ) : offer ? null : (
        <form
          className="tool-row"
          onSubmit={(e) => {
            e.preventDefault();
            joinByLink();
          }}
        >
          <label htmlFor={ids.link}>{t('inviteLink')}</label>
          <input
            id={ids.link}
            type="text"
            value={link}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? ids.why : undefined}
            onChange={(e) => {
              setLink(e.target.value);
              setProblem(null);
            }}
          />
          <button type="submit" disabled={busy}>
            {t('join')}
          </button>
          {problem && (
            <p id={ids.why} className="field-error">
              {t(problem)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
