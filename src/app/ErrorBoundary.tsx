import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface State {
  error: Error | null;
}

/** A rendering bug must not blank the page silently: say so, and offer the way back. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Basket crashed while rendering', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return <Crash error={this.state.error} />;
  }
}

function Crash({ error }: { error: Error }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="crash">
      <h1>{t('crashed')}</h1>
      <p>{t('crashedHelp')}</p>
      <pre>{error.message}</pre>
      <button type="button" onClick={() => location.reload()}>
        {t('reload')}
      </button>
    </div>
  );
}
