/**
 * What the seller can do about a marketplace's refusal, in Portuguese and English. The adapters
 * (src/channels/<marketplace>/errors.ts) classify refusals into codes and attach an English hint;
 * this catalogue gives each of their hint codes, and each marketplace's fallback per failure
 * class, its Portuguese words. The marketplace's own message is never translated: it is shown
 * as the marketplace's.
 */
import {
  CATEGORY_HINTS as amazonCategoryHints,
  CLASS_HINTS as amazonClassHints,
  HINTS as amazonHints,
} from '../channels/amazon/errors.ts';
import { CLASS_HINTS as magaluClassHints, HINTS as magaluHints } from '../channels/magalu/errors.ts';
import { CLASS_HINTS as mlClassHints, HINTS as mlHints } from '../channels/mercadolivre/errors.ts';
import { CLASS_HINTS as shopeeClassHints, HINTS as shopeeHints } from '../channels/shopee/errors.ts';
import type { Language } from './language.ts';

const fullStock =
  'Este anúncio está no Mercado Livre Full, então o Mercado Livre controla o estoque dele. Pare de sincronizar o estoque dele ou tire-o do Full.';
const mlVariationGone =
  'A variação não existe mais no Mercado Livre. Conecte o SKU de novo à variação atual.';
const mlReconnect = 'Reconecte a conta do Mercado Livre: a autorização expirou ou foi revogada.';
const magaluSkuFields =
  'A Magalu exige descrição e marca em todo SKU: envie-as pelo ERP (product.description, product.brand); o Cais publica na próxima execução do catálogo.';
const magaluReconnect = 'Reconecte a conta da Magalu: a autorização expirou ou foi revogada.';

/** Portuguese hints by the adapters' hint codes (their HINTS tables). */
export const hintsPt: Record<string, string> = {
  'ml.item.available_quantity.not_modifiable': fullStock,
  'ml.item.variations.available_quantity.not_modifiable': fullStock,
  'ml.item.price.not_modifiable':
    'A automação de preços está ligada para este anúncio no Mercado Livre. Desligue-a lá para o Cais definir o preço.',
  'ml.item.status.not_modifiable':
    'O anúncio foi encerrado no Mercado Livre e não pode mais mudar. Use "Publicar de novo" para criar um anúncio novo no lugar dele.',
  'ml.item.available_quantity.invalid':
    'O anúncio tem variações: conecte cada SKU de variação do produto à sua variação.',
  'ml.item.variations.id.invalid': mlVariationGone,
  'ml.variation_not_found': mlVariationGone,
  'ml.store_required':
    'Esta conta do Mercado Livre controla o estoque por depósito: informe na integração o depósito em que o Cais escreve (o store id, credentials.extra.storeId).',
  'ml.variation_attribute_unknown':
    'Nomeie no ERP os atributos das variações como a categoria do Mercado Livre (por exemplo Tamanho ou Cor), ou escolha outra categoria.',
  'ml.not_found': 'O anúncio não existe mais no Mercado Livre. Conecte o SKU de novo ou publique-o.',
  'ml.forbidden': 'O anúncio pertence a outra conta do Mercado Livre. Confira qual conta está conectada.',
  'ml.invalid_token': mlReconnect,
  'ml.invalid_grant': mlReconnect,
  'ml.unauthorized_policies':
    'O aplicativo do Mercado Livre não tem permissão para esta chamada. Reconecte a conta e aceite todas as permissões.',
  'magalu.price_above_list_price':
    'O preço de venda está acima do preço normal. Corrija o preço promocional no ERP ou nas regras de preço.',
  'magalu.description_required': magaluSkuFields,
  'magalu.brand_required': magaluSkuFields,
  'magalu.not_found': 'O SKU não existe no seu catálogo da Magalu. Conecte o produto de novo ou publique-o.',
  'magalu.unauthorized': magaluReconnect,
  'magalu.invalid_grant': magaluReconnect,
  'magalu.invalid_client':
    'A Magalu recusou as credenciais do aplicativo. Confira o Client ID e o Client secret e reconecte.',
  'magalu.forbidden':
    'A autorização da Magalu não tem uma permissão. Reconecte a conta e aceite todos os escopos.',
  'amazon.unauthorized':
    'A Amazon recusou a autorização. Reconecte a conta da Amazon (autorize o aplicativo de novo no Seller Central).',
  'amazon.invalid_grant':
    'A Amazon recusou o refresh token: o aplicativo foi desautorizado. Autorize-o de novo no Seller Central.',
  'amazon.invalid_client': 'A Amazon recusou o Client ID ou o Client secret (LWA). Confira-os e reconecte.',
  'amazon.not_found':
    'O SKU não existe no seu catálogo da Amazon (neste marketplace). Conecte o produto ao SKU certo.',
  'amazon.no_seller_id':
    'Informe na integração o seu ID de vendedor (Seller Central › Configurações › Informações da conta › Merchant Token).',
  'amazon.sku_path_refused':
    "A API de anúncios da Amazon recusa SKUs com '/' ou '#'. Use neste anúncio um SKU sem esses caracteres.",
  'amazon.product_type_needed':
    'Envie pelo ERP o EAN do produto (o Cais então o oferta no produto da Amazon com esse EAN) ou informe na integração o tipo de produto da Amazon do seu catálogo (extra.productType).',
  'amazon.sale_price_kept':
    'A Amazon manteve o preço promocional depois de aceitar a remoção. Remova-o no Seller Central (Gerenciar preços); o Cais continua enviando o preço normal.',
  'shopee.error_sign': 'A Shopee recusou a assinatura: confira o Partner ID e a Partner key e reconecte.',
  'shopee.invalid_acceess_token': 'Reconecte a loja da Shopee: a autorização expirou ou foi revogada.',
  'shopee.error_auth': 'Reconecte a loja da Shopee: a autorização não cobre esta loja ou este parceiro.',
  'shopee.error_item_not_found': 'O item não existe na sua loja da Shopee. Conecte o produto ao item certo.',
  'shopee.invalid_timestamp':
    'A Shopee recusou o horário da requisição: o relógio do servidor está mais de 5 minutos errado. Acerte o relógio.',
  'shopee.price_locked_by_promotion':
    'O item está numa promoção da Shopee, que trava o preço. Tire-o da promoção no Seller Centre ou espere ela acabar.',
  'shopee.stock_below_reserved':
    'Pedidos abertos na Shopee reservam mais unidades do que o estoque enviado. Envie ou cancele esses pedidos, ou envie mais estoque.',
  'shopee.holiday_mode':
    'A loja da Shopee está em modo férias, que bloqueia alterações. Desligue o modo férias no Seller Centre; a próxima sincronização envia os valores.',
  'shopee.location_id_missing':
    'A loja da Shopee tem vários depósitos e a Shopee precisa saber de qual é o estoque. Informe na integração o location_id do depósito (extra.locationId).',
  'shopee.location_id_refused':
    'A Shopee recusou o depósito (location_id) para o qual o estoque foi enviado. Confira o extra.locationId da integração com os depósitos da loja.',
  'shopee.refused':
    'A Shopee recusou esta alteração neste item. Leia a mensagem da Shopee, corrija no Seller Centre ou no ERP e sincronize de novo.',
  'shopee.main_account_many_shops':
    'A conta principal da Shopee autorizou várias lojas de uma vez. Conecte cada loja numa integração própria, autorizando uma loja por vez.',
  'shopee.error_price_agp_too_large':
    'A Shopee recusa variações cujo maior preço passa de 4 vezes o menor. Corrija os preços das variações.',
};

/** Amazon's hints by the category of the issue (its CATEGORY_HINTS table). */
export const amazonCategoryHintsPt: Record<string, string> = {
  INVALID_PRICE:
    'A Amazon recusou o preço. Corrija o preço ou o preço promocional no ERP ou nas regras de preço.',
  MISSING_ATTRIBUTE: 'Falta um atributo obrigatório no anúncio da Amazon. Complete-o no Seller Central.',
  INVALID_ATTRIBUTE: 'A Amazon recusou um valor. Corrija-o no ERP ou no anúncio no Seller Central.',
};

type ClassHints = Record<'transient' | 'rate_limited' | 'auth' | 'permanent', string>;

/** Each marketplace's fallback hint per failure class (their CLASS_HINTS tables). */
export const classHintsPt: Record<string, ClassHints> = {
  ml: {
    transient: 'O Mercado Livre está com uma falha temporária; o Cais tenta de novo sozinho.',
    rate_limited: 'O Mercado Livre pediu para o Cais ir mais devagar; o Cais espera e tenta de novo.',
    auth: 'Reconecte a conta do Mercado Livre.',
    permanent: 'Corrija o valor no ERP ou o anúncio no Mercado Livre e sincronize de novo.',
  },
  magalu: {
    transient: 'A Magalu está com uma falha temporária; o Cais tenta de novo sozinho.',
    rate_limited: 'A Magalu pediu para o Cais ir mais devagar; o Cais espera e tenta de novo.',
    auth: 'Reconecte a conta da Magalu.',
    permanent: 'Corrija o valor no ERP ou o SKU na Magalu e sincronize de novo.',
  },
  amazon: {
    transient: 'A Amazon está com uma falha temporária; o Cais tenta de novo sozinho.',
    rate_limited: 'A Amazon pediu para o Cais ir mais devagar; o Cais espera e tenta de novo.',
    auth: 'Reconecte a conta da Amazon.',
    permanent: 'Corrija o valor no ERP ou o anúncio no Seller Central e sincronize de novo.',
  },
  shopee: {
    transient: 'A Shopee está com uma falha temporária; o Cais tenta de novo sozinho.',
    rate_limited: 'A Shopee pediu para o Cais ir mais devagar; o Cais espera e tenta de novo.',
    auth: 'Reconecte a loja da Shopee.',
    permanent: 'Corrija o valor no ERP ou o item no Shopee Seller Centre e sincronize de novo.',
  },
  any: {
    transient: 'O marketplace está com uma falha temporária; o Cais tenta de novo sozinho.',
    rate_limited: 'O marketplace pediu para o Cais ir mais devagar; o Cais espera e tenta de novo.',
    auth: 'Reconecte a conta do marketplace em Integrações.',
    permanent: 'Corrija o valor no ERP ou o anúncio no marketplace e sincronize de novo.',
  },
};

/** The English tables the adapters export, to recognise which of their hints an error carries. */
export const adapterHintTables = {
  ml: { hints: mlHints, classes: mlClassHints },
  magalu: { hints: magaluHints, classes: magaluClassHints },
  amazon: { hints: amazonHints, classes: amazonClassHints, categories: amazonCategoryHints },
  shopee: { hints: shopeeHints, classes: shopeeClassHints },
} as const;

function marketplaceOf(code: string): keyof typeof adapterHintTables | undefined {
  const prefix = code.split('.')[0];
  return prefix === 'ml' || prefix === 'magalu' || prefix === 'amazon' || prefix === 'shopee'
    ? prefix
    : undefined;
}

function failureClass(failure: string | null | undefined): keyof ClassHints {
  return failure === 'transient' || failure === 'rate_limited' || failure === 'auth' ? failure : 'permanent';
}

export interface HintSource {
  /** Cais's code of the refusal (`ml.item.status.not_modifiable`, `http_503`…). */
  code: string | null;
  /** The failure class, when known (sync errors keep it; a red flag is permanent). */
  failure?: string | null | undefined;
  /** The English hint the adapter attached, if any. */
  hint: string | null;
}

/**
 * The hint in `lang`. In English it is the adapter's own; in Portuguese, the catalogue's words for
 * its code, else for the Amazon category it came from, else the marketplace's (or any
 * marketplace's) hint for its failure class: never the English text.
 */
export function hintText(source: HintSource, lang: Language): string | null {
  if (lang === 'en' || !source.hint) return source.hint;
  const code = source.code ?? '';
  const byCode = hintsPt[code];
  if (byCode) return byCode;
  const category = Object.entries(amazonCategoryHints).find(([, text]) => text === source.hint)?.[0];
  if (category && amazonCategoryHintsPt[category]) return amazonCategoryHintsPt[category];
  return classHintsPt[marketplaceOf(code) ?? 'any']![failureClass(source.failure)];
}
