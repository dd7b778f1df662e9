/**
 * The sentences of the API's errors, keyed by their stable code (and, for `invalid_field`, by the
 * rule broken). The error handler renders one in the caller's language from the error's params;
 * a code without an entry keeps the English message written where it was thrown.
 */
import { fill, type Language, type Texts } from './language.ts';

const fieldRules: Record<string, Texts> = {
  required: { en: '{field}: is required', 'pt-BR': '{field}: é obrigatório' },
  unknown_field: { en: '{field}: is not a known field', 'pt-BR': '{field}: não é um campo conhecido' },
  one_of: { en: '{field}: must be one of {allowed}', 'pt-BR': '{field}: deve ser um destes: {allowed}' },
  minimum: { en: '{field}: must be >= {limit}', 'pt-BR': '{field}: deve ser no mínimo {limit}' },
  maximum: { en: '{field}: must be <= {limit}', 'pt-BR': '{field}: deve ser no máximo {limit}' },
  exclusive_minimum: { en: '{field}: must be > {limit}', 'pt-BR': '{field}: deve ser maior que {limit}' },
  exclusive_maximum: { en: '{field}: must be < {limit}', 'pt-BR': '{field}: deve ser menor que {limit}' },
  min_length: {
    en: '{field}: must have at least {limit} characters',
    'pt-BR': '{field}: deve ter pelo menos {limit} caracteres',
  },
  max_length: {
    en: '{field}: must have at most {limit} characters',
    'pt-BR': '{field}: deve ter no máximo {limit} caracteres',
  },
  min_items: {
    en: '{field}: must have at least {limit} items',
    'pt-BR': '{field}: deve ter pelo menos {limit} itens',
  },
  max_items: {
    en: '{field}: must have at most {limit} items',
    'pt-BR': '{field}: deve ter no máximo {limit} itens',
  },
  decimals: {
    en: '{field}: must have at most 2 decimal places',
    'pt-BR': '{field}: deve ter no máximo 2 casas decimais',
  },
  multiple_of: {
    en: '{field}: must be a multiple of {limit}',
    'pt-BR': '{field}: deve ser múltiplo de {limit}',
  },
  type: { en: '{field}: must be {type}', 'pt-BR': '{field}: tem o tipo errado (esperado: {type})' },
  format: { en: '{field}: must be a valid {format}', 'pt-BR': '{field}: não é um {format} válido' },
  no_whitespace: {
    en: '{field}: must not be empty or contain whitespace',
    'pt-BR': '{field}: não pode ser vazio nem ter espaços',
  },
  not_url: { en: '{field}: is not a URL', 'pt-BR': '{field}: não é um endereço (URL) válido' },
  http_url: {
    en: '{field}: must be http or https',
    'pt-BR': '{field}: deve começar com http:// ou https://',
  },
  unique: {
    en: '{field}: each value must appear once',
    'pt-BR': '{field}: cada valor deve aparecer uma vez',
  },
};

/** Sentences by error code. Parameters: see where each code is thrown. */
export const errorTexts: Record<string, Texts> = {
  product_not_found: { en: 'Product {sku} not found', 'pt-BR': 'Não foi possível encontrar o produto {sku}' },
  variation_not_found: {
    en: 'Variation {sku} not found',
    'pt-BR': 'Não foi possível encontrar a variação {sku}',
  },
  connection_not_found: {
    en: 'connection {connection} not found',
    'pt-BR': 'A integração {connection} não existe (ou foi excluída)',
  },
  connection_name_taken: {
    en: 'connection.name: "{name}" is already used by connection {connection}',
    'pt-BR': 'connection.name: o nome "{name}" já é usado por outra integração',
  },
  oauth_client_required: {
    en: 'connection.client_id and connection.client_secret: are required to connect by OAuth',
    'pt-BR':
      'connection.client_id e connection.client_secret: são obrigatórios para autorizar no marketplace',
  },
  consent_unsupported: {
    en: '{channel} is connected with credentials, not by OAuth',
    'pt-BR': 'Esta integração é conectada com credenciais, não por autorização no marketplace',
  },
  consent_no_client: {
    en: 'this connection has no client_id; edit it to add one',
    'pt-BR': 'Esta integração não tem Client ID: edite a integração e informe o Client ID e o Client secret',
  },
  consent_unknown_state: {
    en: 'state: this authorisation link is unknown or was already used; start connecting again',
    'pt-BR': 'Este link de autorização é desconhecido ou já foi usado: comece a conexão de novo',
  },
  consent_refused: {
    en: 'the marketplace did not authorise the connection',
    'pt-BR': 'O marketplace não autorizou a conexão',
  },
  authorization_refused: {
    en: 'the marketplace refused the authorisation: {marketplace_message}',
    'pt-BR': 'O marketplace recusou a autorização. Mensagem do marketplace: “{marketplace_message}”',
  },
  connection_pending: {
    en: 'connection {connection} is pending; reconnect it first',
    'pt-BR': 'A integração {connection} ainda aguarda autorização no marketplace: reconecte antes',
  },
  connection_auth_failed: {
    en: 'connection {connection} is auth_failed; reconnect it first',
    'pt-BR': 'A autorização da integração {connection} falhou: reconecte em Integrações antes',
  },
  connection_disabled: {
    en: 'connection {connection} is disabled; enable it first',
    'pt-BR': 'A integração {connection} está desativada: ative-a antes',
  },
  not_connected: {
    en: 'sku {sku} has no connected (green) listing; connect it first',
    'pt-BR': 'O produto {sku} não tem anúncio conectado (bandeira verde) nesta integração: conecte-o antes',
  },
  not_closed: {
    en: 'the listing of {sku} is not closed; only a closed listing is published again',
    'pt-BR': 'O anúncio de {sku} não está encerrado: só um anúncio encerrado pode ser publicado de novo',
  },
  republish_refused: {
    en: 'the marketplace refused the new listing: {marketplace_message}',
    'pt-BR': 'O marketplace recusou o anúncio novo. Mensagem do marketplace: “{marketplace_message}”',
  },
  manual_sync_rate_limited: {
    en: 'too many manual syncs; try again in {seconds} seconds',
    'pt-BR': 'Muitas sincronizações manuais: tente de novo em {seconds} segundos',
  },
  run_not_found: { en: 'run {run} not found', 'pt-BR': 'A execução {run} não existe' },
  schedule_not_found: { en: 'schedule {schedule} not found', 'pt-BR': 'O agendamento {schedule} não existe' },
  schedule_cancelled: {
    en: 'schedule {schedule} is already cancelled',
    'pt-BR': 'O agendamento {schedule} já foi cancelado',
  },
  webhook_not_found: { en: 'webhook {webhook} not found', 'pt-BR': 'O webhook {webhook} não existe' },
  order_not_found: { en: 'order {order} not found', 'pt-BR': 'O pedido {order} não existe' },
  email_taken: {
    en: 'email: a user with {email} already exists',
    'pt-BR': 'email: já existe um usuário com o e-mail {email}',
  },
  session_expired: {
    en: 'the session has ended; log in again',
    'pt-BR': 'A sessão terminou: entre de novo',
  },
  no_session: { en: 'not logged in', 'pt-BR': 'Você não está conectado: entre de novo' },
  csrf_failed: {
    en: 'X-CSRF-Token: missing or wrong; reload the console',
    'pt-BR': 'A página ficou desatualizada: recarregue o console e tente de novo',
  },
  read_only: {
    en: 'your user can view but not change anything (role viewer)',
    'pt-BR': 'Seu usuário pode consultar, mas não alterar (perfil Leitor)',
  },
  login_rate_limited: {
    en: 'too many login requests; retry later',
    'pt-BR': 'Muitas tentativas de entrar: espere um pouco e tente de novo',
  },
  too_many_attempts: {
    en: 'too many failed attempts; try again later',
    'pt-BR': 'Muitas tentativas com falha: espere um pouco e tente de novo',
  },
  schedule_immutable: {
    en: 'schedules cannot be changed: replace it with PUT /sync/schedules/ID, or cancel it with DELETE',
    'pt-BR':
      'Um agendamento não muda: substitua-o com PUT /sync/schedules/ID (cancela e cria o novo) ou cancele-o com DELETE',
  },
  login_failed: { en: 'wrong email or password', 'pt-BR': 'E-mail ou senha incorretos' },
  no_route: { en: 'no route for {method} {path}', 'pt-BR': 'Endereço desconhecido: {method} {path}' },
  internal: {
    en: 'internal error; the request id is in the x-request-id header',
    'pt-BR': 'Erro interno; o identificador da requisição está no cabeçalho x-request-id',
  },
};

/**
 * The error's sentence in `lang`, or undefined when the catalogue lacks it (or a parameter it
 * needs): the caller then keeps the English message.
 */
export function errorText(
  code: string,
  params: Record<string, unknown> | undefined,
  lang: Language,
): string | undefined {
  const texts = code === 'invalid_field' ? fieldRules[String(params?.rule)] : errorTexts[code];
  return texts && fill(texts[lang], params ?? {});
}

export const fieldRuleTexts = fieldRules;

/** An error's sentence for a reader of `lang`: the catalogue's in Portuguese, else as thrown. */
export function messageFor(
  error: { message: string; code: string; params?: Record<string, unknown> | undefined },
  lang: Language,
): { text: string; lang: Language } {
  const translated = lang === 'en' ? undefined : errorText(error.code, error.params, lang);
  return translated ? { text: translated, lang } : { text: error.message, lang: 'en' };
}
