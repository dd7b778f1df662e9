import type { Static } from 'typebox';
import { buyerFor } from '../core/buyers.ts';
import type { ChannelControl, ListingView } from '../core/channel.ts';
import { ControlError, notFound } from '../core/control-error.ts';
import { checker, parseControl } from '../core/validate.ts';
import { activeDiscountOf, applyPatch, ourPriceOf, quantityOf } from './attributes.ts';
import { lwaResponse } from './auth.ts';
import * as schemas from './control-schemas.ts';
import type { AmDeps } from './deps.ts';
import { AM_CHANNEL, settle } from './deps.ts';
import { AM_BRAZIL, AM_LISTINGS, AM_MARKETPLACES } from './facts.ts';
import { newListing, seedAttributes } from './listing-build.ts';
import { itemBody, itemName, listingStatus } from './listing-view.ts';
import type { AmApp, AmListing, AmSeller } from './model.ts';
import { iso } from './model.ts';
import { createAmOrder, moveAmOrder } from './order-build.ts';

/** The app and seller every fresh simulator has, and a self-authorised refresh token for them. */
export const AM_DEFAULTS = {
  clientId: 'amzn1.application-oa2-client.caissim00000000000000000001',
  clientSecret: 'amzn-sim-secret',
  applicationId: 'amzn1.sp.solution.cais-sim-0000-0000-0000-000000000001',
  sellerId: 'A1CAISSIMSELLER',
  sellerName: 'Loja Simulada Cais',
  marketplaceId: AM_BRAZIL,
  refreshToken: 'Atzr|cais-sim-default-refresh-token',
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

export function newAmApp(clientId: string, secret: string, applicationId: string): AmApp {
  return { clientId, secret, applicationId, redirectUris: [], piiRoles: true, buckets: new Map() };
}

function appBody(app: AmApp) {
  return {
    client_id: app.clientId,
    client_secret: app.secret,
    application_id: app.applicationId,
    redirect_uris: app.redirectUris,
    pii_roles: app.piiRoles,
  };
}

export function listingView(deps: AmDeps, listing: AmListing): ListingView {
  const now = deps.clock.now();
  const market = listing.marketplaceIds[0];
  return {
    channel: AM_CHANNEL,
    id: listing.sku,
    seller_id: listing.sellerId,
    sku: listing.sku,
    title: itemName(listing),
    status: listingStatus(listing, market ?? '')[0]!,
    stock: quantityOf(listing.attributes),
    price: ourPriceOf(listing.attributes, market) ?? 0,
    promotional_price: activeDiscountOf(listing.attributes, now, market),
    variations: [],
    updated_at: listing.updatedAt,
    native: {
      ...itemBody(listing, AM_LISTINGS.includedData, listing.marketplaceIds),
      pending_writes: listing.pending,
    },
  };
}

/** A Seller Central edit, as patches on the listing's first marketplace. */
function editListing(listing: AmListing, body: Static<typeof schemas.ListingPatch>, now: number): void {
  const marketplaceId = listing.marketplaceIds[0]!;
  const patch = (path: string, value: Record<string, unknown>) =>
    applyPatch(listing.attributes, { op: 'merge', path: `/attributes/${path}`, value: [value] });
  if (body.title !== undefined)
    patch('item_name', { value: body.title, language_tag: 'pt_BR', marketplace_id: marketplaceId });
  if (body.quantity !== undefined)
    patch('fulfillment_availability', { fulfillment_channel_code: 'DEFAULT', quantity: body.quantity });
  if (body.price !== undefined) {
    patch('purchasable_offer', {
      marketplace_id: marketplaceId,
      our_price: [{ schedule: [{ value_with_tax: body.price }] }],
    });
  }
  if (body.discounted_price === null) {
    applyPatch(listing.attributes, {
      op: 'delete',
      path: '/attributes/purchasable_offer',
      value: [{ marketplace_id: marketplaceId, discounted_price: [] }],
    });
  } else if (body.discounted_price !== undefined) {
    const { value, start_at, end_at } = body.discounted_price;
    patch('purchasable_offer', {
      marketplace_id: marketplaceId,
      discounted_price: [{ schedule: [{ start_at, end_at, value_with_tax: value }] }],
    });
  }
  listing.updatedAt = iso(now);
}

export function createAmControl(deps: AmDeps): ChannelControl {
  const { store } = deps;
  const seller = (id: string | undefined): AmSeller => {
    const found = store.sellers.get(id ?? AM_DEFAULTS.sellerId);
    if (found === undefined) throw notFound(`seller ${id}`);
    return found;
  };
  const listing = (sku: string): AmListing => {
    settle(deps);
    const found =
      store.listing(AM_DEFAULTS.sellerId, sku) ?? store.allListings().find((entry) => entry.sku === sku);
    if (found === undefined) throw notFound(`sku ${sku}`);
    return found;
  };

  return {
    describe: () => ({
      channel: AM_CHANNEL,
      base_path: `/${AM_CHANNEL}`,
      defaults: {
        client_id: AM_DEFAULTS.clientId,
        client_secret: AM_DEFAULTS.clientSecret,
        application_id: AM_DEFAULTS.applicationId,
        seller_id: AM_DEFAULTS.sellerId,
        marketplace_id: AM_DEFAULTS.marketplaceId,
        refresh_token: AM_DEFAULTS.refreshToken,
      },
      apps: [...store.apps.values()].map(appBody),
      sellers: [...store.sellers.values()],
      counts: {
        listings: store.allListings().length,
        orders: store.orders.size,
        feeds: store.feeds.size,
        pending: deps.later.pending,
      },
    }),

    upsertApp(raw) {
      const body = parseControl(check.app, raw);
      const clientId = body.client_id ?? `amzn1.application-oa2-client.sim${store.apps.size + 1}`;
      const app =
        store.apps.get(clientId) ??
        newAmApp(
          clientId,
          body.client_secret ?? `secret-${clientId}`,
          `amzn1.sp.solution.sim-${store.apps.size + 1}`,
        );
      if (body.client_secret !== undefined) app.secret = body.client_secret;
      if (body.application_id !== undefined) app.applicationId = body.application_id;
      if (body.redirect_uris !== undefined) app.redirectUris = body.redirect_uris;
      if (body.pii_roles !== undefined) app.piiRoles = body.pii_roles;
      store.apps.set(clientId, app);
      return appBody(app);
    },

    upsertSeller(raw) {
      const body = parseControl(check.seller, raw);
      const id = body.id ?? `A${String(store.sellers.size + 1).padStart(13, '0')}`;
      const record = store.sellers.get(id) ?? { id, name: `Loja ${id}`, marketplaceIds: [AM_BRAZIL] };
      if (body.name !== undefined) record.name = body.name;
      if (body.marketplace_ids !== undefined) {
        const unknown = body.marketplace_ids.filter((market) => AM_MARKETPLACES[market] === undefined);
        if (unknown.length > 0)
          throw new ControlError(400, 'invalid', `unknown marketplaces ${unknown.join(', ')}`);
        record.marketplaceIds = body.marketplace_ids;
      }
      store.sellers.set(id, record);
      return record;
    },

    issueToken(raw) {
      const body = parseControl(check.token, raw);
      const app = store.apps.get(body.client_id ?? AM_DEFAULTS.clientId);
      if (app === undefined) throw notFound(`app ${body.client_id}`);
      const issued = deps.tokens.issueTokens(deps.tokens.grant(app.clientId, seller(body.seller_id).id));
      return lwaResponse(issued.accessToken, issued.refreshToken, issued.expiresInS);
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
      const marketplaceId = body.marketplace_id ?? owner.marketplaceIds[0] ?? AM_BRAZIL;
      if (!owner.marketplaceIds.includes(marketplaceId))
        throw new ControlError(400, 'invalid', `seller ${owner.id} does not sell in ${marketplaceId}`);
      if (store.listing(owner.id, body.sku) !== undefined)
        throw new ControlError(409, 'conflict', `sku ${body.sku} exists`);
      const created = newListing(store, owner.id, body.sku, [marketplaceId], deps.clock.now());
      created.productType = body.product_type ?? 'PRODUCT';
      const discount =
        body.discounted_price === undefined
          ? undefined
          : {
              value: body.discounted_price.value,
              startAt: body.discounted_price.start_at,
              endAt: body.discounted_price.end_at,
            };
      seedAttributes(created, {
        title: body.title ?? `Produto ${body.sku}`,
        price: body.price,
        quantity: body.quantity ?? 0,
        discount,
      });
      store.addListing(created);
      return listingView(deps, created);
    },

    updateListing(sku, raw) {
      const target = listing(sku);
      editListing(target, parseControl(check.patch, raw), deps.clock.now());
      return listingView(deps, target);
    },

    getListing: (sku) => listingView(deps, listing(sku)),

    listListings(query) {
      settle(deps);
      const all = query.seller_id === undefined ? store.allListings() : store.listingsOf(query.seller_id);
      return all
        .filter((entry) => query.sku === undefined || entry.sku === query.sku)
        .map((entry) => listingView(deps, entry));
    },

    createOrder(raw) {
      const body = parseControl(check.order, raw);
      settle(deps);
      const record = createAmOrder(deps, seller(body.seller_id).id, body);
      return { ...record.order, OrderItems: record.items };
    },

    getOrder(id) {
      const record = store.orders.get(id);
      if (record === undefined) throw notFound(`order ${id}`);
      // The buyer behind the restricted getOrderAddress / getOrderBuyerInfo (tests compare with it).
      return {
        ...record.order,
        OrderItems: record.items,
        packages: record.packages,
        buyer: buyerFor(`amazon:${id}`),
      };
    },

    setStatus(resource, id, raw) {
      const { status } = parseControl(check.status, raw);
      if (resource !== 'orders') throw notFound(`resource ${resource} (amazon has orders)`);
      const record = store.orders.get(id);
      if (record === undefined) throw notFound(`order ${id}`);
      const refusal = moveAmOrder(deps, record, status);
      if (refusal !== null) throw new ControlError(409, 'illegal_transition', refusal);
      return { ...record.order, OrderItems: record.items };
    },

    settings: () => ({
      apply_delay_ms: deps.settings.applyDelayMs,
      feed_queue_ms: deps.settings.feedQueueMs,
      feed_processing_ms: deps.settings.feedProcessingMs,
      compress_reports: deps.settings.compressReports,
      orders_2026: deps.settings.orders2026,
    }),

    updateSettings(raw) {
      const body = parseControl(check.settings, raw);
      if (body.apply_delay_ms !== undefined) deps.settings.applyDelayMs = body.apply_delay_ms;
      if (body.feed_queue_ms !== undefined) deps.settings.feedQueueMs = body.feed_queue_ms;
      if (body.feed_processing_ms !== undefined) deps.settings.feedProcessingMs = body.feed_processing_ms;
      if (body.compress_reports !== undefined) deps.settings.compressReports = body.compress_reports;
      if (body.orders_2026 !== undefined) deps.settings.orders2026 = body.orders_2026;
      return this.settings();
    },
  };
}
