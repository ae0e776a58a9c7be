export const STATUSES = ['new', 'assigned', 'replied', 'hidden', 'deleted', 'escalated', 'closed', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** Moderation's classifier labels (the inbox's `label` filter takes exactly these). */
export const LABELS = ['toxicity', 'insult', 'threat', 'identity_hate', 'spam', 'scam', 'personal_data', 'off_topic'] as const;
export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
/**
 * Channels suggested in the filter, the networks Tribu connects; any other source name can be typed
 * (a generic webhook's items carry the name the sender gives, e.g. trustpilot, else webhook).
 */
/** A channel the brand's items came from (a network or a webhook's name), with how many it brought. */
export interface InboxSource {
  source: string;
  items: number;
  newItems: number;
}

/** A hide, delete, reply or removal of the brand's reply to a review asked of the network through publishing, and what publishing reported. */
export interface NetworkAction {
  actionId: string;
  action: 'hide' | 'delete' | 'reply' | 'delete_reply';
  visibility: string | null;
  requestedBy: string | null;
  requestedAt: string;
  outcome: 'requested' | 'done' | 'failed';
  reason: string | null;
  resultUrl: string | null;
  completedAt: string | null;
}

export interface Label {
  score: number;
  evidence?: string[];
}

export interface InboxItem {
  id: string;
  brandId: string;
  source: string;
  kind: string | null;
  /** A review's stars (1 to 5); null for anything else. */
  rating: number | null;
  author: string | null;
  text: string;
  url: string | null;
  thread: string | null;
  language: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  status: Status;
  assignee: string | null;
  tags: string[];
  publishedAt: string;
  receivedAt: string;
  version: number;
  firstResponseAt: string | null;
  slaDueAt: string | null;
  slaBreachedAt: string | null;
  labels: Record<string, Label>;
  networkAction: NetworkAction | null;
  actions: NetworkAction[];
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}

/** The list's filters, as moderation's inbox search takes them (null: any). */
export interface Filter {
  status: Status | null;
  label: string | null;
  sentiment: string | null;
  source: string | null;
  assignee: string | null;
  thread: string | null;
  /** Reviews with these star counts, comma-separated (`1,2`); other interactions are left out. */
  rating: string | null;
}

export const NO_FILTER: Filter = { status: null, label: null, sentiment: null, source: null, assignee: null, thread: null, rating: null };

/** One line of an item's history (moderation's ItemTimeline entry); fields by kind, null otherwise. */
export interface TimelineEntry {
  kind: 'decision' | 'note' | 'edited' | 'withdrawn' | 'brand-replied' | 'network-outcome';
  at: string;
  actor: string | null;
  action: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  assignee: string | null;
  reason: string | null;
  ruleId: string | null;
  charterVersion: number | null;
  outcome: 'done' | 'failed' | null;
  text: string | null;
  resultUrl: string | null;
}

export interface ItemTimeline {
  itemId: string;
  version: number;
  entries: TimelineEntry[];
}

export type DecisionAction = 'assign' | 'escalate' | 'close' | 'reopen' | 'hide' | 'delete' | 'reply' | 'delete_reply';
