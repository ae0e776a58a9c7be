import { useState } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { CalendarProblem } from '../calendar/CalendarProblem';
import { instantOf, shiftDays, type LocalDate } from '../calendar/time';
import { exportCalendar, importCsv, type Imported } from './api';
import { exportFileName, periodProblem, reportOf, rowsRefused, type RowProblem } from './report';

type Open = 'import' | 'export' | null;

/** The calendar's bulk tools: import drafts from a CSV file (all or nothing, the report per row) and export a period. */
export function BulkTools({ brand, zone, mayWrite, from, to, onImported }: {
  brand: string; zone: string; mayWrite: boolean; from: LocalDate; to: LocalDate; onImported: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Open>(null);
  const toggle = (which: Open) => setOpen((now) => (now === which ? null : which));
  return (
    <div className="bulk">
      <div className="filters">
        {mayWrite && (
          <button type="button" aria-expanded={open === 'import'} onClick={() => toggle('import')} data-testid="import-open">{t('bulk.import')}</button>
        )}
        <button type="button" aria-expanded={open === 'export'} onClick={() => toggle('export')} data-testid="export-open">{t('bulk.export')}</button>
      </div>
      {open === 'import' && <ImportPanel brand={brand} onImported={onImported} />}
      {open === 'export' && <ExportPanel brand={brand} zone={zone} initialFrom={from} initialTo={to} />}
    </div>
  );
}

function ImportPanel({ brand, onImported }: { brand: string; onImported: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<{ name: string; text: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Imported | null>(null);
  const [report, setReport] = useState<{ rows: RowProblem[]; detail: string } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const choose = async (chosen: File | undefined) => {
    setDone(null);
    setReport(null);
    setError(null);
    // A new key per chosen file: sending the same file again (a retry) imports it once; a fixed file is a new import.
    setFile(chosen ? { name: chosen.name, text: await chosen.text(), key: crypto.randomUUID() } : null);
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setDone(null);
    setReport(null);
    setError(null);
    try {
      setDone(await importCsv(brand, file.text, file.key));
      onImported();
    } catch (refused) {
      const rows = refused instanceof ApiError ? reportOf(refused.problem) : null;
      if (rows && refused instanceof ApiError) setReport({ rows, detail: refused.problem.detail ?? '' });
      else setError(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-panel" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">{t('bulk.import.title')}</h2>
      <p className="hint">{t('bulk.import.rule')}</p>
      <label>
        {t('bulk.import.file')}
        <input type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => choose(e.target.files?.[0])} />
      </label>{' '}
      <button type="button" onClick={send} disabled={!file || busy} data-testid="import-send">{t('bulk.import.send')}</button>
      {done && <p role="status" className="notice" data-testid="import-done">{t('bulk.import.done', { count: done.imported })}</p>}
      {report && (
        <div role="alert" className="problem" data-testid="import-report">
          <p><strong>{t('bulk.import.nothing')}</strong> {t('bulk.import.refusedRows', { count: rowsRefused(report.rows) })}</p>
          <table className="table">
            <caption>{t('bulk.import.reportCaption', { file: file?.name ?? '' })}</caption>
            <thead>
              <tr><th scope="col">{t('bulk.import.row')}</th><th scope="col">{t('bulk.import.line')}</th><th scope="col">{t('bulk.import.column')}</th><th scope="col">{t('bulk.import.reason')}</th></tr>
            </thead>
            <tbody>
              {report.rows.map((r, i) => (
                <tr key={i} data-testid="import-violation" data-row={r.row} data-field={r.field}>
                  <td>{r.row === 0 ? t('bulk.import.header') : r.row}</td><td>{r.line}</td><td><code>{r.field}</code></td><td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error != null && <CalendarProblem error={error} />}
    </section>
  );
}

function ExportPanel({ brand, zone, initialFrom, initialTo }: { brand: string; zone: string; initialFrom: LocalDate; initialTo: LocalDate }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const wrong = periodProblem(from, to);

  const download = async () => {
    setBusy(true);
    setSaved(null);
    setError(null);
    try {
      // Whole days of the brand's zone, the last one included.
      const text = await exportCalendar(brand, instantOf(zone, from, '00:00'), instantOf(zone, shiftDays(to, 1), '00:00'), format);
      const name = exportFileName(brand, from, to, format);
      const url = URL.createObjectURL(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setSaved(name);
    } catch (refused) {
      setError(refused);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-panel" aria-labelledby="export-title" data-testid="export-panel">
      <h2 id="export-title">{t('bulk.export.title')}</h2>
      <div className="filters">
        <label>{t('bulk.export.from')} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="export-from" /></label>
        <label>{t('bulk.export.to')} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="export-to" /></label>
        <label>
          {t('bulk.export.format')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'json')} data-testid="export-format">
            <option value="csv">CSV</option>
            <option value="json">JSON</option>
          </select>
        </label>
        <button type="button" onClick={download} disabled={busy || wrong !== null} data-testid="export-send">{t('bulk.export.send')}</button>
      </div>
      <p className="hint">{wrong ? t(`bulk.export.${wrong}`) : t('bulk.export.hint', { zone })}</p>
      {saved && <p role="status" className="notice" data-testid="export-done">{t('bulk.export.done', { file: saved })}</p>}
      {error != null && <CalendarProblem error={error} />}
    </section>
  );
}
