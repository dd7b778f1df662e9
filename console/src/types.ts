/**
 * The shapes the console reads from the Cais API, derived from the schemas the server declares
 * and serialises its answers with (src/http/contract/): a change of shape on the server fails
 * `tsc -p console` here. Type-only imports: nothing of the server is bundled.
 */
import type { Static } from 'typebox';
import type * as catalog from '../../src/http/contract/catalog.ts';
import type * as connections from '../../src/http/contract/connections.ts';
import type * as dashboard from '../../src/http/contract/dashboard.ts';
import type * as orders from '../../src/http/contract/orders.ts';
import type * as session from '../../src/http/contract/session.ts';
import type * as sync from '../../src/http/contract/sync.ts';
import type * as syncErrors from '../../src/http/contract/sync-errors.ts';
import type * as webhooks from '../../src/http/contract/webhooks.ts';
import type * as rules from '../../src/rules/rules.ts';

export type Resource = Static<typeof sync.Resource>;
export type SessionInfo = Static<typeof session.SessionInfo>;
export type Connection = Static<typeof connections.Connection>;
export type Channel = Static<typeof connections.Channel>;
export type Run = Static<typeof sync.Run>;
export type Schedule = Static<typeof sync.ScheduleWithRuns>;
export type DashboardConnection = Static<typeof dashboard.DashboardConnection>;
export type Product = Static<typeof catalog.Product>;
export type Listing = Static<typeof connections.Listing>;
export type WaitingFor = Static<typeof sync.WaitingFor>;
export type ResourceExplain = Static<typeof sync.StockExplain> | Static<typeof sync.PriceExplain>;
export type Explain = Static<typeof sync.Explain>;
export type SyncError = Static<typeof syncErrors.SyncError>;
export type OrderSyncError = Static<typeof syncErrors.OrderSyncError>;
/** An order as GET /orders/{code} answers it (with its reservations). */
export type Order = Static<typeof orders.OrderDetail>;
export type OrderHistoryEntry = Static<typeof orders.OrderHistoryEntry>;
export type Footprint = Static<typeof connections.Footprint>;
export type ProductPage = Static<typeof catalog.ProductPage>;
export type BulkConnectResult = Static<typeof connections.BulkConnectResult>;
export type ManualOutcome = Static<typeof sync.ManualOutcome>;
export type ProductChange = Static<typeof catalog.ProductChange>;
export type Rules = Static<typeof rules.Rules>;
export type PreviewRow = Static<typeof sync.RulesPreview>['listings'][number];
export type ApiKey = Static<typeof catalog.ApiKey>;
export type User = Static<typeof catalog.User>;
export type Webhook = Static<typeof webhooks.Webhook>;
export type Delivery = Static<typeof webhooks.Delivery>;
export type OrderSyncErrorPage = Static<typeof syncErrors.OrderSyncErrorPage>;
