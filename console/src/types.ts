/** The shapes the console reads from the Cais API (see /openapi.json). */
import type { FlagColour } from './ui.tsx';

export type Resource = 'stock' | 'price' | 'orders' | 'catalog';

export interface SessionInfo {
  user: { id: number; email: string; role: 'owner' | 'admin' | 'viewer' };
  account: { id: number; name: string };
  csrf_token: string;
}

export interface Connection {
  id: number;
  channel: string;
  name: string;
  base_url: string;
  status: 'pending' | 'active' | 'auth_failed' | 'disabled';
  status_reason: string | null;
  seller_id: string | null;
  seller_name: string | null;
  auth: 'oauth' | 'credentials';
  tested_at: string | null;
  created_at: string;
}

export interface Channel {
  channel: string;
  default_base_url: string;
  capabilities: { auth: 'oauth' | 'credentials' };
}

export interface Run {
  id: number;
  connection_id: number;
  resource: Resource;
  trigger: string;
  schedule_id: number | null;
  status: string;
  note: string | null;
  started_at: string;
  finished_at: string | null;
  considered: number;
  sent: number;
  confirmed: number;
  failed: number;
  failures: { sku: string; code: string; message: string }[];
}

export interface Schedule {
  id: number;
  connections: number[];
  resources: Resource[];
  every: string;
  status: 'active' | 'cancelled';
  replaced_by: number | null;
  created_at: string;
  cancelled_at: string | null;
  next_runs: { connection_id: number; resource: Resource; next_run_at: string | null }[];
  last_runs?: Run[];
}

export interface DashboardConnection {
  connection: Connection;
  listings: Record<FlagColour, number>;
  pending: Record<'stock' | 'price', { count: number; since: string | null }>;
  /** Listings the marketplace refuses (open permanent errors), per resource. */
  refused?: Record<'stock' | 'price', number>;
  schedule: Record<Resource, { every: string; next_run_at: string | null } | null>;
  last_runs: Record<Resource, Run | null>;
  open_errors: number;
}

export interface Product {
  sku: string;
  name: string;
  status: 'enabled' | 'disabled';
  qty: number;
  price: number | null;
  promotional_price: number | null;
  description?: string;
  brand?: string;
  ean?: string;
  variations?: { sku: string; qty: number; price?: number | null; promotional_price?: number | null }[];
}

export interface Listing {
  sku: string;
  connection_id: number;
  flag: FlagColour;
  reason: string | null;
  code: string | null;
  hint: string | null;
  external_id: string | null;
  connected_at: string | null;
  refused?: ('stock' | 'price')[];
}

export interface WaitingFor {
  code: string;
  message: string;
  at?: string;
}

export interface ResourceExplain {
  erp_value: number | { price: number | null; promotional_price: number | null };
  erp_version: number;
  /** Units reserved for orders the ERP has not taken yet (stock only). */
  reserved?: number;
  effective_value: number | { price: number | null; promotional_price: number | null };
  last_sent: { value: unknown; version: number; at: string; confirmed_at: string | null } | null;
  pending: boolean;
  waiting_for: WaitingFor;
  last_error: { code: string; message: string; hint: string | null; attempts: number; at: string } | null;
}

export interface Explain {
  sku: string;
  listings: {
    sku: string;
    connection: { id: number; name: string; channel: string; status: string };
    flag: FlagColour;
    flag_reason: string;
    flag_code?: string | null;
    /** A parent of variations: its variations carry stock and price. */
    container?: boolean;
    external_id: string | null;
    stock: ResourceExplain;
    price: ResourceExplain;
  }[];
}

export interface SyncError {
  entity_id: string;
  message: string;
  last_accurence: string;
  error_code: string;
  error_category_code: string;
  connection_id: number;
  connection_name: string;
  failure: string;
  transient: boolean;
  attempts: number;
  first_seen_at: string;
  hint: string | null;
  marketplace_code: string | null;
  status: string;
}

/** An order sync error (GET /sync_errors/orders). */
export interface OrderSyncError {
  entity_id: string;
  message: string;
  last_accurence: string;
  error_code: string;
  error_category_code: 'sync_order_mtkp_to_skyhub' | 'sync_order_skyhub_to_mtkp';
  failure: string;
  transient: boolean;
  attempts: number;
  first_seen_at: string;
  hint: string | null;
  ways_out: ('retry' | 'correct' | 'ignore')[];
  marketplace_code: string | null;
  status: string;
}

/** SkyHub's order shape (reference §2.3). */
export interface Order {
  code: string;
  channel: string;
  placed_at: string;
  updated_at?: string;
  total_ordered?: number;
  shipping_cost?: number;
  discount?: number;
  status: { code: string; label: string; type: string };
  sync_status?: 'SYNCED' | 'NOT_SYNCED';
  customer?: { name?: string; email?: string; vat_number?: string; phones?: string[] };
  shipping_address?: Record<string, string | null | undefined>;
  items?: {
    id: string;
    product_id?: string;
    name?: string;
    qty: number;
    original_price?: number;
    special_price?: number;
  }[];
  payments?: { method?: string; description?: string; parcels?: number; value?: number; status?: string }[];
  invoices?: { key: string; number?: string; issue_date?: string }[];
  shipments?: {
    code?: string;
    items?: { sku: string; qty: number }[];
    tracks?: { code?: string; carrier?: string; url?: string }[];
  }[];
  tags?: string[];
  cais?: {
    connection_id: number | null;
    marketplace_order_id: string;
    marketplace_status: string | null;
    unknown_skus: string[];
    queue_deliveries: number;
    acknowledged_at: string | null;
    sync_errors: { message: string; error_code: string; hint: string | null }[];
    reservations?: { sku: string; qty: number }[];
  };
}

export interface OrderHistoryEntry {
  status_code: string;
  status_type: string;
  marketplace_status: string | null;
  source: string;
  at: string;
}
