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
  no_credentials: {
    en: '{field}: must not carry credentials; verify the signature instead',
    'pt-BR': '{field}: não pode conter usuário e senha; verifique a assinatura em vez disso',
  },
  repeats: {
    en: '{field}: {value} repeats {first}; send each one once',
    'pt-BR': '{field}: {value} repete {first}; envie cada um só uma vez',
  },
  needs_one_of: {
    en: '{field}: needs {allowed}',
    'pt-BR': '{field}: informe pelo menos um destes: {allowed}',
  },
  length_between: {
    en: '{field}: must be {min} to {max} characters',
    'pt-BR': '{field}: deve ter de {min} a {max} caracteres',
  },
  paging_limit: {
    en: '{field}: paging past {limit} results is not supported; narrow the search',
    'pt-BR': '{field}: não é possível paginar além de {limit} resultados; refine a busca',
  },
  unknown_cursor: {
    en: '{field}: is not a cursor this server issued',
    'pt-BR': '{field}: não é um cursor emitido por este servidor; use o link "next" como veio',
  },
  sku_mismatch: {
    en: '{field}: differs from the SKU in the path ({sku}); a SKU cannot change',
    'pt-BR': '{field}: difere do SKU do endereço ({sku}); um SKU não pode mudar',
  },
  path_mismatch: {
    en: '{field}: must match the code in the path',
    'pt-BR': '{field}: deve ser igual ao código do endereço',
  },
  not_a_date: { en: '{field}: "{value}" is not a date', 'pt-BR': '{field}: "{value}" não é uma data' },
  day_format: {
    en: '{field}: must be a date as DD/MM/YYYY (got "{value}")',
    'pt-BR': '{field}: deve ser uma data no formato DD/MM/AAAA (recebido: "{value}")',
  },
  whole_number: {
    en: '{field}: must be a whole number from {limit}',
    'pt-BR': '{field}: deve ser um número inteiro a partir de {limit}',
  },
  one_of_filters: {
    en: '{field}: is not a known filter ({allowed})',
    'pt-BR': '{field}: não é um filtro conhecido ({allowed})',
  },
  no_nul: {
    en: '{field}: must not contain the NUL character',
    'pt-BR': '{field}: não pode conter o caractere NUL (\\u0000)',
  },
  well_formed: {
    en: '{field}: must be valid Unicode',
    'pt-BR': '{field}: deve ser Unicode válido (tem um surrogate isolado)',
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
  sku_taken: { en: 'sku: {sku} already exists', 'pt-BR': 'sku: o SKU {sku} já existe' },
  sku_is_variation: {
    en: 'sku: {sku} is a variation; read it at /variations/{sku}',
    'pt-BR': 'O SKU {sku} é uma variação: consulte-o como variação',
  },
  price_required: {
    en: 'price: is required, the product has no price yet',
    'pt-BR': 'price: é obrigatório (o produto ainda não tem preço)',
  },
  promo_above_price: {
    en: 'promotional_price: must not be greater than price ({price})',
    'pt-BR': 'promotional_price: não pode ser maior que o preço ({price})',
  },
  variation_of_variation: {
    en: 'product.variations: {sku} is a variation; a variation cannot have variations',
    'pt-BR': 'product.variations: {sku} é uma variação, e uma variação não pode ter variações',
  },
  item_not_found: { en: 'sku: {sku} was not found', 'pt-BR': 'sku: {sku} não foi encontrado' },
  stale_write: {
    en: 'updated_at/sequence: older than the last accepted write for {sku}; ignored',
    'pt-BR': 'updated_at/sequence: este valor de {sku} é mais antigo que o último aceito; foi ignorado',
  },
  category_not_found: {
    en: 'category {code} not found',
    'pt-BR': 'Não foi possível encontrar a categoria {code}',
  },
  attribute_not_found: {
    en: 'attribute {name} not found',
    'pt-BR': 'Não foi possível encontrar o atributo {name}',
  },
  channel_not_supported: {
    en: 'channel: "{channel}" is not supported (supported: {supported})',
    'pt-BR': 'channel: o marketplace "{channel}" não é suportado (suportados: {supported})',
  },
  consent_impossible: {
    en: 'this connection cannot complete an OAuth consent',
    'pt-BR': 'Esta integração não pode concluir uma autorização no marketplace: edite-a e conecte de novo',
  },
  data_dir_in_use: {
    en: 'the embedded database in {dir} is in use by process {pid}',
    'pt-BR':
      'O banco embutido em {dir} está em uso pelo processo {pid}: pare-o antes, ou use PostgreSQL (DATABASE_URL) para vários processos',
  },
  api_key_not_found: { en: 'API key {key} not found', 'pt-BR': 'A chave de API {key} não existe' },
  user_not_found: { en: 'user {user} not found', 'pt-BR': 'O usuário {user} não existe' },
  console_login_required: {
    en: 'users and API keys are managed from a console login',
    'pt-BR': 'Usuários e chaves de API são gerenciados entrando no console (ou pela linha de comando cais)',
  },
  admin_required: {
    en: 'only an owner or admin can change users and API keys',
    'pt-BR': 'Só um proprietário ou administrador pode alterar usuários e chaves de API',
  },
  owner_required: {
    en: 'only an owner can add or remove an owner',
    'pt-BR': 'Só um proprietário pode adicionar ou remover outro proprietário',
  },
  cannot_remove_self: {
    en: 'you cannot remove yourself; ask another owner or admin',
    'pt-BR': 'Você não pode remover a si mesmo: peça a outro proprietário ou administrador',
  },
  credentials_required: {
    en: 'X-User-Email, X-Api-Key and X-Accountmanager-Key headers are required',
    'pt-BR': 'Faltam as credenciais: envie os cabeçalhos X-User-Email, X-Api-Key e X-Accountmanager-Key',
  },
  credentials_refused: {
    en: 'the email and API key do not match an active API key',
    'pt-BR': 'O e-mail e a chave de API não correspondem a uma chave ativa',
  },
  account_manager_key_refused: {
    en: 'X-Accountmanager-Key is not accepted by this server',
    'pt-BR': 'X-Accountmanager-Key: esta chave não é aceita por este servidor',
  },
  bearer_required: {
    en: 'Authorization: Bearer <token from POST /auth> is required (tokens last 6 hours)',
    'pt-BR': 'Authorization: envie Bearer <token de POST /auth> (o token vale 6 horas)',
  },
  rate_limited: {
    en: 'rate limit of {limit} requests per minute for this account exceeded; retry in {after}',
    'pt-BR': 'Limite de {limit} requisições por minuto desta conta excedido: tente de novo em {after}',
  },
  auth_rate_limited: {
    en: 'too many failed API key attempts; retry in {seconds} seconds',
    'pt-BR': 'Muitas tentativas com chave de API errada: tente de novo em {seconds} segundos',
  },
  idempotency_key_in_flight: {
    en: 'Idempotency-Key: a request with this key is still being processed; retry later',
    'pt-BR': 'Idempotency-Key: uma requisição com esta chave ainda está em andamento; tente mais tarde',
  },
  idempotency_key_reused: {
    en: 'Idempotency-Key: was already used with a different request',
    'pt-BR': 'Idempotency-Key: esta chave já foi usada com outra requisição',
  },
  too_deep: {
    en: 'body: must not nest objects or arrays more than {limit} deep',
    'pt-BR': 'body: não pode aninhar objetos ou listas com mais de {limit} níveis',
  },
  not_utf8: { en: 'body: must be UTF-8 encoded JSON', 'pt-BR': 'body: deve ser JSON codificado em UTF-8' },
  not_acceptable: {
    en: 'Accept: this API answers application/json only',
    'pt-BR': 'Accept: esta API só responde application/json',
  },
  delivery_not_found: { en: 'delivery {delivery} not found', 'pt-BR': 'A entrega {delivery} não existe' },
  invalid_nfe_key: {
    en: 'invoice.key: is not a valid NF-e access key',
    'pt-BR':
      'invoice.key: não é uma chave de acesso de NF-e válida (44 dígitos, com o dígito verificador certo)',
  },
  approval_not_allowed: {
    en: 'order {order}: approval comes from the marketplace',
    'pt-BR': 'Pedido {order}: a aprovação vem do marketplace; só pedidos de teste podem ser aprovados aqui',
  },
  invoice_xml_required: {
    en: 'invoice.xml: {channel} needs the NF-e XML for this order',
    'pt-BR': 'invoice.xml: o marketplace {channel} exige o XML da NF-e autorizada neste pedido',
  },
  unknown_status: {
    en: 'status: "{status}" is not a status of this account',
    'pt-BR': 'status: "{status}" não é um status desta conta',
  },
  status_type_mismatch: {
    en: 'status: "{status}" is of type {type}; this action sets a {expected} status',
    'pt-BR': 'status: "{status}" é do tipo {type}, mas esta ação define um status do tipo {expected}',
  },
  invalid_transition: {
    en: 'order {order} is {from}; it cannot become {to}',
    'pt-BR': 'O pedido {order} está em {from} e não pode passar para {to}',
  },
  status_exists: {
    en: 'status.code: "{status}" already exists',
    'pt-BR': 'status.code: o status "{status}" já existe',
  },
  status_is_default: {
    en: 'status.code: "{status}" is a default status',
    'pt-BR': 'status.code: "{status}" é um status padrão e não pode ser criado nem alterado',
  },
  status_not_found: { en: 'status {status} not found', 'pt-BR': 'O status {status} não existe' },
  no_queue: {
    en: 'no job queue in this process; start a worker',
    'pt-BR': 'Este processo não tem fila de tarefas: inicie um worker',
  },
  duplicate: { en: 'the value already exists', 'pt-BR': 'Este valor já existe' },
  db_contention: {
    en: 'the database was busy, retry the request',
    'pt-BR': 'O banco de dados estava ocupado: tente de novo',
  },
  db_unavailable: {
    en: 'the database is unavailable, retry later',
    'pt-BR': 'O banco de dados está indisponível: tente de novo mais tarde',
  },
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
