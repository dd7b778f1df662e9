import type { AmazonOptions } from './amazon/index.ts';
import { createAmazon } from './amazon/index.ts';
import type { ChannelModule } from './core/channel.ts';
import type { SimContext } from './core/context.ts';
import type { MagaluOptions } from './magalu/index.ts';
import { createMagalu } from './magalu/index.ts';
import type { MercadoLivreOptions } from './mercadolivre/index.ts';
import { createMercadoLivre } from './mercadolivre/index.ts';
import type { ShopeeOptions } from './shopee/index.ts';
import { createShopee } from './shopee/index.ts';

/** Per-marketplace options, keyed by channel name. */
export interface ChannelOptions {
  readonly mercadolivre?: MercadoLivreOptions;
  readonly magalu?: MagaluOptions;
  readonly amazon?: AmazonOptions;
  readonly shopee?: ShopeeOptions;
}

/**
 * The marketplaces the simulator speaks. Adding one is a folder `simulator/<channel>/`
 * exporting a factory, and one line here.
 */
export function createChannels(ctx: SimContext, options: ChannelOptions): ChannelModule[] {
  return [
    createMercadoLivre(ctx, options.mercadolivre),
    createMagalu(ctx, options.magalu),
    createAmazon(ctx, options.amazon),
    createShopee(ctx, options.shopee),
  ];
}
