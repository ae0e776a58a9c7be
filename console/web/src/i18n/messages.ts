// Every text of the page, in English and French: one dictionary per feature, merged here.
// A feature adds its own file (its keys prefixed by the feature) and one line to each list below.
import { commonMessages } from './common';
import { inboxMessages } from '../inbox/messages';
import { calendarMessages } from '../calendar/messages';
import { repliesMessages } from '../replies/messages';
import { analyticsMessages } from '../analytics/messages';
import { listeningMessages } from '../listening/messages';
import { charterMessages } from '../charter/messages';
import { overviewMessages } from '../overview/messages';
import { bulkMessages } from '../bulk/messages';
import { recurrenceMessages } from '../recurrence/messages';
import { approvalLinkMessages } from '../approvallink/messages';

export const messages = {
  en: { ...commonMessages.en, ...inboxMessages.en, ...calendarMessages.en, ...repliesMessages.en,
    ...analyticsMessages.en,
    ...listeningMessages.en, ...charterMessages.en,
    ...overviewMessages.en,
    ...bulkMessages.en, ...recurrenceMessages.en, ...approvalLinkMessages.en },
  fr: { ...commonMessages.fr, ...inboxMessages.fr, ...calendarMessages.fr, ...repliesMessages.fr,
    ...analyticsMessages.fr,
    ...listeningMessages.fr, ...charterMessages.fr,
    ...overviewMessages.fr,
    ...bulkMessages.fr, ...recurrenceMessages.fr, ...approvalLinkMessages.fr },
} as const;

export type Language = keyof typeof messages;
export type MessageKey = keyof (typeof messages)['en'];
