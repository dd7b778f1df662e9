/**
 * Bodies of the order routes, as SkyHub's clients send them (reference §2.3, with the official
 * SDK's variants seen in [SMOKE]); the `status` of each is optional, as in the SDK.
 */
import { Type } from 'typebox';
import { withExample } from './contract/common.ts';

const Text = (max = 500) => Type.String({ maxLength: max });
const When = Type.String({
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$',
  description: 'ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00',
});
const Status = Type.Optional(
  Type.String({ minLength: 1, maxLength: 100, description: 'A status code of the account' }),
);
const Money = Type.Number({ minimum: 0, maximum: 100_000_000 });

export const InvoiceBody = withExample(
  Type.Object(
    {
      status: Status,
      invoice: Type.Object(
        {
          key: Type.String({
            maxLength: 100,
            description: 'The NF-e access key: 44 digits with a valid check digit',
          }),
          number: Type.Optional(Text(50)),
          line: Type.Optional(Text(20)),
          issue_date: Type.Optional(When),
          volume_qty: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
          xml: Type.Optional(
            Type.String({ maxLength: 1_000_000, description: 'Cais: the NF-e XML (Magalu needs it)' }),
          ),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
  {
    status: 'order_invoiced',
    invoice: {
      key: '35260312345678000199550010000012341000012348',
      number: '1234',
      line: '1',
      issue_date: '2026-03-02T15:30:00-03:00',
    },
  },
);

const ShipmentItems = Type.Array(
  Type.Object(
    {
      sku: Type.String({ minLength: 1, maxLength: 100 }),
      qty: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 1000 },
);

const Track = Type.Object(
  {
    code: Type.Optional(Text(200)),
    carrier: Type.Optional(Text(200)),
    method: Type.Optional(Text(200)),
    url: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
);

/** `items` may sit inside `shipment` (the docs) or beside it (what the official SDK sends). */
export const ShipmentBody = withExample(
  Type.Object(
    {
      status: Status,
      items: Type.Optional(ShipmentItems),
      shipment: Type.Object(
        {
          code: Type.Optional(Text(200)),
          delivered_carrier_date: Type.Optional(When),
          estimated_delivery: Type.Optional(When),
          items: Type.Optional(ShipmentItems),
          track: Type.Optional(Track),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
  {
    status: 'order_shipped',
    shipment: {
      code: 'PKG-1',
      items: [{ sku: 'CAM-01', qty: 2 }],
      track: {
        code: 'BR123456789BR',
        carrier: 'Correios',
        method: 'PAC',
        url: 'https://rastreamento.correios.com.br/',
      },
    },
  },
);

export const DeliveryBody = withExample(
  Type.Object({ status: Status, delivered_date: Type.Optional(When) }, { additionalProperties: false }),
  { status: 'complete', delivered_date: '2026-03-06' },
);

export const CancelBody = withExample(
  Type.Object({ status: Status, reason: Type.Optional(Text(1000)) }, { additionalProperties: false }),
  { status: 'order_canceled', reason: 'O comprador desistiu' },
);

export const ShipmentExceptionBody = withExample(
  Type.Object(
    {
      status: Status,
      shipment_exception: Type.Optional(
        Type.Object(
          { occurrence_date: Type.Optional(When), observation: Type.Optional(Text(2000)) },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
  {
    status: 'shipment_exception',
    shipment_exception: { occurrence_date: '2026-03-05T10:00:00-03:00', observation: 'Destinatário ausente' },
  },
);

export const ApprovalBody = withExample(Type.Object({ status: Status }, { additionalProperties: false }), {
  status: 'payment_received',
});

const Address = Type.Object(
  Object.fromEntries(
    [
      'full_name',
      'street',
      'number',
      'detail',
      'complement',
      'neighborhood',
      'city',
      'region',
      'country',
      'postcode',
      'phone',
      'secondary_phone',
      'reference',
    ].map((k) => [k, Type.Optional(Text(500))]),
  ),
  { additionalProperties: false },
);

const TestOrderFields = Type.Object(
  {
    channel: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    items: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 100, description: 'The SKU' }),
          qty: Type.Integer({ minimum: 1, maximum: 100_000 }),
          original_price: Money,
          special_price: Type.Optional(Money),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    customer: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text(500)),
          email: Type.Optional(Text(500)),
          vat_number: Type.Optional(Text(50)),
          date_of_birth: Type.Optional(Text(50)),
          gender: Type.Optional(Text(50)),
          phones: Type.Optional(Type.Array(Text(50), { maxItems: 10 })),
        },
        { additionalProperties: false },
      ),
    ),
    shipping_address: Type.Optional(Address),
    billing_address: Type.Optional(Address),
    payments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            method: Text(100),
            description: Type.Optional(Text(500)),
            parcels: Type.Optional(Type.Integer({ minimum: 1, maximum: 48 })),
            value: Money,
          },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    ),
    shipping_method: Type.Optional(Text(200)),
    shipping_cost: Type.Optional(Money),
    shipping_calculation_type: Type.Optional(Text(200)),
    estimated_delivery: Type.Optional(When),
    interest: Type.Optional(Money),
    discount: Type.Optional(Money),
  },
  { additionalProperties: false },
);

/** `{"order": {...}}` as SkyHub documents it; the bare order is accepted too. */
export const TestOrderBody = withExample(TestOrderFields, {
  items: [{ id: 'CAM-01', qty: 2, original_price: 49.9 }],
  customer: { name: 'Maria da Silva', email: 'maria@example.com', vat_number: '12345678909' },
  shipping_address: {
    full_name: 'Maria da Silva',
    street: 'Rua Augusta',
    number: '1200',
    postcode: '01304001',
  },
  payments: [{ method: 'credit_card', value: 112.3 }],
  shipping_method: 'Transportadora',
  shipping_cost: 12.5,
  estimated_delivery: '2026-03-10',
});
