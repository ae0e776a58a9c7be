// The services' OpenAPI documents as types (src/api/generated/, from openapi/ by `npm run api-types`): what the page
// expects of a call is checked against what the document says the operation answers or takes.
import type { paths as Analytics } from './generated/analytics';
import type { paths as Listening } from './generated/listening';
import type { paths as Moderation } from './generated/moderation';
import type { paths as Publishing } from './generated/publishing';

interface Services {
  listening: Listening;
  moderation: Moderation;
  publishing: Publishing;
  analytics: Analytics;
}
export type Service = keyof Services;
type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** The methods a path of the document has (openapi-typescript writes the others as optional `never`). */
type MethodOf<S extends Service, P extends keyof Services[S]> = {
  [M in Method]: M extends keyof Services[S][P] ? (Services[S][P][M] extends { responses: unknown } ? M : never) : never;
}[Method];

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type Success<R> = 200 extends keyof R ? Json<R[200]> : 201 extends keyof R ? Json<R[201]> : 202 extends keyof R ? Json<R[202]> : undefined;

/**
 * Every property deep down, none optional: Jackson writes each property of the services' records (null included),
 * while the documents mark few as required. Nullability is not in the documents either, so the page's own types say
 * which fields may be null, and a documented `string` fits a page's `string | null`.
 */
type Present<T> = T extends (infer I)[] ? Present<I>[] : T extends object ? { [K in keyof T]-?: Present<T[K]> } : T;

/** What the operation answers with success (200, 201 or 202), as its document says. */
export type Answer<S extends Service, P extends keyof Services[S], M extends MethodOf<S, P> = MethodOf<S, P> & 'get'> =
  Present<Success<Services[S][P][M] extends { responses: infer R } ? R : never>>;

/** An optional property may also be null: the services read bodies with Jackson into records, where null is absent. */
type Nullable<T> = T extends (infer I)[] ? Nullable<I>[] : T extends object
  ? { [K in keyof T]: undefined extends T[K] ? Nullable<T[K]> | null : Nullable<T[K]> }
  : T;

/** The JSON body the operation takes, as its document says. */
export type Request<S extends Service, P extends keyof Services[S], M extends MethodOf<S, P>> =
  Services[S][P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? Nullable<B> : never;

/**
 * The page's own type, where the document's answer fits it: `api<Fits<InboxPage, Answer<'moderation',
 * '/brands/{brandId}/inbox'>>>(...)` stops type-checking when the document loses a field the page reads or changes
 * its type, or the path or its method goes.
 */
export type Fits<Page, Documented extends Page> = [Documented] extends [Page] ? Page : Page;

/** The paths of a service under `/brands/{brandId}/` that answer a GET fitting the page's type, without that prefix. */
export type BrandPathFitting<S extends Service, Page> = {
  [P in keyof Services[S]]: P extends `/brands/{brandId}/${infer Rest}`
    ? 'get' extends MethodOf<S, P> ? (Answer<S, P, 'get' & MethodOf<S, P>> extends Page ? Rest : never) : never
    : never;
}[keyof Services[S]];
