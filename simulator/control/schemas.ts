import { Type } from 'typebox';

const Rate = Type.Number({ minimum: 0, maximum: 1 });

/** `PUT /_control/:channel/faults/:op` */
export const FaultBody = Type.Object(
  {
    error_rate: Type.Optional(Rate),
    error_status: Type.Optional(Type.Integer({ minimum: 500, maximum: 599 })),
    rate_limit_rate: Type.Optional(Rate),
    timeout_rate: Type.Optional(Rate),
    latency_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
    partial_failure_rate: Type.Optional(Rate),
    count: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const Limit = Type.Object(
  { rate: Type.Number({ exclusiveMinimum: 0 }), burst: Type.Number({ minimum: 1 }) },
  { additionalProperties: false },
);

/** `PUT /_control/:channel/limits`: `{"items.update": {"rate": 5, "burst": 10}, "*": null}` */
export const LimitsBody = Type.Record(Type.String(), Type.Union([Limit, Type.Null()]));

export const SettingsBody = Type.Object(
  { retry_after: Type.Optional(Type.Boolean()), unlimited: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const ClockBody = Type.Object({ advance_ms: Type.Integer() }, { additionalProperties: false });

export const ResetBody = Type.Object({ seed: Type.Optional(Type.Union([Type.String(), Type.Number()])) });

export const WritesQuery = Type.Object({
  channel: Type.Optional(Type.String()),
  target: Type.Optional(Type.String()),
  item: Type.Optional(Type.String()),
  sku: Type.Optional(Type.String()),
  since: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
  limit: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
});

/** `GET /_control/conformance?channel&operation&since` */
export const ConformanceQuery = Type.Object({
  channel: Type.Optional(Type.String()),
  operation: Type.Optional(Type.String()),
  since: Type.Optional(Type.String({ pattern: '^[0-9]+$' })),
});
