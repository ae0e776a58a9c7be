import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n';
import { ProblemMessage } from '../ui/Problem';

/**
 * Publishing's own refusals in its words: own-post, wrong-status (a scheduled post moved, no
 * connected channel), invalid input field by field. Anything else as the shell says it.
 */
export function CalendarProblem({ error }: { error: unknown }) {
  const t = useT();
  if (!(error instanceof ApiError)) return <ProblemMessage error={error} />;
  const p = error.problem;
  const ownWords = p.type?.startsWith('https://tribu.io/problems/') && p.detail && p.status < 500;
  if (p.violations?.length) {
    return (
      <div role="alert" className="problem" data-testid="problem">
        <p>{t('calendar.problem.invalid')}</p>
        <ul>
          {p.violations.map((v) => (
            <li key={v.field + v.message}>
              <code>{v.field}</code>: {v.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (ownWords) {
    return (
      <p role="alert" className="problem" data-testid="problem">
        {p.detail}
      </p>
    );
  }
  return <ProblemMessage error={error} />;
}
