import {
  DndContext, KeyboardSensor, PointerSensor, pointerWithin, rectIntersection, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { canModerate, type Me } from '../api/me';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { loadCalendar, loadSettings, loadUnscheduled, reschedule } from './api';
import { CalendarProblem } from './CalendarProblem';
import { Composer } from './Composer';
import { PostPanel } from './PostPanel';
import { formatDate, gridOf, instantOf, shiftDays, today, wallTimeOf, type LocalDate } from './time';
import type { CalendarDay, CalendarView, Campaign, Entry, Post } from './types';
import { BulkTools } from '../bulk/BulkTools';
import { OccurrenceChip, OccurrencePanel, useOccurrences, type OccurrenceEntry } from '../recurrence/Occurrences';

type View = 'month' | 'week';
type Panel = { kind: 'post'; id: string } | { kind: 'new' } | { kind: 'edit'; id: string } | { kind: 'occurrence'; entry: OccurrenceEntry } | null;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const MOVABLE = new Set(['draft', 'in-review', 'approved', 'scheduled']);
/** The local time an unscheduled post gets when dropped on a day (on an hour of the week view: that hour). */
const FIRST_PLANNED_TIME = '10:00';
/** The slot under the pointer; with the keyboard (no pointer), the one the moved post overlaps most. */
const underThePointer: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};
const STEPS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
/** With the keyboard, each arrow moves the post by one day (or hour) cell, not by a few pixels. */
const oneCell: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = STEPS[event.code];
  if (!step) return undefined;
  event.preventDefault();
  // Over no slot (a post picked up in the unscheduled tray): steps of a slot's size, towards the grid.
  const cell = (context.over ? context.droppableRects.get(context.over.id) : undefined) ?? context.droppableRects.values().next().value;
  return { x: currentCoordinates.x + step[0] * (cell?.width ?? 25), y: currentCoordinates.y + step[1] * (cell?.height ?? 25) };
};
/** "day|2026-12-24" or "hour|2026-12-24|18" in words, for screen readers. */
function slotName(id: string, language: string): string {
  const [kind, date, hour] = id.split('|');
  const day = formatDate(language, date, { weekday: 'long', day: 'numeric', month: 'long' });
  return kind === 'hour' ? `${day} ${hour}:00` : day;
}

/** The id of the slot a post sits in: its day in the month view, its hour in the week view. */
function slotOf(view: View, zone: string, plannedAt: string): string {
  const [date, time] = wallTimeOf(zone, plannedAt);
  return view === 'month' ? `day|${date}` : `hour|${date}|${Number(time.slice(0, 2))}`;
}

/** The brand's editorial calendar: month and week, posts by status, campaigns and seasonal markers, drag to reschedule. */
export default function Calendar({ brand, me }: { brand: string; me: Me }) {
  const { t, language } = useI18n();
  const [zone, setZone] = useState<string | null>(null);
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState<LocalDate | null>(null);
  const [calendar, setCalendar] = useState<CalendarView | null>(null);
  // Null until read, and when publishing does not list unscheduled posts (the tray is then not shown).
  const [unscheduled, setUnscheduled] = useState<Post[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [reloads, setReloads] = useState(0);
  const mayWrite = canModerate(me);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    loadSettings(brand)
      .then((settings) => {
        setZone(settings.timezone);
        setAnchor(today(settings.timezone));
      })
      .catch(setError);
  }, [brand]);

  const dates = anchor ? gridOf(view, anchor) : [];
  const first = dates[0];
  const last = dates[dates.length - 1];
  const occurrences = useOccurrences(brand, first, last, reloads);
  useEffect(() => {
    if (!first || !last) return;
    loadCalendar(brand, first, shiftDays(last, 1), language).then(setCalendar).catch(setError);
  }, [brand, first, last, language, reloads]);
  useEffect(() => {
    loadUnscheduled(brand).then(setUnscheduled).catch(() => setUnscheduled(null));
  }, [brand, reloads]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: oneCell }));
  // Whether the post being moved has left its own slot: dnd-kit reports the slot under the post as soon as it is
  // picked up, and announcing "over <its own slot>" then would replace "Picked up" before a screen reader reads it.
  const leftOrigin = useRef(false);
  const titleOf = (active: { data: { current?: unknown } }) => (active.data.current as Entry | undefined)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      leftOrigin.current = false;
      return t('calendar.dnd.start', { title: titleOf(active) });
    },
    onDragOver: ({ active, over }) => {
      if (!over) return undefined;
      const plannedAt = (active.data.current as Entry | Post | undefined)?.plannedAt;
      if (plannedAt && zone && !leftOrigin.current && String(over.id) === slotOf(view, zone, plannedAt)) return undefined;
      leftOrigin.current = true;
      return t('calendar.dnd.over', { title: titleOf(active), slot: slotName(String(over.id), language) });
    },
    onDragEnd: ({ active, over }) => (over ? t('calendar.dnd.end', { title: titleOf(active), slot: slotName(String(over.id), language) }) : undefined),
    onDragCancel: ({ active }) => t('calendar.dnd.cancel', { title: titleOf(active) }),
  };

  if (!zone || !anchor) return error ? <CalendarProblem error={error} /> : <p>{t('shell.loading')}</p>;

  const byDate = new Map<string, CalendarDay>((calendar?.days ?? []).map((d) => [d.date, d]));
  const month = anchor.slice(0, 7);

  const onDragEnd = async ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const entry = active.data.current as Entry | Post;
    const [fromDate, fromTime] = entry.plannedAt ? wallTimeOf(zone, entry.plannedAt) : [null, FIRST_PLANNED_TIME];
    const [kind, date, hour] = String(over.id).split('|');
    const time = kind === 'hour' ? `${hour.padStart(2, '0')}:${fromTime.slice(3)}` : fromTime;
    if (date === fromDate && time === fromTime) return;
    setError(null);
    setNotice(null);
    try {
      const moved = await reschedule(brand, entry.id, instantOf(zone, date, time));
      const when = formatDate(language, date, { weekday: 'long', day: 'numeric', month: 'long' });
      setNotice(moved.status === entry.status
        ? t('calendar.moved', { title: entry.title, when: `${when} ${time}` })
        : t('calendar.movedBackToReview', { title: entry.title, when: `${when} ${time}`, status: t(`calendar.status.${moved.status}` as MessageKey) }));
    } catch (refused) {
      setError(refused);
    }
    reload();
  };

  const step = (direction: number) => {
    if (view === 'week') setAnchor(shiftDays(anchor, 7 * direction));
    else {
      const [y, m] = anchor.split('-').map(Number);
      const next = new Date(Date.UTC(y, m - 1 + direction, 1));
      setAnchor(next.toISOString().slice(0, 10));
    }
  };

  const title = view === 'month'
    ? formatDate(language, anchor, { month: 'long', year: 'numeric' })
    : t('calendar.weekOf', { date: formatDate(language, first, { day: 'numeric', month: 'long', year: 'numeric' }) });

  return (
    <section className="calendar-screen">
      <h1>{t('calendar.title')}</h1>
      <div className="filters">
        <button type="button" onClick={() => step(-1)}>{t('calendar.previous')}</button>
        <button type="button" onClick={() => setAnchor(today(zone))}>{t('calendar.today')}</button>
        <button type="button" onClick={() => step(1)}>{t('calendar.next')}</button>
        <h2 className="range" data-testid="calendar-range" aria-live="polite">{title}</h2>
        <button type="button" aria-pressed={view === 'month'} onClick={() => setView('month')}>{t('calendar.month')}</button>
        <button type="button" aria-pressed={view === 'week'} onClick={() => setView('week')}>{t('calendar.week')}</button>
        {mayWrite && (
          <button type="button" data-testid="new-post" onClick={() => setPanel({ kind: 'new' })}>{t('calendar.newPost')}</button>
        )}
      </div>
      <BulkTools brand={brand} zone={zone} mayWrite={mayWrite} from={first} to={last} onImported={reload} />
      <p className="hint" data-testid="zone">{t('calendar.zone', { zone })}{mayWrite ? ` ${t('calendar.dragHint')}` : ''}</p>
      {notice && <p role="status" className="notice" data-testid="calendar-notice">{notice}</p>}
      {error != null && <CalendarProblem error={error} />}
      <div className="calendar-body">
        <DndContext sensors={sensors} collisionDetection={underThePointer} onDragEnd={onDragEnd}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('calendar.dnd.instructions') } }}>
          {view === 'month' ? (
            <div className="month" role="grid" aria-label={title} data-testid="month">
              <div role="row" className="weekdays">
                {dates.slice(0, 7).map((d) => (
                  <div role="columnheader" key={d}>{formatDate(language, d, { weekday: 'short' })}</div>
                ))}
              </div>
              {Array.from({ length: dates.length / 7 }, (_, w) => (
                <div role="row" className="week-row" key={w}>
                  {dates.slice(w * 7, w * 7 + 7).map((d) => (
                    <Cell key={d} id={`day|${d}`} className={d.startsWith(month) ? 'day' : 'day other-month'}>
                      <span className={d === today(zone) ? 'date today' : 'date'}>
                        <span aria-hidden="true">{Number(d.slice(8))}</span>
                        <span className="sr-only">{formatDate(language, d, { weekday: 'long', day: 'numeric', month: 'long' })}</span>
                      </span>
                      <DayContent day={byDate.get(d)} date={d} campaigns={calendar?.campaigns ?? []} weekStart={d === dates[w * 7]}
                        mayWrite={mayWrite} open={(id) => setPanel({ kind: 'post', id })} />
                      {(occurrences.get(d) ?? []).map((o) => <OccurrenceChip key={o.series.id} entry={o} open={() => setPanel({ kind: 'occurrence', entry: o })} />)}
                    </Cell>
                  ))}
                </div>
              ))}
            </div>
          ) : (
            <div className="week" role="grid" aria-label={title} data-testid="week">
              <div role="row" className="week-head">
                <div role="columnheader" className="hour-label">{t('calendar.hour')}</div>
                {dates.map((d) => (
                  <div role="columnheader" key={d} className={d === today(zone) ? 'today' : undefined}>
                    {formatDate(language, d, { weekday: 'short', day: 'numeric' })}
                    <DayContent day={{ date: d, posts: [], markers: byDate.get(d)?.markers ?? [] }} date={d} campaigns={calendar?.campaigns ?? []}
                      weekStart mayWrite={false} open={() => undefined} />
                  </div>
                ))}
              </div>
              {HOURS.map((h) => (
                <div role="row" className="hour-row" key={h}>
                  <div role="rowheader" className="hour-label">{`${String(h).padStart(2, '0')}:00`}</div>
                  {dates.map((d) => (
                    <Cell key={d} id={`hour|${d}|${h}`} className="slot">
                      {(byDate.get(d)?.posts ?? []).filter((p) => Number(p.localTime.slice(0, 2)) === h).map((p) => (
                        <Chip key={p.id} entry={p} mayWrite={mayWrite} open={() => setPanel({ kind: 'post', id: p.id })} />
                      ))}
                      {(occurrences.get(d) ?? []).filter((o) => Number(o.series.time.slice(0, 2)) === h).map((o) => (
                        <OccurrenceChip key={o.series.id} entry={o} open={() => setPanel({ kind: 'occurrence', entry: o })} />
                      ))}
                    </Cell>
                  ))}
                </div>
              ))}
            </div>
          )}
          {unscheduled && <Tray posts={unscheduled} mayWrite={mayWrite} open={(id) => setPanel({ kind: 'post', id })} />}
        </DndContext>
        {panel && (
          <aside className="side-panel">
            {panel.kind === 'post' && (
              <PostPanel key={`${panel.id}-${reloads}`} brand={brand} me={me} zone={zone} id={panel.id} onChanged={reload}
                onEdit={() => setPanel({ kind: 'edit', id: panel.id })} onClose={() => setPanel(null)} />
            )}
            {panel.kind === 'occurrence' && (
              <OccurrencePanel key={`${panel.entry.series.id}-${panel.entry.occurrence.date}`} brand={brand} zone={zone} entry={panel.entry} mayWrite={mayWrite}
                onChanged={reload} onDetached={(id) => setPanel({ kind: 'post', id })} onClose={() => setPanel(null)} />
            )}
            {(panel.kind === 'new' || panel.kind === 'edit') && (
              <Composer brand={brand} zone={zone} editing={panel.kind === 'edit' ? panel.id : null}
                onSaved={(id) => { reload(); setPanel({ kind: 'post', id }); }} onCancel={() => setPanel(null)} />
            )}
          </aside>
        )}
      </div>
    </section>
  );
}

function Cell({ id, className, children }: { id: string; className: string; children?: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div role="gridcell" ref={setNodeRef} className={isOver ? `${className} drop-over` : className} data-drop={id}>
      {children}
    </div>
  );
}

function DayContent({ day, date, campaigns, weekStart, mayWrite, open }: {
  day: CalendarDay | undefined; date: string; campaigns: Campaign[]; weekStart: boolean; mayWrite: boolean; open: (id: string) => void;
}) {
  const running = campaigns.filter((c) => c.startDate <= date && date <= c.endDate && (weekStart || c.startDate === date));
  return (
    <>
      {running.map((c) => <CampaignBand key={c.id} campaign={c} />)}
      {(day?.markers ?? []).map((m) => (
        <span key={m.key} className="marker" data-testid="marker">{m.name}</span>
      ))}
      {(day?.posts ?? []).map((p) => <Chip key={p.id} entry={p} mayWrite={mayWrite} open={() => open(p.id)} />)}
    </>
  );
}

function CampaignBand({ campaign }: { campaign: Campaign }) {
  // The campaign's colour through a custom property set by the CSSOM (no style attribute: strict CSP).
  const ref = useCallback((node: HTMLSpanElement | null) => node?.style.setProperty('--campaign', campaign.color), [campaign.color]);
  return <span ref={ref} className="campaign" data-testid="campaign">{campaign.name}</span>;
}

/** Posts without a planned time: dragged onto a day (or an hour of the week view) to plan them. */
function Tray({ posts, mayWrite, open }: { posts: Post[]; mayWrite: boolean; open: (id: string) => void }) {
  const { t } = useI18n();
  return (
    <section className="tray" aria-labelledby="tray-title" data-testid="unscheduled">
      <h2 id="tray-title">{t('calendar.unscheduled')}</h2>
      <p className="hint">{posts.length === 0 ? t('calendar.unscheduled.none') : mayWrite ? t('calendar.unscheduled.hint') : ''}</p>
      {posts.map((p) => <Chip key={p.id} entry={p} mayWrite={mayWrite} open={() => open(p.id)} />)}
    </section>
  );
}

function Chip({ entry, mayWrite, open }: { entry: Entry | Post; mayWrite: boolean; open: () => void }) {
  const { t } = useI18n();
  const movable = mayWrite && MOVABLE.has(entry.status);
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: entry.id, data: entry, disabled: !movable });
  const shift = transform ? `translate(${transform.x}px, ${transform.y}px)` : '';
  return (
    // The transform is set by React through the CSSOM (element.style), which a strict CSP allows.
    <div ref={setNodeRef} className={`chip status-${entry.status}${isDragging ? ' dragging' : ''}`} data-testid="post-chip"
      data-post={entry.id} data-status={entry.status} style={shift ? { transform: shift } : undefined}>
      <button type="button" className="chip-open" onClick={open}>
        {'localTime' in entry && <span className="chip-time">{entry.localTime.slice(0, 5)}</span>} {entry.title}
        <span className="chip-status">{t(`calendar.status.${entry.status}` as MessageKey)}</span>
      </button>
      {movable && (
        <button type="button" className="chip-move" aria-label={t('calendar.move', { title: entry.title })} data-testid="post-move"
          {...attributes} {...listeners}>
          ⠿
        </button>
      )}
    </div>
  );
}
