import { randomUUID } from 'node:crypto';
import type { ChannelControl, ListingView } from '../core/channel.ts';
import { ControlError, notFound } from '../core/control-error.ts';
import { checker, parseControl } from '../core/validate.ts';
import { ALL_SCOPES, tokenResponse } from './auth.ts';
import * as schemas from './control-schemas.ts';
import { moveDelivery, moveOrder, settleInvoice } from './delivery-flow.ts';
import type { MgDeps } from './deps.ts';
import { MG_CHANNEL } from './deps.ts';
import { MG_CHANNELS, MG_MONEY } from './facts.ts';
import type { MgApp, MgListing, MgSeller } from './model.ts';
import { iso } from './model.ts';
import { createMgOrder, returnMgStock } from './order-build.ts';
import { newListing, priceEntry, stockEntry } from './portfolios.ts';

/** The app and seller every fresh simulator has. */
export const MG_DEFAULTS = {
  clientId: 'magalu-sim-client',
  clientSecret: 'magalu-sim-secret',
  sellerId: '7c1d0a52-5b1e-4f59-9a39-0c0ffee00001',
  sellerName: 'Loja Simulada Cais',
} as const;

const check = {
  app: checker(schemas.AppBody),
  seller: checker(schemas.SellerBody),
  token: checker(schemas.TokenBody),
  revoke: checker(schemas.RevokeBody),
  listing: checker(schemas.ListingBody),
  patch: checker(schemas.ListingPatch),
  order: checker(schemas.OrderBody),
  status: checker(schemas.StatusBody),
  settings: checker(schemas.SettingsBody),
};

export function newMgApp(clientId: string, secret: string): MgApp {
  return { clientId, secret, redirectUris: [], defaultScopes: [...ALL_SCOPES], buckets: new Map() };
}

function listingView(listing: MgListing): ListingView {
  const onSale = listing.listPrice > listing.price;
  return {
    channel: MG_CHANNEL,
    id: listing.native.sku,
    seller_id: listing.sellerId,
    sku: listing.native.sku,
    title: listing.native.title,
    status: listing.native.active ? listing.native.status : 'inactive',
    stock: listing.stock,
    price: (onSale ? listing.listPrice : listing.price) / MG_MONEY.normalizer,
    promotional_price: onSale ? listing.price / MG_MONEY.normalizer : null,
    variations: [],
    updated_at: [listing.native.updated_at, listing.priceUpdatedAt, listing.stockUpdatedAt].sort().at(-1)!,
    native: {
      sku: listing.native,
      price: priceEntry(listing),
      stock: stockEntry(listing),
      pending_writes: listing.pending,
    },
  };
}

function appBody(app: MgApp) {
  return {
    client_id: app.clientId,
    client_secret: app.secret,
    redirect_uris: app.redirectUris,
    default_scopes: app.defaultScopes,
  };
}

export function createMgControl(deps: MgDeps): ChannelControl {
  const { store } = deps;
  const seller = (id: string | undefined): MgSeller => {
    const found = store.sellers.get(id ?? MG_DEFAULTS.sellerId);
    if (found === undefined) throw notFound(`seller ${id}`);
    return found;
  };
  const listing = (sku: string): MgListing => {
    deps.queue.drain();
    const found =
      store.listing(MG_DEFAULTS.sellerId, sku) ??
      store.allListings().find((entry) => entry.native.sku === sku);
    if (found === undefined) throw notFound(`sku ${sku}`);
    return found;
  };

  return {
    describe: () => ({
      channel: MG_CHANNEL,
      base_path: `/${MG_CHANNEL}`,
      defaults: {
        client_id: MG_DEFAULTS.clientId,
        client_secret: MG_DEFAULTS.clientSecret,
        seller_id: MG_DEFAULTS.sellerId,
        channel_id: MG_CHANNELS.magalu,
      },
      apps: [...store.apps.values()].map(appBody),
      sellers: [...store.sellers.values()],
      counts: {
        skus: store.allListings().length,
        orders: store.orders.size,
        pending_writes: deps.queue.pending,
      },
    }),

    upsertApp(raw) {
      const body = parseControl(check.app, raw);
      const clientId = body.client_id ?? `magalu-app-${store.apps.size + 1}`;
      const app = store.apps.get(clientId) ?? newMgApp(clientId, body.client_secret ?? `secret-${clientId}`);
      if (body.client_secret !== undefined) app.secret = body.client_secret;
      if (body.redirect_uris !== undefined) app.redirectUris = body.redirect_uris;
      if (body.default_scopes !== undefined) app.defaultScopes = body.default_scopes;
      store.apps.set(clientId, app);
      return appBody(app);
    },

    upsertSeller(raw) {
      const body = parseControl(check.seller, raw);
      const id = body.id ?? randomUUID();
      const record = store.sellers.get(id) ?? {
        id,
        name: `Loja ${id.slice(0, 8)}`,
        channelIds: [MG_CHANNELS.magalu],
      };
      if (body.name !== undefined) record.name = body.name;
      if (body.channel_ids !== undefined) record.channelIds = body.channel_ids;
      store.sellers.set(id, record);
      return record;
    },

    issueToken(raw) {
      const body = parseControl(check.token, raw);
      const app = store.apps.get(body.client_id ?? MG_DEFAULTS.clientId);
      if (app === undefined) throw notFound(`app ${body.client_id}`);
      const grant = deps.tokens.grant(
        app.clientId,
        seller(body.seller_id).id,
        body.scopes ?? app.defaultScopes,
      );
      return tokenResponse(deps, grant);
    },

    revoke(raw) {
      const body = parseControl(check.revoke, raw);
      let revoked = 0;
      for (const token of [body.access_token, body.refresh_token]) {
        if (token !== undefined && deps.tokens.revokeToken(token)) revoked += 1;
      }
      if (body.seller_id !== undefined) revoked += deps.tokens.revokeSeller(body.seller_id, body.client_id);
      return { revoked };
    },

    createListing(raw) {
      const body = parseControl(check.listing, raw);
      const owner = seller(body.seller_id);
      if (store.listing(owner.id, body.sku) !== undefined)
        throw new ControlError(409, 'conflict', `sku ${body.sku} exists`);
      const created = newListing(
        owner.id,
        {
          sku: body.sku,
          title: body.title ?? `Produto ${body.sku}`,
          description: `Descrição de ${body.sku}`,
          brand: 'Marca Simulada',
          channels: [{ id: body.channel_id ?? owner.channelIds[0] ?? MG_CHANNELS.magalu }],
        },
        deps.clock.now(),
      );
      created.price = body.price;
      created.listPrice = body.list_price ?? body.price;
      created.stock = body.stock ?? 0;
      // A SKU the seller set up in Magalu's panel has its price and stock entries already.
      created.priceCreated = body.price_entry ?? true;
      created.stockCreated = body.stock_entry ?? true;
      if (body.status !== undefined) created.native.status = body.status;
      store.addListing(created);
      return listingView(created);
    },

    updateListing(sku, raw) {
      const target = listing(sku);
      const body = parseControl(check.patch, raw);
      const at = iso(deps.clock.now());
      if (body.price !== undefined || body.list_price !== undefined) target.priceUpdatedAt = at;
      if (body.price !== undefined) target.price = body.price;
      if (body.list_price !== undefined) target.listPrice = body.list_price;
      if (body.stock !== undefined) {
        target.stock = body.stock;
        target.stockUpdatedAt = at;
      }
      if (body.status !== undefined) target.native.status = body.status;
      target.native.updated_at = at;
      return listingView(target);
    },

    getListing: (sku) => listingView(listing(sku)),

    listListings(query) {
      deps.queue.drain();
      const all = query.seller_id === undefined ? store.allListings() : store.listingsOf(query.seller_id);
      return all
        .filter((entry) => query.sku === undefined || entry.native.sku === query.sku)
        .map(listingView);
    },

    createOrder(raw) {
      const body = parseControl(check.order, raw);
      return createMgOrder(deps, seller(body.seller_id).id, body);
    },

    getOrder(id) {
      const order = store.orders.get(id) ?? [...store.orders.values()].find((entry) => entry.code === id);
      if (order === undefined) throw notFound(`order ${id}`);
      return order;
    },

    setStatus(resource, id, raw) {
      deps.queue.drain();
      const { status } = parseControl(check.status, raw);
      const refuse = (error: { status: number; body: { message: string } } | null) => {
        if (error !== null) throw new ControlError(409, 'illegal_transition', error.body.message);
      };
      if (resource === 'orders') {
        const order = store.orders.get(id);
        if (order === undefined) throw notFound(`order ${id}`);
        refuse(moveOrder(deps, order, status, (cancelled) => returnMgStock(deps, cancelled)));
        return order;
      }
      if (resource === 'deliveries') {
        const delivery = store.deliveries.get(id);
        if (delivery === undefined) throw notFound(`delivery ${id}`);
        refuse(moveDelivery(deps, delivery, status));
        return delivery;
      }
      if (resource === 'invoices') {
        const delivery = [...store.deliveries.values()].find((entry) =>
          entry.invoices.some((invoice) => invoice.key === id),
        );
        const invoice = delivery?.invoices.find((entry) => entry.key === id);
        if (delivery === undefined || invoice === undefined) throw notFound(`invoice ${id}`);
        if (status !== 'approved' && status !== 'invalid')
          throw new ControlError(400, 'invalid', 'status: approved | invalid');
        settleInvoice(deps, delivery, invoice, status);
        return invoice;
      }
      throw notFound(`resource ${resource} (magalu has orders, deliveries and invoices)`);
    },

    settings: () => ({
      apply_delay_ms: deps.settings.applyDelayMs,
      invoice_validation_ms: deps.settings.invoiceValidationMs,
    }),

    updateSettings(raw) {
      const body = parseControl(check.settings, raw);
      if (body.apply_delay_ms !== undefined) deps.settings.applyDelayMs = body.apply_delay_ms;
      if (body.invoice_validation_ms !== undefined)
        deps.settings.invoiceValidationMs = body.invoice_validation_ms;
      return this.settings();
    },
  };
}
