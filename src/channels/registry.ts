/** The adapters Cais has, by channel name. Adding a marketplace = a folder + one line here. */
import { notFound } from '../errors.ts';
import type { ChannelAdapter, ChannelName } from './adapter.ts';
import { amazon } from './amazon/adapter.ts';
import { magalu } from './magalu/adapter.ts';
import { mercadoLivre } from './mercadolivre/adapter.ts';
import { shopee } from './shopee/adapter.ts';

const all: ChannelAdapter[] = [mercadoLivre, magalu, amazon, shopee];

const adapters = new Map<ChannelName, ChannelAdapter>(all.map((a) => [a.channel, a]));

export function adapterFor(channel: string): ChannelAdapter {
  const adapter = adapters.get(channel as ChannelName);
  if (!adapter) {
    throw notFound(`channel: "${channel}" is not supported (supported: ${[...adapters.keys()].join(', ')})`, {
      code: 'channel_not_supported',
      params: { channel, supported: [...adapters.keys()] },
    });
  }
  return adapter;
}

export function supportedChannels(): ChannelName[] {
  return [...adapters.keys()];
}
