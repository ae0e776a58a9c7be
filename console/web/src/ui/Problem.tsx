import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';

/** Says what went wrong in the user's words, naming the service when one is down. */
export function ProblemMessage({ error }: { error: unknown }) {
  const t = useT();
  if (!(error instanceof ApiError)) return <p role="alert" className="problem">{t('error.unexpected')}</p>;
  const p = error.problem;
  let message: string;
  if (p.service && p.status >= 502 && p.status <= 504) message = t('error.serviceDown', { service: p.service });
  else if (p.status === 403) message = t('error.forbidden');
  else if (p.status === 404) message = t('error.notFound');
  else message = p.detail ?? p.title ?? t('error.unexpected');
  return <p role="alert" className="problem">{message}</p>;
}
