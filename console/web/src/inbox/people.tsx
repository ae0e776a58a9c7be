import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { Answer, Fits } from '../api/schema';

/** Someone of the caller's agency, as moderation last saw them (people appear after their first sign-in). */
export interface Person {
  userName: string;
  displayName: string | null;
  email: string | null;
  roles: string[];
  lastSeenAt: string;
}

/** The agency's people (moderation's `GET /agency/people`), for assignees; read once every few minutes. */
export function usePeople() {
  return useQuery({
    queryKey: ['agency-people'],
    queryFn: () => api<Fits<{ people: Person[] }, Answer<'moderation', '/agency/people'>>>('/api/moderation/agency/people').then((page) => page.people),
    staleTime: 300_000,
  });
}

/** The people as suggestions of an input (`list={id}`): the user name to send, the display name to read. */
export function PeopleList({ id }: { id: string }) {
  const people = usePeople();
  return (
    <datalist id={id}>
      {(people.data ?? []).map((p) => (
        <option key={p.userName} value={p.userName} label={p.displayName ? `${p.displayName} (${p.userName})` : p.userName} />
      ))}
    </datalist>
  );
}
