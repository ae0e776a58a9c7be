import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** The inbox's keyboard shortcuts, as the help lists them (README: the same list). */
export const SHORTCUTS: [string, MessageKey][] = [
  ['j', 'inbox.key.next'],
  ['k', 'inbox.key.previous'],
  ['a', 'inbox.key.assign'],
  ['r', 'inbox.key.reply'],
  ['s', 'inbox.key.savedReply'],
  ['Ctrl+Enter', 'inbox.key.send'],
  ['h', 'inbox.key.hide'],
  ['d', 'inbox.key.delete'],
  ['e', 'inbox.key.escalate'],
  ['c', 'inbox.key.close'],
  ['o', 'inbox.key.reopen'],
  ['?', 'inbox.key.help'],
];

/** The shortcuts' help, a modal dialog (Escape or the button closes it). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  // Escape closes a modal dialog natively: its close event tells the inbox.
  useEffect(() => {
    const d = dialog.current;
    d?.addEventListener('close', onClose);
    return () => d?.removeEventListener('close', onClose);
  }, [onClose]);
  return (
    <dialog ref={dialog} aria-labelledby="shortcuts-title" data-testid="shortcuts">
      <h2 id="shortcuts-title">{t('inbox.shortcuts')}</h2>
      <p className="hint">{t('inbox.shortcuts.hint')}</p>
      <table>
        <tbody>
          {SHORTCUTS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('inbox.shortcuts.close')}
      </button>
    </dialog>
  );
}

/** True when a key press is meant for a field, not for a shortcut. */
export function typing(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
