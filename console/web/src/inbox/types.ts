export const STATUSES = ['new', 'assigned', 'replied', 'hidden', 'deleted', 'escalated', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

export interface NetworkAction {
  actionId?: string;
  action: string;
  outcome?: string;
  reason?: string | null;
}

export interface InboxItem {
  id: string;
  brandId: string;
  source: string;
  kind: string | null;
  author: string | null;
  text: string;
  url: string | null;
  sentiment: string | null;
  status: Status;
  assignee: string | null;
  publishedAt: string;
  version: number;
  labels: Record<string, { score: number; evidence?: unknown }>;
  actions: NetworkAction[];
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
}
