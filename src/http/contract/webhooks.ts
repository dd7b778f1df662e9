/** The webhook routes' bodies: endpoints, their delivery log, replays. */
import { type Static, Type } from 'typebox';
import { withExample } from './common.ts';

export const eventTypes = ['order.created', 'order.updated', 'sync_error.created'] as const;

const Timestamp = Type.String({ format: 'date-time' });
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const WebhookIdParams = Type.Object({ id: Id });
export const DeliveryParams = Type.Object({ id: Id, deliveryId: Id });

const EventName = Type.Union(
  [Type.Literal('order.created'), Type.Literal('order.updated'), Type.Literal('sync_error.created')],
  { description: 'An event an endpoint can listen to' },
);
// Both name the same events: adding one to a list and not the other fails tsc.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameEvents: Same<Static<typeof EventName>, (typeof eventTypes)[number]> = true;

export const WebhookInput = withExample(
  Type.Object(
    {
      url: Type.String({ minLength: 1, maxLength: 2000 }),
      events: Type.Array(EventName, { minItems: 1, maxItems: eventTypes.length }),
      description: Type.Optional(Type.String({ maxLength: 500 })),
      status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    },
    { additionalProperties: false },
  ),
  { url: 'https://erp.example.com/cais/events', events: ['order.created', 'order.updated'] },
);

export const WebhookBody = withExample(
  Type.Union([Type.Object({ webhook: WebhookInput }, { additionalProperties: false }), WebhookInput], {
    description: 'The endpoint wrapped in `webhook` or unwrapped.',
  }),
  { webhook: { url: 'https://erp.example.com/cais/events', events: ['order.created', 'order.updated'] } },
);

export const Webhook = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  events: Type.Array(EventName),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  created_at: Timestamp,
  updated_at: Timestamp,
  secret: Type.Optional(
    Type.String({ description: 'The signing secret: only when registered or rotated, shown once' }),
  ),
});

const webhookExample = {
  id: 3,
  url: 'https://erp.example.com/cais/events',
  description: null,
  events: ['order.created' as const, 'order.updated' as const],
  status: 'active' as const,
  created_at: '2026-03-01T13:00:00.000Z',
  updated_at: '2026-03-01T13:00:00.000Z',
};

export const WebhookAnswer = withExample(Type.Object({ webhook: Webhook }), { webhook: webhookExample });
export const WebhookWithSecret = withExample(Type.Object({ webhook: Webhook }), {
  webhook: { ...webhookExample, secret: 'whsec_8f1c…' },
});
export const WebhookList = withExample(Type.Object({ webhooks: Type.Array(Webhook) }), {
  webhooks: [webhookExample],
});

export const DeliveryQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('dead')]),
  ),
  before: Type.Optional(Id),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const Delivery = Type.Object({
  id: Type.Integer(),
  event_id: Type.String(),
  event_type: EventName,
  status: Type.Union([Type.Literal('pending'), Type.Literal('succeeded'), Type.Literal('dead')]),
  attempts: Type.Integer(),
  next_attempt_at: Type.Union([Timestamp, Type.Null()], { description: 'Only while pending' }),
  last_status_code: Type.Union([Type.Integer(), Type.Null()]),
  last_error: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
  finished_at: Type.Union([Timestamp, Type.Null()]),
  attempt_log: Type.Array(
    Type.Object({
      attempt: Type.Integer(),
      status_code: Type.Union([Type.Integer(), Type.Null()]),
      error: Type.Union([Type.String(), Type.Null()]),
      duration_ms: Type.Integer(),
      at: Timestamp,
    }),
  ),
});

export const DeliveryList = withExample(Type.Object({ deliveries: Type.Array(Delivery) }), {
  deliveries: [
    {
      id: 41,
      event_id: '0b6c2f3e-5d1a-4d0e-9a51-2f5d8f0c9b11',
      event_type: 'order.created',
      status: 'dead',
      attempts: 21,
      next_attempt_at: null,
      last_status_code: 503,
      last_error: null,
      created_at: '2026-03-01T13:00:00.000Z',
      finished_at: '2026-03-02T13:05:00.000Z',
      attempt_log: [
        { attempt: 1, status_code: 503, error: null, duration_ms: 84, at: '2026-03-01T13:00:01.000Z' },
      ],
    },
  ],
});

export const DeliveryBody = withExample(
  Type.Unknown({ description: 'The event exactly as it was signed and sent' }),
  {
    id: '0b6c2f3e-5d1a-4d0e-9a51-2f5d8f0c9b11',
    type: 'order.created',
    created_at: '2026-03-01T13:00:00.000Z',
    data: { code: 'Mercado Livre-2000001234' },
  },
);

export const ReplayBody = withExample(
  Type.Object(
    {
      delivery_ids: Type.Optional(
        Type.Array(Id, {
          minItems: 1,
          maxItems: 1000,
          description: 'Only these; all dead letters if absent',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  { delivery_ids: [41] },
);

export const Replayed = withExample(
  Type.Object({ replayed: Type.Integer(), delivery_ids: Type.Array(Type.Integer()) }),
  { replayed: 1, delivery_ids: [41] },
);
