import type { ChannelControl, ListingQuery, ListingView } from '../core/channel.ts';
import { ControlError, invalid, notFound } from '../core/control-error.ts';
import { checker, parseControl } from '../core/validate.ts';
import { tokenResponse } from './auth.ts';
import * as schemas from './control-schemas.ts';
import type { MlDeps } from './deps.ts';
import { ML_CHANNEL } from './deps.ts';
import { ML_NOTIFICATIONS } from './facts.ts';
import { buildItem, withSku } from './item-build.ts';
import { applyItemPut } from './item-update.ts';
import type { MlApp, MlItem, MlSeller } from './model.ts';
import { newApp, skuOf } from './model.ts';
import { createMlOrder, moveMlOrder, moveMlShipment } from './order-build.ts';
import { billingInfo } from './orders.ts';
import { activeDealPrice } from './promotions.ts';
import { shipmentBody } from './shipments.ts';
import { isMultiOrigin, openUserProductStock, showStock } from './user-products.ts';

/** The app and seller every fresh simulator has, so a test can start without setup calls. */
export const ML_DEFAULTS = {
  clientId: '1234567890123456',
  clientSecret: 'ml-sim-secret',
  userId: 100000001,
  nickname: 'CAIS_SIM_SELLER',
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

export function listingView(deps: MlDeps, item: MlItem): ListingView {
  return {
    channel: ML_CHANNEL,
    id: item.id,
    seller_id: String(item.seller_id),
    sku: skuOf(item.attributes, item.seller_custom_field),
    title: item.title,
    status: item.status,
    stock: item.available_quantity,
    price: item.price,
    promotional_price: activeDealPrice(deps, item.id),
    variations: item.variations.map((variation) => ({
      id: String(variation.id),
      sku: skuOf(variation.attributes, variation.seller_custom_field),
      stock: variation.available_quantity,
      price: variation.price,
    })),
    updated_at: item.last_updated,
    native: item,
  };
}

const TOPICS: ReadonlySet<string> = new Set(ML_NOTIFICATIONS.topics);

function knownTopics(topics: readonly string[]): Set<string> {
  const unknown = topics.filter((topic) => !TOPICS.has(topic));
  if (unknown.length > 0)
    throw invalid(`unknown topics ${unknown.join(', ')}; known: ${[...TOPICS].join(', ')}`);
  return new Set(topics);
}

function appBody(app: MlApp) {
  return {
    client_id: app.clientId,
    client_secret: app.secret,
    redirect_uris: app.redirectUris,
    callback_url: app.callbackUrl,
    topics: [...app.topics],
    pkce: app.pkce,
  };
}

export function createMlControl(deps: MlDeps): ChannelControl {
  const { store } = deps;
  const seller = (id: number | undefined): MlSeller => {
    const found = store.sellers.get(id ?? ML_DEFAULTS.userId);
    if (found === undefined) throw notFound(`seller ${id}`);
    return found;
  };
  const item = (id: string): MlItem => {
    const found = store.items.get(id);
    if (found === undefined) throw notFound(`item ${id}`);
    return found;
  };

  /** A multi-origin seller's new listing: each UP's stock on the seller's warehouses (M1). */
  const openStocks = (owner: MlSeller, created: MlItem, locations: Record<string, number> | undefined) => {
    const first = owner.stores[0]?.id;
    const units = (quantity: number) =>
      new Map(
        locations !== undefined ? Object.entries(locations) : first === undefined ? [] : [[first, quantity]],
      );
    if (created.user_product_id !== null)
      showStock(
        store,
        openUserProductStock(store, owner, created.user_product_id, units(created.available_quantity)),
      );
    for (const variation of created.variations) {
      if (variation.user_product_id === null) continue;
      const stock = openUserProductStock(
        store,
        owner,
        variation.user_product_id,
        units(variation.available_quantity),
      );
      showStock(store, stock);
    }
  };

  return {
    describe: () => ({
      channel: ML_CHANNEL,
      base_path: `/${ML_CHANNEL}`,
      defaults: {
        client_id: ML_DEFAULTS.clientId,
        client_secret: ML_DEFAULTS.clientSecret,
        user_id: ML_DEFAULTS.userId,
      },
      apps: [...store.apps.values()].map(appBody),
      sellers: [...store.sellers.values()],
      counts: { items: store.items.size, orders: store.orders.size, shipments: store.shipments.size },
      notifications: deps.notifier.attempts().slice(-50),
    }),

    upsertApp(raw) {
      const body = parseControl(check.app, raw);
      const clientId = body.client_id ?? String(1_000_000_000_000_000 + store.apps.size + 1);
      const app = store.apps.get(clientId) ?? newApp(clientId, body.client_secret ?? `secret-${clientId}`);
      if (body.client_secret !== undefined) app.secret = body.client_secret;
      if (body.redirect_uris !== undefined) app.redirectUris = body.redirect_uris;
      if (body.callback_url !== undefined) app.callbackUrl = body.callback_url;
      if (body.topics !== undefined) app.topics = knownTopics(body.topics);
      if (body.pkce !== undefined) app.pkce = body.pkce;
      store.apps.set(clientId, app);
      return appBody(app);
    },

    upsertSeller(raw) {
      const body = parseControl(check.seller, raw);
      const id = body.id ?? ML_DEFAULTS.userId + store.sellers.size;
      const record = store.sellers.get(id) ?? {
        id,
        nickname: `SELLER_${id}`,
        tags: ['normal'],
        stores: [],
      };
      if (body.nickname !== undefined) record.nickname = body.nickname;
      if (body.tags !== undefined) record.tags = body.tags;
      if (body.stores !== undefined)
        record.stores = body.stores.map((storeId, index) => ({
          id: storeId,
          network_node_id: `BRSP0${index + 1}`,
        }));
      store.sellers.set(id, record);
      return record;
    },

    issueToken(raw) {
      const body = parseControl(check.token, raw);
      const app = store.apps.get(body.client_id ?? ML_DEFAULTS.clientId);
      if (app === undefined) throw notFound(`app ${body.client_id}`);
      const owner = seller(body.user_id);
      return tokenResponse(deps.tokens, deps.tokens.grant(app.clientId, String(owner.id)));
    },

    revoke(raw) {
      const body = parseControl(check.revoke, raw);
      let revoked = 0;
      for (const token of [body.access_token, body.refresh_token]) {
        if (token !== undefined && deps.tokens.revokeToken(token)) revoked += 1;
      }
      if (body.user_id !== undefined)
        revoked += deps.tokens.revokeSeller(String(body.user_id), body.client_id);
      return { revoked };
    },

    createListing(raw) {
      const body = parseControl(check.listing, raw);
      const owner = seller(body.user_id);
      if (body.price === undefined && (body.variations ?? []).length === 0)
        throw invalid('price is required');
      const variations = body.variations?.map((variation) => ({
        price: variation.price,
        available_quantity: variation.available_quantity,
        attribute_combinations: Object.entries(variation.attributes ?? { VARIATION: 'default' }).map(
          ([id, value]) => ({
            id,
            value_name: value,
          }),
        ),
        attributes: withSku([], variation.sku),
      }));
      const created = buildItem(
        store,
        owner.id,
        {
          ...body,
          title:
            body.family_name === undefined ? (body.title ?? `Produto ${body.sku ?? ''}`.trim()) : body.title,
          attributes: withSku([], body.sku),
          variations,
        },
        deps.clock.now(),
      );
      store.addItem(created);
      if (isMultiOrigin(owner)) openStocks(owner, created, body.stock_locations);
      if (body.price_automation) store.priceAutomated.add(created.id);
      return listingView(deps, created);
    },

    updateListing(id, raw) {
      const target = item(id);
      const body = parseControl(check.patch, raw);
      const outcome = applyItemPut(store, target, body, deps.clock.now());
      if ('status' in outcome)
        throw new ControlError(409, 'refused', outcome.cause.map((c) => JSON.stringify(c)).join('; '));
      return listingView(deps, target);
    },

    getListing: (id) => listingView(deps, item(id)),

    listListings(query: ListingQuery) {
      const owner = query.seller_id === undefined ? undefined : Number(query.seller_id);
      const items = owner === undefined ? [...store.items.values()] : [...store.itemsOf(owner)];
      const selected =
        query.sku === undefined
          ? items
          : items.filter((entry) => store.itemIdsBySku(entry.seller_id, query.sku!).has(entry.id));
      return selected.map((entry) => listingView(deps, entry));
    },

    createOrder(raw) {
      const body = parseControl(check.order, raw);
      return createMlOrder(deps, seller(body.user_id).id, body);
    },

    getOrder(id) {
      const order = store.orders.get(Number(id));
      if (order === undefined) throw notFound(`order ${id}`);
      const shipment = order.shipping.id === null ? undefined : store.shipments.get(order.shipping.id);
      return {
        order,
        shipment:
          shipment === undefined ? null : { ...shipmentBody(shipment, true), invoice: shipment.invoice },
        ...billingInfo(order),
      };
    },

    setStatus(resource, id, raw) {
      const body = parseControl(check.status, raw);
      if (resource === 'orders') {
        const order = store.orders.get(Number(id));
        if (order === undefined) throw notFound(`order ${id}`);
        return moveMlOrder(deps, order, body);
      }
      if (resource === 'shipments') {
        const shipment = store.shipments.get(Number(id));
        if (shipment === undefined) throw notFound(`shipment ${id}`);
        return moveMlShipment(deps, shipment, body);
      }
      throw notFound(`resource ${resource} (mercadolivre has orders and shipments)`);
    },

    settings: () => ({
      notification_time_scale: deps.notifier.settings.timeScale,
      notification_timeout_ms: deps.notifier.settings.responseTimeoutMs,
      concurrent_stock_writes: store.concurrentStockWrites,
    }),

    updateSettings(raw) {
      const body = parseControl(check.settings, raw);
      if (body.concurrent_stock_writes !== undefined)
        store.concurrentStockWrites = body.concurrent_stock_writes;
      if (body.notification_time_scale !== undefined)
        deps.notifier.settings.timeScale = body.notification_time_scale;
      if (body.notification_timeout_ms !== undefined)
        deps.notifier.settings.responseTimeoutMs = body.notification_timeout_ms;
      return this.settings();
    },
  };
}
