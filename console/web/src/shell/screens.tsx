import { lazy, Suspense, type ReactNode } from 'react';
import type { Me } from '../api/me';
import type { MessageKey } from '../i18n/messages';
import { Inbox } from '../inbox/Inbox';
// Loaded when first opened: the calendar brings drag and drop and time zones, kept out of the first load.
const Calendar = lazy(() => import('../calendar/Calendar'));
const Approvals = lazy(() => import('../calendar/Approvals'));
const Channels = lazy(() => import('../channels/Channels'));

const SavedReplies = lazy(() => import('../replies/SavedReplies'));
// The dashboard brings the charting library (Recharts), kept out of the first load.
const Dashboard = lazy(() => import('../analytics/Dashboard'));
const Listening = lazy(() => import('../listening/Listening'));
const CharterEditor = lazy(() => import('../charter/CharterEditor'));
// The agency overview: the first screen of agency admins (see Shell), loaded when opened.
const AgencyOverview = lazy(() => import('../overview/AgencyOverview'));

/** What a screen gets from the shell. */
export interface ScreenProps {
  brand: string;
  me: Me;
  /** Switches the shell to another brand of the caller's (the agency overview opens a brand's screens). */
  chooseBrand: (brand: string) => void;
}

/** A screen of the console: its hash route (#id), its navigation label, what it renders. */
export interface Screen {
  id: string;
  label: MessageKey;
  render: (props: ScreenProps) => ReactNode;
}

/** The navigation, in order; the first one is the default. A new screen adds one line here. */
export const screens: Screen[] = [
  { id: 'inbox', label: 'shell.nav.inbox', render: (p) => <Inbox key={p.brand} brand={p.brand} me={p.me} /> },
  { id: 'calendar', label: 'shell.nav.calendar', render: (p) => <Suspense><Calendar key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'approvals', label: 'shell.nav.approvals', render: (p) => <Suspense><Approvals key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'channels', label: 'shell.nav.channels', render: (p) => <Suspense><Channels key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'dashboard', label: 'shell.nav.dashboard', render: (p) => <Suspense fallback={null}><Dashboard key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'overview', label: 'shell.nav.overview', render: (p) => <Suspense fallback={null}><AgencyOverview {...p} /></Suspense> },
  { id: 'replies', label: 'shell.nav.replies', render: (p) => <Suspense fallback={null}><SavedReplies key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'listening', label: 'shell.nav.listening', render: (p) => <Suspense fallback={null}><Listening key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
  { id: 'charter', label: 'shell.nav.charter', render: (p) => <Suspense fallback={null}><CharterEditor key={p.brand} brand={p.brand} me={p.me} /></Suspense> },
];

export function screenOf(hash: string): Screen {
  const id = hash.replace(/^#/, '').split('/')[0];
  return screens.find((s) => s.id === id) ?? screens[0];
}
