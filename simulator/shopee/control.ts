import type { Static } from 'typebox';
import type { ChannelControl, ListingView } from '../core/channel.ts';
import { ControlError, invalid, notFound } from '../core/control-error.ts';
import { checker, parseControl } from '../core/validate.ts';
import { controlTokens } from './auth.ts';
import * as schemas from './control-schemas.ts';
import type { SpDeps } from './deps.ts';
import { nowSeconds, SP_CHANNEL } from './deps.ts';
import { SP_PRODUCTS } from './facts.ts';
import type { SpItem, SpModel, SpPartner, SpShop } from './model.ts';
import { hasModels } from './model.ts';
import { createSpOrder, moveSpOrder } from './order-build.ts';
import { recipientAddress } from './orders.ts';
import { baseInfo, modelList } from './product-read.ts';

/** The partner app and shop every fresh simulator has. */
export const SP_DEFAULTS = {
  partnerId: 2_001_887,
  partnerKey: 'shpk-cais-sim-partner-key',
  shopId: 880_000_001,
  shopName: 'Loja Simulada Cais',
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

export function newPartner(partnerId: number, key: string): SpPartner {
  return { partnerId, key, redirectUris: [], buckets: new Map() };
}

function partnerBody(partner: SpPartner) {
  return { partner_id: partner.partnerId, partner_key: partner.key, redirect_uris: partner.redirectUris };
}

export function listingView(item: SpItem): ListingView {
  const promotions = item.models.flatMap((model) =>
    model.promotionId === null ? [] : [model.promotionPrice ?? model.price],
  );
  return {
    channel: SP_CHANNEL,
    id: String(item.item_id),
    seller_id: String(item.shopId),
    sku: item.item_sku === '' ? null : item.item_sku,
    title: item.item_name,
    status: item.item_status,
    stock: item.models.reduce((sum, model) => sum + model.stock - model.reserved, 0),
    price: Math.min(...item.models.map((model) => model.price)),
    promotional_price: promotions.length === 0 ? null : Math.min(...promotions),
    variations: hasModels(item)
      ? item.models.map((model) => ({
          id: String(model.model_id),
          sku: model.model_sku === '' ? null : model.model_sku,
          stock: model.stock - model.reserved,
          price: model.price,
        }))
      : [],
    updated_at: new Date(item.update_time * 1000).toISOString(),
    native: { ...baseInfo(item), ...modelList(item) },
  };
}

type ListingInput = Static<typeof schemas.ListingBody>;

/** A multi-warehouse shop lists every warehouse; a new model's stock starts in the first one. */
function placed(stock: number, locations: readonly string[]): Record<string, number> {
  return Object.fromEntries(locations.map((location, index) => [location, index === 0 ? stock : 0]));
}

function buildModels(deps: SpDeps, body: ListingInput, locations: readonly string[]): SpModel[] {
  const promotion = (price: number | undefined) => ({
    promotionId: price === undefined ? null : deps.store.nextId('promotion'),
    promotionPrice: price ?? null,
  });
  if (body.models === undefined) {
    if (body.price === undefined) throw invalid('price is required for an item without models');
    return [
      {
        model_id: 0,
        model_sku: body.sku ?? '',
        model_name: '',
        tier_index: [],
        price: body.price,
        stock: body.stock ?? 0,
        stockByLocation: placed(body.stock ?? 0, locations),
        reserved: 0,
        ...promotion(body.promotion_price),
      },
    ];
  }
  return body.models.map((model, index) => ({
    model_id: deps.store.nextId('model'),
    model_sku: model.sku ?? '',
    model_name: model.name ?? `Opção ${index + 1}`,
    tier_index: [index],
    price: model.price,
    stock: model.stock ?? 0,
    stockByLocation: placed(model.stock ?? 0, locations),
    reserved: 0,
    ...promotion(model.promotion_price),
  }));
}

/** A Seller Centre edit: prices, stock and promotions straight on the models. */
function editModel(
  deps: SpDeps,
  model: SpModel,
  edit: { price?: number; stock?: number; promotion_price?: number | null },
) {
  if (edit.price !== undefined) model.price = edit.price;
  if (edit.stock !== undefined) {
    model.stock = edit.stock;
    const locations = Object.keys(model.stockByLocation);
    model.stockByLocation = Object.fromEntries(
      locations.map((location, index) => [location, index === 0 ? edit.stock! : 0]),
    );
  }
  if (edit.promotion_price === null) {
    model.promotionId = null;
    model.promotionPrice = null;
  } else if (edit.promotion_price !== undefined) {
    model.promotionId ??= deps.store.nextId('promotion');
    model.promotionPrice = edit.promotion_price;
  }
}

export function createSpControl(deps: SpDeps): ChannelControl {
  const { store } = deps;
  const shop = (id: number | undefined): SpShop => {
    const found = store.shops.get(id ?? SP_DEFAULTS.shopId);
    if (found === undefined) throw notFound(`shop ${id}`);
    return found;
  };
  const item = (id: string): SpItem => {
    const found =
      store.items.get(Number(id)) ?? [...store.items.values()].find((entry) => entry.item_sku === id);
    if (found === undefined) throw notFound(`item ${id}`);
    return found;
  };

  return {
    describe: () => ({
      channel: SP_CHANNEL,
      base_path: `/${SP_CHANNEL}`,
      defaults: {
        partner_id: SP_DEFAULTS.partnerId,
        partner_key: SP_DEFAULTS.partnerKey,
        shop_id: SP_DEFAULTS.shopId,
      },
      apps: [...store.partners.values()].map(partnerBody),
      sellers: [...store.shops.values()],
      counts: { items: store.items.size, orders: store.orders.size },
    }),

    upsertApp(raw) {
      const body = parseControl(check.app, raw);
      const partnerId = body.partner_id ?? SP_DEFAULTS.partnerId + store.partners.size;
      const partner =
        store.partners.get(partnerId) ?? newPartner(partnerId, body.partner_key ?? `shpk-${partnerId}`);
      if (body.partner_key !== undefined) partner.key = body.partner_key;
      if (body.redirect_uris !== undefined) partner.redirectUris = body.redirect_uris;
      store.partners.set(partnerId, partner);
      return partnerBody(partner);
    },

    upsertSeller(raw) {
      const body = parseControl(check.seller, raw);
      const id = body.id ?? SP_DEFAULTS.shopId + store.shops.size;
      const record = store.shops.get(id) ?? {
        id,
        name: `Loja ${id}`,
        region: SP_PRODUCTS.region,
        locations: [],
        holidayMode: false,
        mainAccountId: null,
      };
      if (body.name !== undefined) record.name = body.name;
      if (body.region !== undefined) record.region = body.region;
      if (body.location_ids !== undefined) record.locations = body.location_ids;
      if (body.holiday_mode !== undefined) record.holidayMode = body.holiday_mode;
      if (body.main_account_id !== undefined) record.mainAccountId = body.main_account_id;
      store.shops.set(id, record);
      return record;
    },

    issueToken(raw) {
      const body = parseControl(check.token, raw);
      const partner = store.partners.get(body.partner_id ?? SP_DEFAULTS.partnerId);
      if (partner === undefined) throw notFound(`partner ${body.partner_id}`);
      return controlTokens(deps, partner.partnerId, shop(body.shop_id).id);
    },

    revoke(raw) {
      const body = parseControl(check.revoke, raw);
      let revoked = 0;
      for (const token of [body.access_token, body.refresh_token]) {
        if (token !== undefined && deps.tokens.revokeToken(token)) revoked += 1;
      }
      if (body.shop_id !== undefined) {
        const partner = body.partner_id === undefined ? undefined : String(body.partner_id);
        revoked += deps.tokens.revokeSeller(String(body.shop_id), partner);
      }
      return { revoked };
    },

    createListing(raw) {
      const body = parseControl(check.listing, raw);
      const owner = shop(body.shop_id);
      const now = nowSeconds(deps);
      const created: SpItem = {
        item_id: store.nextId('item'),
        shopId: owner.id,
        item_sku: body.sku ?? '',
        item_name: body.name ?? `Produto ${body.sku ?? ''}`.trim(),
        item_status: body.status ?? 'NORMAL',
        category_id: 100_001,
        create_time: now,
        update_time: now,
        models: buildModels(deps, body, owner.locations),
      };
      store.addItem(created);
      return listingView(created);
    },

    updateListing(id, raw) {
      const target = item(id);
      const body = parseControl(check.patch, raw);
      if (!hasModels(target)) editModel(deps, target.models[0]!, body);
      for (const edit of body.models ?? []) {
        const model = store.model(target, edit.model_id);
        if (model === undefined) throw notFound(`model ${edit.model_id}`);
        editModel(deps, model, edit);
      }
      if (body.status !== undefined) target.item_status = body.status;
      target.update_time = nowSeconds(deps);
      return listingView(target);
    },

    getListing: (id) => listingView(item(id)),

    listListings(query) {
      const all =
        query.seller_id === undefined
          ? [...store.items.values()]
          : [...store.itemsOf(Number(query.seller_id))];
      return all.filter((entry) => query.sku === undefined || entry.item_sku === query.sku).map(listingView);
    },

    createOrder(raw) {
      const body = parseControl(check.order, raw);
      return createSpOrder(deps, shop(body.shop_id).id, body);
    },

    getOrder(id) {
      const order = store.orders.get(id);
      if (order === undefined) throw notFound(`order ${id}`);
      return { ...order, recipient_address: recipientAddress(order) };
    },

    setStatus(resource, id, raw) {
      const { status } = parseControl(check.status, raw);
      if (resource !== 'orders') throw notFound(`resource ${resource} (shopee has orders)`);
      const order = store.orders.get(id);
      if (order === undefined) throw notFound(`order ${id}`);
      const refusal = moveSpOrder(deps, order, status);
      if (refusal !== null) throw new ControlError(409, 'illegal_transition', refusal);
      return order;
    },

    settings: () => ({
      daily_call_limit: deps.settings.dailyCallLimit,
      tracking_delay_ms: deps.settings.trackingDelayMs,
      order_list_order: deps.settings.orderListOrder,
      logistics_mode: deps.settings.logisticsMode,
    }),

    updateSettings(raw) {
      const body = parseControl(check.settings, raw);
      if (body.daily_call_limit !== undefined) deps.settings.dailyCallLimit = body.daily_call_limit;
      if (body.tracking_delay_ms !== undefined) deps.settings.trackingDelayMs = body.tracking_delay_ms;
      if (body.order_list_order !== undefined) deps.settings.orderListOrder = body.order_list_order;
      if (body.logistics_mode !== undefined) deps.settings.logisticsMode = body.logistics_mode;
      return this.settings();
    },
  };
}
