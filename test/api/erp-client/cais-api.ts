export type QueryParamsType = Record<string | number, any>;
export type ResponseFormat = keyof Omit<Body, "body" | "bodyUsed">;

export interface FullRequestParams extends Omit<RequestInit, "body"> {
  /** set parameter to `true` for call `securityWorker` for this request */
  secure?: boolean;
  /** request path */
  path: string;
  /** content type of request body */
  type?: ContentType;
  /** query params */
  query?: QueryParamsType;
  /** format of response (i.e. response.json() -> format: "json") */
  format?: ResponseFormat;
  /** request body */
  body?: unknown;
  /** base url */
  baseUrl?: string;
  /** request cancellation token */
  cancelToken?: CancelToken;
}

export type RequestParams = Omit<
  FullRequestParams,
  "body" | "method" | "query" | "path"
>;

export interface ApiConfig<SecurityDataType = unknown> {
  baseUrl?: string;
  baseApiParams?: Omit<RequestParams, "baseUrl" | "cancelToken" | "signal">;
  securityWorker?: (
    securityData: SecurityDataType | null,
  ) => Promise<RequestParams | void> | RequestParams | void;
  customFetch?: typeof fetch;
}

export interface HttpResponse<D extends unknown, E extends unknown = unknown>
  extends Response {
  data: D;
  error: E;
}

type CancelToken = Symbol | string | number;

export const ContentType = {
  Json: "application/json",
  JsonApi: "application/vnd.api+json",
  FormData: "multipart/form-data",
  UrlEncoded: "application/x-www-form-urlencoded",
  Text: "text/plain",
} as const;
export type ContentType = (typeof ContentType)[keyof typeof ContentType];

export class HttpClient<SecurityDataType = unknown> {
  public baseUrl: string = "";
  private securityData: SecurityDataType | null = null;
  private securityWorker?: ApiConfig<SecurityDataType>["securityWorker"];
  private abortControllers = new Map<CancelToken, AbortController>();
  private customFetch = (...fetchParams: Parameters<typeof fetch>) =>
    fetch(...fetchParams);

  private baseApiParams: RequestParams = {
    credentials: "same-origin",
    headers: {},
    redirect: "follow",
    referrerPolicy: "no-referrer",
  };

  constructor(apiConfig: ApiConfig<SecurityDataType> = {}) {
    Object.assign(this, apiConfig);
  }

  public setSecurityData = (data: SecurityDataType | null) => {
    this.securityData = data;
  };

  protected encodeQueryParam(key: string, value: any) {
    const encodedKey = encodeURIComponent(key);
    return `${encodedKey}=${encodeURIComponent(typeof value === "number" ? value : `${value}`)}`;
  }

  protected addQueryParam(query: QueryParamsType, key: string) {
    return this.encodeQueryParam(key, query[key]);
  }

  protected addArrayQueryParam(query: QueryParamsType, key: string) {
    const value = query[key];
    return value.map((v: any) => this.encodeQueryParam(key, v)).join("&");
  }

  protected toQueryString(rawQuery?: QueryParamsType): string {
    const query = rawQuery || {};
    const keys = Object.keys(query).filter(
      (key) => "undefined" !== typeof query[key],
    );
    return keys
      .map((key) =>
        Array.isArray(query[key])
          ? this.addArrayQueryParam(query, key)
          : this.addQueryParam(query, key),
      )
      .join("&");
  }

  protected addQueryParams(rawQuery?: QueryParamsType): string {
    const queryString = this.toQueryString(rawQuery);
    return queryString ? `?${queryString}` : "";
  }

  private contentFormatters: Record<ContentType, (input: any) => any> = {
    [ContentType.Json]: (input: any) =>
      input !== null && (typeof input === "object" || typeof input === "string")
        ? JSON.stringify(input)
        : input,
    [ContentType.JsonApi]: (input: any) =>
      input !== null && (typeof input === "object" || typeof input === "string")
        ? JSON.stringify(input)
        : input,
    [ContentType.Text]: (input: any) =>
      input !== null && typeof input !== "string"
        ? JSON.stringify(input)
        : input,
    [ContentType.FormData]: (input: any) => {
      if (input instanceof FormData) {
        return input;
      }

      return Object.keys(input || {}).reduce((formData, key) => {
        const property = input[key];
        formData.append(
          key,
          property instanceof Blob
            ? property
            : typeof property === "object" && property !== null
              ? JSON.stringify(property)
              : `${property}`,
        );
        return formData;
      }, new FormData());
    },
    [ContentType.UrlEncoded]: (input: any) => this.toQueryString(input),
  };

  protected mergeRequestParams(
    params1: RequestParams,
    params2?: RequestParams,
  ): RequestParams {
    return {
      ...this.baseApiParams,
      ...params1,
      ...(params2 || {}),
      headers: {
        ...(this.baseApiParams.headers || {}),
        ...(params1.headers || {}),
        ...((params2 && params2.headers) || {}),
      },
    };
  }

  protected createAbortSignal = (
    cancelToken: CancelToken,
  ): AbortSignal | undefined => {
    if (this.abortControllers.has(cancelToken)) {
      const abortController = this.abortControllers.get(cancelToken);
      if (abortController) {
        return abortController.signal;
      }
      return void 0;
    }

    const abortController = new AbortController();
    this.abortControllers.set(cancelToken, abortController);
    return abortController.signal;
  };

  public abortRequest = (cancelToken: CancelToken) => {
    const abortController = this.abortControllers.get(cancelToken);

    if (abortController) {
      abortController.abort();
      this.abortControllers.delete(cancelToken);
    }
  };

  public request = async <T = any, E = any>({
    body,
    secure,
    path,
    type,
    query,
    format,
    baseUrl,
    cancelToken,
    ...params
  }: FullRequestParams): Promise<HttpResponse<T, E>> => {
    const secureParams =
      ((typeof secure === "boolean" ? secure : this.baseApiParams.secure) &&
        this.securityWorker &&
        (await this.securityWorker(this.securityData))) ||
      {};
    const requestParams = this.mergeRequestParams(params, secureParams);
    const queryString = query && this.toQueryString(query);
    const payloadFormatter = this.contentFormatters[type || ContentType.Json];
    const responseFormat = format || requestParams.format;

    return this.customFetch(
      `${baseUrl || this.baseUrl || ""}${path}${queryString ? `?${queryString}` : ""}`,
      {
        ...requestParams,
        headers: {
          ...(requestParams.headers || {}),
          ...(type && type !== ContentType.FormData
            ? { "Content-Type": type }
            : {}),
        },
        signal:
          (cancelToken
            ? this.createAbortSignal(cancelToken)
            : requestParams.signal) || null,
        body:
          typeof body === "undefined" || body === null
            ? null
            : payloadFormatter(body),
      },
    ).then(async (response) => {
      const r = response as HttpResponse<T, E>;
      r.data = null as unknown as T;
      r.error = null as unknown as E;

      const responseToParse = responseFormat ? response.clone() : response;
      const data = !responseFormat
        ? r
        : await responseToParse[responseFormat]()
            .then((data) => {
              if (r.ok) {
                r.data = data;
              } else {
                r.error = data;
              }
              return r;
            })
            .catch((e) => {
              r.error = e;
              return r;
            });

      if (cancelToken) {
        this.abortControllers.delete(cancelToken);
      }

      if (!response.ok) throw data;
      return data;
    });
  };
}

/**
 * @title Cais seller API
 * @version 0.1.0
 *
 * SkyHub-compatible API for ERPs: products, variations, stock and price. Authenticate with X-User-Email, X-Api-Key and X-Accountmanager-Key, as with SkyHub.
 */
export class Api<
  SecurityDataType extends unknown,
> extends HttpClient<SecurityDataType> {
  notifications = {
    /**
     * No description
     *
     * @tags Marketplace callbacks
     * @name MercadolivreCreate
     * @summary Mercado Livre's notification callback (set it as the app's callback URL, topic orders_v2)
     * @request POST:/notifications/mercadolivre
     */
    mercadolivreCreate: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/notifications/mercadolivre`,
        method: "POST",
        ...params,
      }),
  };
  session = {
    /**
     * No description
     *
     * @tags Session
     * @name SessionCreate
     * @summary Log in to the console (sets the session cookie)
     * @request POST:/session
     */
    sessionCreate: (
      data: {
        /**
         * @minLength 1
         * @maxLength 320
         */
        email: string;
        /**
         * @minLength 1
         * @maxLength 1024
         */
        password: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/session`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Session
     * @name SessionDelete
     * @summary Log out
     * @request DELETE:/session
     */
    sessionDelete: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/session`,
        method: "DELETE",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Session
     * @name SessionList
     * @summary Who is logged in, the account, and the CSRF token
     * @request GET:/session
     */
    sessionList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/session`,
        method: "GET",
        ...params,
      }),
  };
  products = {
    /**
     * No description
     *
     * @tags Products
     * @name CreateProduct
     * @summary Create a product (with its variations)
     * @request POST:/products
     * @secure
     */
    createProduct: (
      data:
        | {
            product: {
              /** @maxItems 100 */
              associations?: any[];
              brand?: string | null;
              /** @maxItems 10 */
              categories?: {
                /**
                 * @minLength 1
                 * @maxLength 100
                 */
                code: string;
                /** @maxLength 500 */
                name: string;
              }[];
              cost?: number | null;
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              description?: string | null;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /** @maxLength 500 */
              name?: string;
              nbm?: string | null;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              removed?: boolean;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /** @maxItems 50 */
              variation_attributes?: string[];
              /** @maxItems 500 */
              variations?: {
                /**
                 * @min 0
                 * @max 365
                 */
                crossdocking?: number;
                ean?: string | null;
                /**
                 * @min 0
                 * @max 1000000
                 */
                height?: number;
                /** @maxItems 50 */
                images?: string[];
                /**
                 * @min 0
                 * @max 1000000
                 */
                length?: number;
                /**
                 * @min 0.01
                 * @multipleOf 0.01
                 * @max 99999999.99
                 */
                price?: number;
                promotional_price?: number | null;
                /**
                 * @min 0
                 * @max 1000000000
                 */
                qty?: number;
                /**
                 * The ERP's sequence of this value.
                 * @min 0
                 * @max 9007199254740991
                 */
                sequence?: number;
                /**
                 * Unique per account across products and variations; no whitespace.
                 * @minLength 1
                 * @maxLength 100
                 * @pattern ^\S+$
                 */
                sku: string;
                /** @maxItems 200 */
                specifications?: {
                  id?: string | number;
                  idValue?: string | number;
                  /** @maxLength 255 */
                  key?: string;
                  value?: string | number | boolean;
                }[];
                status?: "enabled" | "disabled";
                /**
                 * The ERP's time of this value.
                 * @format date-time
                 */
                updated_at?: string;
                /**
                 * @min 0
                 * @max 1000000
                 */
                weight?: number;
                /**
                 * @min 0
                 * @max 1000000
                 */
                width?: number;
              }[];
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            };
          }
        | {
            /** @maxItems 100 */
            associations?: any[];
            brand?: string | null;
            /** @maxItems 10 */
            categories?: {
              /**
               * @minLength 1
               * @maxLength 100
               */
              code: string;
              /** @maxLength 500 */
              name: string;
            }[];
            cost?: number | null;
            /**
             * @min 0
             * @max 365
             */
            crossdocking?: number;
            description?: string | null;
            ean?: string | null;
            /**
             * @min 0
             * @max 1000000
             */
            height?: number;
            /** @maxItems 50 */
            images?: string[];
            /**
             * @min 0
             * @max 1000000
             */
            length?: number;
            /** @maxLength 500 */
            name?: string;
            nbm?: string | null;
            /**
             * @min 0.01
             * @multipleOf 0.01
             * @max 99999999.99
             */
            price?: number;
            promotional_price?: number | null;
            /**
             * @min 0
             * @max 1000000000
             */
            qty?: number;
            removed?: boolean;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku: string;
            /** @maxItems 200 */
            specifications?: {
              id?: string | number;
              idValue?: string | number;
              /** @maxLength 255 */
              key?: string;
              value?: string | number | boolean;
            }[];
            status?: "enabled" | "disabled";
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
            /** @maxItems 50 */
            variation_attributes?: string[];
            /** @maxItems 500 */
            variations?: {
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            }[];
            /**
             * @min 0
             * @max 1000000
             */
            weight?: number;
            /**
             * @min 0
             * @max 1000000
             */
            width?: number;
          },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          associations: any[];
          brand: string | null;
          categories: any[];
          cost: number | null;
          crossdocking: number | null;
          description: string | null;
          ean: string | null;
          height: number | null;
          images: string[];
          length: number | null;
          name: string;
          nbm: string | null;
          price: number | null;
          promotional_price: number | null;
          qty: number;
          removed: boolean;
          sku: string;
          specifications: any[];
          status: string;
          variation_attributes: string[];
          variations: {
            ean: string | null;
            images: string[];
            price: number | null;
            promotional_price: number | null;
            qty: number;
            sku: string;
            specifications: any[];
            status: string;
          }[];
          weight: number | null;
          width: number | null;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name GetProduct
     * @summary Read a product
     * @request GET:/products/{sku}
     * @secure
     */
    getProduct: (sku: string, params: RequestParams = {}) =>
      this.request<
        {
          associations: any[];
          brand: string | null;
          categories: any[];
          cost: number | null;
          crossdocking: number | null;
          description: string | null;
          ean: string | null;
          height: number | null;
          images: string[];
          length: number | null;
          name: string;
          nbm: string | null;
          price: number | null;
          promotional_price: number | null;
          qty: number;
          removed: boolean;
          sku: string;
          specifications: any[];
          status: string;
          variation_attributes: string[];
          variations: {
            ean: string | null;
            images: string[];
            price: number | null;
            promotional_price: number | null;
            qty: number;
            sku: string;
            specifications: any[];
            status: string;
          }[];
          weight: number | null;
          width: number | null;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name HistoryList
     * @summary The accepted changes of a SKU (product or variation), newest first
     * @request GET:/products/{sku}/history
     * @secure
     */
    historyList: (
      sku: string,
      query?: {
        /**
         * Only changes older than this change id.
         * @min 1
         * @max 9007199254740991
         */
        before?: number;
        /**
         * @min 1
         * @max 500
         * @default 50
         */
        limit?: number;
        resource?: "stock" | "price" | "catalog" | "lifecycle";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        Record<string, any>,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/history`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Listings
     * @name ListingsCreate
     * @summary Connect a product: associate an existing listing (by SKU or external_id) or publish it
     * @request POST:/products/{sku}/listings/{connection}
     * @secure
     */
    listingsCreate: (
      sku: string,
      connection: number,
      data: {
        /**
         * Associate with this existing marketplace listing.
         * @minLength 1
         * @maxLength 100
         */
        external_id?: string;
        /**
         * @minLength 1
         * @maxLength 100
         */
        external_variation_id?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/listings/${connection}`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Listings
     * @name ListingsDelete
     * @summary Disconnect: take the product off sale there
     * @request DELETE:/products/{sku}/listings/{connection}
     * @secure
     */
    listingsDelete: (
      sku: string,
      connection: number,
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/listings/${connection}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Listings
     * @name ListingsList
     * @summary A product's listings on every connection, with their flags
     * @request GET:/products/{sku}/listings
     * @secure
     */
    listingsList: (sku: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/listings`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Listings
     * @name ListingsRepublishCreate
     * @summary Publish a closed listing again: a new listing, linked in place of the old one
     * @request POST:/products/{sku}/listings/{connection}/republish
     * @secure
     */
    listingsRepublishCreate: (
      sku: string,
      connection: number,
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/listings/${connection}/republish`,
        method: "POST",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name ProductsDelete
     * @summary Remove a product and its variations
     * @request DELETE:/products/{sku}
     * @secure
     */
    productsDelete: (sku: string, params: RequestParams = {}) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name ProductsList
     * @summary List products (page/per_page, or the cursor in `next`)
     * @request GET:/products
     * @secure
     */
    productsList: (
      query?: {
        /**
         * A category code.
         * @maxLength 100
         */
        categories?: string;
        /** @maxLength 200 */
        cursor?: string;
        /** @maxLength 500 */
        name?: string;
        /** @min 1 */
        page?: number;
        /**
         * At most 100; larger values are capped.
         * @min 1
         */
        per_page?: number;
        /**
         * @min 0
         * @max 1000000000
         */
        qty_from?: number;
        /**
         * @min 0
         * @max 1000000000
         */
        qty_to?: number;
        /** @maxLength 100 */
        sku?: string;
        status?: "enabled" | "disabled";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          next?: string;
          products: {
            associations: any[];
            brand: string | null;
            categories: any[];
            cost: number | null;
            crossdocking: number | null;
            description: string | null;
            ean: string | null;
            height: number | null;
            images: string[];
            length: number | null;
            name: string;
            nbm: string | null;
            price: number | null;
            promotional_price: number | null;
            qty: number;
            removed: boolean;
            sku: string;
            specifications: any[];
            status: string;
            variation_attributes: string[];
            variations: {
              ean: string | null;
              images: string[];
              price: number | null;
              promotional_price: number | null;
              qty: number;
              sku: string;
              specifications: any[];
              status: string;
            }[];
            weight: number | null;
            width: number | null;
          }[];
          total: number;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name ProductsUpdate
     * @summary Update a product: any subset of fields (stock: `qty`; price: `price`, `promotional_price`)
     * @request PUT:/products/{sku}
     * @secure
     */
    productsUpdate: (
      sku: string,
      data:
        | {
            product: {
              /** @maxItems 100 */
              associations?: any[];
              brand?: string | null;
              /** @maxItems 10 */
              categories?: {
                /**
                 * @minLength 1
                 * @maxLength 100
                 */
                code: string;
                /** @maxLength 500 */
                name: string;
              }[];
              cost?: number | null;
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              description?: string | null;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /** @maxLength 500 */
              name?: string;
              nbm?: string | null;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              removed?: boolean;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku?: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /** @maxItems 50 */
              variation_attributes?: string[];
              /** @maxItems 500 */
              variations?: {
                /**
                 * @min 0
                 * @max 365
                 */
                crossdocking?: number;
                ean?: string | null;
                /**
                 * @min 0
                 * @max 1000000
                 */
                height?: number;
                /** @maxItems 50 */
                images?: string[];
                /**
                 * @min 0
                 * @max 1000000
                 */
                length?: number;
                /**
                 * @min 0.01
                 * @multipleOf 0.01
                 * @max 99999999.99
                 */
                price?: number;
                promotional_price?: number | null;
                /**
                 * @min 0
                 * @max 1000000000
                 */
                qty?: number;
                /**
                 * The ERP's sequence of this value.
                 * @min 0
                 * @max 9007199254740991
                 */
                sequence?: number;
                /**
                 * Unique per account across products and variations; no whitespace.
                 * @minLength 1
                 * @maxLength 100
                 * @pattern ^\S+$
                 */
                sku: string;
                /** @maxItems 200 */
                specifications?: {
                  id?: string | number;
                  idValue?: string | number;
                  /** @maxLength 255 */
                  key?: string;
                  value?: string | number | boolean;
                }[];
                status?: "enabled" | "disabled";
                /**
                 * The ERP's time of this value.
                 * @format date-time
                 */
                updated_at?: string;
                /**
                 * @min 0
                 * @max 1000000
                 */
                weight?: number;
                /**
                 * @min 0
                 * @max 1000000
                 */
                width?: number;
              }[];
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            };
          }
        | {
            /** @maxItems 100 */
            associations?: any[];
            brand?: string | null;
            /** @maxItems 10 */
            categories?: {
              /**
               * @minLength 1
               * @maxLength 100
               */
              code: string;
              /** @maxLength 500 */
              name: string;
            }[];
            cost?: number | null;
            /**
             * @min 0
             * @max 365
             */
            crossdocking?: number;
            description?: string | null;
            ean?: string | null;
            /**
             * @min 0
             * @max 1000000
             */
            height?: number;
            /** @maxItems 50 */
            images?: string[];
            /**
             * @min 0
             * @max 1000000
             */
            length?: number;
            /** @maxLength 500 */
            name?: string;
            nbm?: string | null;
            /**
             * @min 0.01
             * @multipleOf 0.01
             * @max 99999999.99
             */
            price?: number;
            promotional_price?: number | null;
            /**
             * @min 0
             * @max 1000000000
             */
            qty?: number;
            removed?: boolean;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku?: string;
            /** @maxItems 200 */
            specifications?: {
              id?: string | number;
              idValue?: string | number;
              /** @maxLength 255 */
              key?: string;
              value?: string | number | boolean;
            }[];
            status?: "enabled" | "disabled";
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
            /** @maxItems 50 */
            variation_attributes?: string[];
            /** @maxItems 500 */
            variations?: {
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            }[];
            /**
             * @min 0
             * @max 1000000
             */
            weight?: number;
            /**
             * @min 0
             * @max 1000000
             */
            width?: number;
          },
      params: RequestParams = {},
    ) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SyncCreate
     * @summary Sync this product now: its stock and price to its green listings
     * @request POST:/products/{sku}/sync
     * @secure
     */
    syncCreate: (
      sku: string,
      query?: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        connection?: number;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/sync`,
        method: "POST",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SyncStatusList
     * @summary Why is (or is not) this SKU up to date on each marketplace
     * @request GET:/products/{sku}/sync_status
     * @secure
     */
    syncStatusList: (sku: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/sync_status`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Variations
     * @name VariationsCreate
     * @summary Add a variation to a product
     * @request POST:/products/{sku}/variations
     * @secure
     */
    variationsCreate: (
      sku: string,
      data:
        | {
            variation: {
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            };
          }
        | {
            /**
             * @min 0
             * @max 365
             */
            crossdocking?: number;
            ean?: string | null;
            /**
             * @min 0
             * @max 1000000
             */
            height?: number;
            /** @maxItems 50 */
            images?: string[];
            /**
             * @min 0
             * @max 1000000
             */
            length?: number;
            /**
             * @min 0.01
             * @multipleOf 0.01
             * @max 99999999.99
             */
            price?: number;
            promotional_price?: number | null;
            /**
             * @min 0
             * @max 1000000000
             */
            qty?: number;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku: string;
            /** @maxItems 200 */
            specifications?: {
              id?: string | number;
              idValue?: string | number;
              /** @maxLength 255 */
              key?: string;
              value?: string | number | boolean;
            }[];
            status?: "enabled" | "disabled";
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
            /**
             * @min 0
             * @max 1000000
             */
            weight?: number;
            /**
             * @min 0
             * @max 1000000
             */
            width?: number;
          },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          ean: string | null;
          images: string[];
          price: number | null;
          promotional_price: number | null;
          qty: number;
          sku: string;
          specifications: any[];
          status: string;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/products/${sku}/variations`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  variations = {
    /**
     * No description
     *
     * @tags Variations
     * @name VariationsDelete
     * @summary Remove a variation
     * @request DELETE:/variations/{sku}
     * @secure
     */
    variationsDelete: (sku: string, params: RequestParams = {}) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/variations/${sku}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Variations
     * @name VariationsDetail
     * @summary Read a variation
     * @request GET:/variations/{sku}
     * @secure
     */
    variationsDetail: (sku: string, params: RequestParams = {}) =>
      this.request<
        {
          ean: string | null;
          images: string[];
          price: number | null;
          promotional_price: number | null;
          qty: number;
          sku: string;
          specifications: any[];
          status: string;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/variations/${sku}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Variations
     * @name VariationsUpdate
     * @summary Update a variation (stock: `qty`; price: `price`, `promotional_price`)
     * @request PUT:/variations/{sku}
     * @secure
     */
    variationsUpdate: (
      sku: string,
      data:
        | {
            variation: {
              /**
               * @min 0
               * @max 365
               */
              crossdocking?: number;
              ean?: string | null;
              /**
               * @min 0
               * @max 1000000
               */
              height?: number;
              /** @maxItems 50 */
              images?: string[];
              /**
               * @min 0
               * @max 1000000
               */
              length?: number;
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * @min 0
               * @max 1000000000
               */
              qty?: number;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku?: string;
              /** @maxItems 200 */
              specifications?: {
                id?: string | number;
                idValue?: string | number;
                /** @maxLength 255 */
                key?: string;
                value?: string | number | boolean;
              }[];
              status?: "enabled" | "disabled";
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
              /**
               * @min 0
               * @max 1000000
               */
              weight?: number;
              /**
               * @min 0
               * @max 1000000
               */
              width?: number;
            };
          }
        | {
            /**
             * @min 0
             * @max 365
             */
            crossdocking?: number;
            ean?: string | null;
            /**
             * @min 0
             * @max 1000000
             */
            height?: number;
            /** @maxItems 50 */
            images?: string[];
            /**
             * @min 0
             * @max 1000000
             */
            length?: number;
            /**
             * @min 0.01
             * @multipleOf 0.01
             * @max 99999999.99
             */
            price?: number;
            promotional_price?: number | null;
            /**
             * @min 0
             * @max 1000000000
             */
            qty?: number;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku?: string;
            /** @maxItems 200 */
            specifications?: {
              id?: string | number;
              idValue?: string | number;
              /** @maxLength 255 */
              key?: string;
              value?: string | number | boolean;
            }[];
            status?: "enabled" | "disabled";
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
            /**
             * @min 0
             * @max 1000000
             */
            weight?: number;
            /**
             * @min 0
             * @max 1000000
             */
            width?: number;
          },
      params: RequestParams = {},
    ) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/variations/${sku}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  categories = {
    /**
     * No description
     *
     * @tags Categories and attributes
     * @name CategoriesCreate
     * @request POST:/categories
     * @secure
     */
    categoriesCreate: (
      data: {
        category:
          | {
              /**
               * @minLength 1
               * @maxLength 100
               */
              code: string;
              /**
               * @minLength 1
               * @maxLength 500
               */
              name: string;
            }
          | {
              /**
               * @minLength 1
               * @maxLength 100
               */
              code: string;
              /**
               * @minLength 1
               * @maxLength 500
               */
              name: string;
            }[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          /**
           * @minLength 1
           * @maxLength 100
           */
          code: string;
          /**
           * @minLength 1
           * @maxLength 500
           */
          name: string;
        }[],
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/categories`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name CategoriesDelete
     * @request DELETE:/categories/{code}
     * @secure
     */
    categoriesDelete: (code: string, params: RequestParams = {}) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/categories/${code}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name CategoriesList
     * @request GET:/categories
     * @secure
     */
    categoriesList: (params: RequestParams = {}) =>
      this.request<
        {
          /**
           * @minLength 1
           * @maxLength 100
           */
          code: string;
          /**
           * @minLength 1
           * @maxLength 500
           */
          name: string;
        }[],
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/categories`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name CategoriesUpdate
     * @request PUT:/categories/{code}
     * @secure
     */
    categoriesUpdate: (
      code: string,
      data: {
        category: {
          /**
           * @minLength 1
           * @maxLength 500
           */
          name: string;
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/categories/${code}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  attributes = {
    /**
     * No description
     *
     * @tags Categories and attributes
     * @name AttributesCreate
     * @request POST:/attributes
     * @secure
     */
    attributesCreate: (
      data: {
        attribute: {
          /** @maxLength 255 */
          label?: string;
          /**
           * @minLength 1
           * @maxLength 255
           */
          name: string;
          /** @maxItems 1000 */
          options?: string[];
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          /** @maxLength 255 */
          label?: string;
          /**
           * @minLength 1
           * @maxLength 255
           */
          name: string;
          /** @maxItems 1000 */
          options?: string[];
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/attributes`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name AttributesList
     * @request GET:/attributes
     * @secure
     */
    attributesList: (params: RequestParams = {}) =>
      this.request<
        {
          /** @maxLength 255 */
          label?: string;
          /**
           * @minLength 1
           * @maxLength 255
           */
          name: string;
          /** @maxItems 1000 */
          options?: string[];
        }[],
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/attributes`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name AttributesUpdate
     * @request PUT:/attributes/{name}
     * @secure
     */
    attributesUpdate: (
      name: string,
      data: {
        attribute: {
          /** @maxLength 255 */
          label?: string;
          /** @maxItems 1000 */
          options?: string[];
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        void,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/attributes/${name}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  stocks = {
    /**
     * No description
     *
     * @tags Bulk stock and price
     * @name StocksUpdate
     * @summary Set the stock of up to 1000 SKUs
     * @request PUT:/stocks
     * @secure
     */
    stocksUpdate: (
      data:
        | {
            /**
             * @min 0
             * @max 1000000000
             */
            qty: number;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku: string;
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
          }[]
        | {
            stocks: {
              /**
               * @min 0
               * @max 1000000000
               */
              qty: number;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
            }[];
          },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          results: {
            error?: string;
            sku: string;
            status:
              | "updated"
              | "unchanged"
              | "stale"
              | "not_found"
              | "rejected";
            version?: number;
          }[];
          summary: Record<string, number>;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/stocks`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  prices = {
    /**
     * No description
     *
     * @tags Bulk stock and price
     * @name PricesUpdate
     * @summary Set the price (and promotional price) of up to 1000 SKUs
     * @request PUT:/prices
     * @secure
     */
    pricesUpdate: (
      data:
        | {
            /**
             * @min 0.01
             * @multipleOf 0.01
             * @max 99999999.99
             */
            price?: number;
            promotional_price?: number | null;
            /**
             * The ERP's sequence of this value.
             * @min 0
             * @max 9007199254740991
             */
            sequence?: number;
            /**
             * Unique per account across products and variations; no whitespace.
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S+$
             */
            sku: string;
            /**
             * The ERP's time of this value.
             * @format date-time
             */
            updated_at?: string;
          }[]
        | {
            prices: {
              /**
               * @min 0.01
               * @multipleOf 0.01
               * @max 99999999.99
               */
              price?: number;
              promotional_price?: number | null;
              /**
               * The ERP's sequence of this value.
               * @min 0
               * @max 9007199254740991
               */
              sequence?: number;
              /**
               * Unique per account across products and variations; no whitespace.
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S+$
               */
              sku: string;
              /**
               * The ERP's time of this value.
               * @format date-time
               */
              updated_at?: string;
            }[];
          },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          results: {
            error?: string;
            sku: string;
            status:
              | "updated"
              | "unchanged"
              | "stale"
              | "not_found"
              | "rejected";
            version?: number;
          }[];
          summary: Record<string, number>;
        },
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/prices`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  channels = {
    /**
     * No description
     *
     * @tags Connections
     * @name ChannelsList
     * @summary Marketplaces Cais can connect to
     * @request GET:/channels
     * @secure
     */
    channelsList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/channels`,
        method: "GET",
        secure: true,
        ...params,
      }),
  };
  connections = {
    /**
     * No description
     *
     * @tags Connections
     * @name AuthorizeCreate
     * @summary Start the consent again (reconnect)
     * @request POST:/connections/{id}/authorize
     * @secure
     */
    authorizeCreate: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/authorize`,
        method: "POST",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ConnectionsCreate
     * @summary Connect a marketplace (answers the consent URL for OAuth marketplaces)
     * @request POST:/connections
     * @secure
     */
    connectionsCreate: (
      data: {
        connection: {
          /**
           * The marketplace API (the simulator, for a sandbox).
           * @minLength 1
           * @maxLength 500
           */
          base_url?: string;
          channel: "mercadolivre" | "magalu" | "amazon" | "shopee";
          /**
           * @minLength 1
           * @maxLength 500
           */
          client_id?: string;
          /**
           * @minLength 1
           * @maxLength 500
           */
          client_secret?: string;
          credentials?: {
            /** @maxLength 4096 */
            access_token?: string;
            extra?: Record<string, string>;
            /** @maxLength 4096 */
            refresh_token?: string;
            /** @maxLength 255 */
            seller_id?: string;
          };
          /**
           * @minLength 1
           * @maxLength 100
           */
          name?: string;
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ConnectionsDelete
     * @summary Delete: its listings, schedule coverage, runs and sync errors go; its orders stay (unlinked)
     * @request DELETE:/connections/{id}
     * @secure
     */
    connectionsDelete: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ConnectionsDetail
     * @request GET:/connections/{id}
     * @secure
     */
    connectionsDetail: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ConnectionsList
     * @request GET:/connections
     * @secure
     */
    connectionsList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ConnectionsPartialUpdate
     * @summary Rename, disable or enable, or replace its address or credentials
     * @request PATCH:/connections/{id}
     * @secure
     */
    connectionsPartialUpdate: (
      id: number,
      data: {
        connection: {
          /**
           * @minLength 1
           * @maxLength 500
           */
          base_url?: string;
          /**
           * @minLength 1
           * @maxLength 500
           */
          client_id?: string;
          /**
           * @minLength 1
           * @maxLength 500
           */
          client_secret?: string;
          credentials?: {
            /** @maxLength 4096 */
            access_token?: string;
            extra?: Record<string, string>;
            /** @maxLength 4096 */
            refresh_token?: string;
            /** @maxLength 255 */
            seller_id?: string;
          };
          enabled?: boolean;
          /**
           * @minLength 1
           * @maxLength 100
           */
          name?: string;
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}`,
        method: "PATCH",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ListingsList
     * @summary Listings of a connection, by flag
     * @request GET:/connections/{id}/listings
     * @secure
     */
    listingsList: (
      id: number,
      query?: {
        /**
         * @min 0
         * @max 9007199254740991
         */
        after?: number;
        flag?: "grey" | "yellow" | "green" | "red";
        /**
         * @min 1
         * @max 500
         */
        limit?: number;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/listings`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name RulesList
     * @request GET:/connections/{id}/rules
     * @secure
     */
    rulesList: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/rules`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name RulesPreviewCreate
     * @summary What each listing would receive under these rules (saved rules when none given)
     * @request POST:/connections/{id}/rules/preview
     * @secure
     */
    rulesPreviewCreate: (
      id: number,
      data: {
        /**
         * @min 1
         * @max 500
         */
        limit?: number;
        rules?: {
          price?: {
            /**
             * @min -1000000
             * @multipleOf 0.01
             * @max 1000000
             */
            markup_fixed?: number;
            /**
             * @min -90
             * @max 1000
             */
            markup_percent?: number;
            promotion?: {
              /** @format date-time */
              ends_at?: string;
              /**
               * @exclusiveMin 0
               * @max 90
               */
              percent_off: number;
              /** @format date-time */
              starts_at?: string;
            };
            rounding?: "none" | "0.90" | "0.99" | "integer";
          };
          stock?: {
            /**
             * Share of the stock held back (rounded up).
             * @min 0
             * @max 100
             */
            buffer_percent?: number;
            /**
             * Units held back.
             * @min 0
             * @max 1000000
             */
            buffer_units?: number;
            /**
             * Never list more.
             * @min 0
             * @max 1000000000
             */
            max_qty?: number;
            /**
             * List 0 when fewer units than this remain.
             * @min 0
             * @max 1000000
             */
            zero_below?: number;
          };
        };
        /** @maxItems 500 */
        skus?: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/rules/preview`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name RulesUpdate
     * @summary Replace the rules; affected listings owe a send
     * @request PUT:/connections/{id}/rules
     * @secure
     */
    rulesUpdate: (
      id: number,
      data: {
        rules: {
          price?: {
            /**
             * @min -1000000
             * @multipleOf 0.01
             * @max 1000000
             */
            markup_fixed?: number;
            /**
             * @min -90
             * @max 1000
             */
            markup_percent?: number;
            promotion?: {
              /** @format date-time */
              ends_at?: string;
              /**
               * @exclusiveMin 0
               * @max 90
               */
              percent_off: number;
              /** @format date-time */
              starts_at?: string;
            };
            rounding?: "none" | "0.90" | "0.99" | "integer";
          };
          stock?: {
            /**
             * Share of the stock held back (rounded up).
             * @min 0
             * @max 100
             */
            buffer_percent?: number;
            /**
             * Units held back.
             * @min 0
             * @max 1000000
             */
            buffer_units?: number;
            /**
             * Never list more.
             * @min 0
             * @max 1000000000
             */
            max_qty?: number;
            /**
             * List 0 when fewer units than this remain.
             * @min 0
             * @max 1000000
             */
            zero_below?: number;
          };
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/rules`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name TestCreate
     * @summary Make a test call now
     * @request POST:/connections/{id}/test
     * @secure
     */
    testCreate: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/connections/${id}/test`,
        method: "POST",
        secure: true,
        ...params,
      }),
  };
  listings = {
    /**
     * No description
     *
     * @tags Listings
     * @name ConnectCreate
     * @summary Connect up to 100 SKUs to one connection
     * @request POST:/listings/connect
     * @secure
     */
    connectCreate: (
      data: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        connection_id: number;
        /**
         * @maxItems 100
         * @minItems 1
         */
        skus: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/listings/connect`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Console
     * @name ListingsList
     * @summary The listings (flags) of these SKUs on every connection: ?sku=A&sku=B (up to 100)
     * @request GET:/listings
     * @secure
     */
    listingsList: (
      query: {
        sku: string | string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/listings`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),
  };
  sync = {
    /**
     * No description
     *
     * @tags Sync
     * @name RunsDetail
     * @request GET:/sync/runs/{id}
     * @secure
     */
    runsDetail: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/runs/${id}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name RunsList
     * @request GET:/sync/runs
     * @secure
     */
    runsList: (
      query?: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        before?: number;
        /**
         * @min 1
         * @max 9007199254740991
         */
        connection_id?: number;
        /**
         * @min 1
         * @max 200
         */
        limit?: number;
        resource?: "stock" | "price" | "orders" | "catalog";
        /**
         * @min 1
         * @max 9007199254740991
         */
        schedule_id?: number;
        /** @maxLength 20 */
        status?: string;
        /** @maxLength 20 */
        trigger?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/runs`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesCreate
     * @summary Schedule a synchronisation (Agendar Sincronização)
     * @request POST:/sync/schedules
     * @secure
     */
    schedulesCreate: (
      data: {
        schedule: {
          /**
           * @maxItems 50
           * @minItems 1
           */
          connections: number[];
          /** 1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m, 6h, 24h or continuous */
          every:
            | "1m"
            | "5m"
            | "10m"
            | "15m"
            | "30m"
            | "60m"
            | "1h"
            | "6h"
            | "24h"
            | "continuous";
          /**
           * @maxItems 4
           * @minItems 1
           */
          resources: ("stock" | "price" | "orders" | "catalog")[];
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesDelete
     * @summary Cancel a schedule (kept in history)
     * @request DELETE:/sync/schedules/{id}
     * @secure
     */
    schedulesDelete: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesDetail
     * @request GET:/sync/schedules/{id}
     * @secure
     */
    schedulesDetail: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules/${id}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesList
     * @request GET:/sync/schedules
     * @secure
     */
    schedulesList: (
      query?: {
        status?: "active" | "cancelled" | "all";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesPartialUpdate
     * @request PATCH:/sync/schedules/{id}
     * @secure
     */
    schedulesPartialUpdate: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules/${id}`,
        method: "PATCH",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesRunCreate
     * @summary Run a schedule now
     * @request POST:/sync/schedules/{id}/run
     * @secure
     */
    schedulesRunCreate: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules/${id}/run`,
        method: "POST",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SchedulesUpdate
     * @summary Replace a schedule: cancels it and creates the new one atomically
     * @request PUT:/sync/schedules/{id}
     * @secure
     */
    schedulesUpdate: (
      id: number,
      data: {
        schedule: {
          /**
           * @maxItems 50
           * @minItems 1
           */
          connections: number[];
          /** 1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m, 6h, 24h or continuous */
          every:
            | "1m"
            | "5m"
            | "10m"
            | "15m"
            | "30m"
            | "60m"
            | "1h"
            | "6h"
            | "24h"
            | "continuous";
          /**
           * @maxItems 4
           * @minItems 1
           */
          resources: ("stock" | "price" | "orders" | "catalog")[];
        };
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync/schedules/${id}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  syncErrors = {
    /**
     * No description
     *
     * @tags Sync errors
     * @name CategoriesDetail
     * @request GET:/sync_errors/categories/{code}
     * @secure
     */
    categoriesDetail: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/categories/${code}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name CategoriesList
     * @request GET:/sync_errors/categories
     * @secure
     */
    categoriesList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/categories`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name OrdersList
     * @request GET:/sync_errors/orders
     * @secure
     */
    ordersList: (
      query?: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        before?: number;
        /** @maxLength 50 */
        error_category_code?: string;
        /**
         * @min 1
         * @max 500
         */
        per_page?: number;
        status?: "open" | "ignored" | "resolved";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/orders`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name OrdersPartialUpdate
     * @summary Ignore these errors
     * @request PATCH:/sync_errors/orders
     * @secure
     */
    ordersPartialUpdate: (
      data: {
        /**
         * @maxItems 1000
         * @minItems 1
         */
        errors: {
          /**
           * @minLength 1
           * @maxLength 200
           */
          entity_id: string;
          /**
           * @minLength 1
           * @maxLength 50
           */
          error_category_code: string;
          /** @maxLength 100 */
          error_code?: string;
        }[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/orders`,
        method: "PATCH",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name OrdersRetryCreate
     * @summary Retry now: each order's failed relay to the marketplace is sent again
     * @request POST:/sync_errors/orders/retry
     * @secure
     */
    ordersRetryCreate: (
      data: {
        /** @maxItems 500 */
        codes?: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/orders/retry`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name ProductsList
     * @request GET:/sync_errors/products
     * @secure
     */
    productsList: (
      query?: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        before?: number;
        /**
         * @min 1
         * @max 9007199254740991
         */
        connection_id?: number;
        /** @maxLength 50 */
        error_category_code?: string;
        /**
         * @min 1
         * @max 500
         */
        per_page?: number;
        status?: "open" | "ignored" | "resolved";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/products`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name ProductsPartialUpdate
     * @summary Ignore these errors
     * @request PATCH:/sync_errors/products
     * @secure
     */
    productsPartialUpdate: (
      data: {
        /**
         * @maxItems 1000
         * @minItems 1
         */
        errors: {
          /**
           * @minLength 1
           * @maxLength 100
           */
          entity_id: string;
          /**
           * @minLength 1
           * @maxLength 50
           */
          error_category_code: string;
          /** @maxLength 100 */
          error_code?: string;
        }[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/products`,
        method: "PATCH",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name ProductsRetryCreate
     * @summary Retry now: the listings owe a send again, without waiting for a backoff
     * @request POST:/sync_errors/products/retry
     * @secure
     */
    productsRetryCreate: (
      data: {
        /** @maxLength 50 */
        error_category_code?: string;
        /** @maxItems 1000 */
        skus?: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sync_errors/products/retry`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  saleSystems = {
    /**
     * No description
     *
     * @tags Orders
     * @name SaleSystemsList
     * @summary The account's marketplaces
     * @request GET:/sale_systems
     * @secure
     */
    saleSystemsList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/sale_systems`,
        method: "GET",
        secure: true,
        ...params,
      }),
  };
  queues = {
    /**
     * No description
     *
     * @tags Orders
     * @name OrdersDelete
     * @summary Acknowledge an order (its sync_status turns SYNCED)
     * @request DELETE:/queues/orders/{code}
     * @secure
     */
    ordersDelete: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/queues/orders/${code}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersDepthList
     * @request GET:/queues/orders/depth
     * @secure
     */
    ordersDepthList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/queues/orders/depth`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersList
     * @summary The oldest order not yet acknowledged (hidden for 300 s once handed out); 204 when none
     * @request GET:/queues/orders
     * @secure
     */
    ordersList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/queues/orders`,
        method: "GET",
        secure: true,
        ...params,
      }),
  };
  orders = {
    /**
     * No description
     *
     * @tags Order status
     * @name ApprovalCreate
     * @summary Approve a test order (sandbox only)
     * @request POST:/orders/{code}/approval
     * @secure
     */
    approvalCreate: (
      code: string,
      data: {
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/approval`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name CancelCreate
     * @summary Cancel the order
     * @request POST:/orders/{code}/cancel
     * @secure
     */
    cancelCreate: (
      code: string,
      data: {
        /** @maxLength 1000 */
        reason?: string;
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/cancel`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name DeliveryCreate
     * @summary The order was delivered
     * @request POST:/orders/{code}/delivery
     * @secure
     */
    deliveryCreate: (
      code: string,
      data: {
        /**
         * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
         * @maxLength 40
         * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
         */
        delivered_date?: string;
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/delivery`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name ExportedUpdate
     * @summary Legacy acknowledgement ({"exported": true})
     * @request PUT:/orders/{code}/exported
     * @secure
     */
    exportedUpdate: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/exported`,
        method: "PUT",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name GetOrders
     * @summary The marketplace's own payload, as imported
     * @request GET:/orders/{code}/raw
     * @secure
     */
    getOrders: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/raw`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name HistoryList
     * @summary Status history, oldest first
     * @request GET:/orders/{code}/history
     * @secure
     */
    historyList: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/history`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name InvoiceCreate
     * @summary Invoice the order (NF-e key of 44 digits)
     * @request POST:/orders/{code}/invoice
     * @secure
     */
    invoiceCreate: (
      code: string,
      data: {
        invoice: {
          /**
           * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
           * @maxLength 40
           * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
           */
          issue_date?: string;
          /**
           * The NF-e access key: 44 digits with a valid check digit
           * @maxLength 100
           */
          key: string;
          /** @maxLength 20 */
          line?: string;
          /** @maxLength 50 */
          number?: string;
          /**
           * @min 0
           * @max 10000
           */
          volume_qty?: number;
          /**
           * Cais: the NF-e XML (Magalu needs it)
           * @maxLength 1000000
           */
          xml?: string;
        };
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/invoice`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersCreate
     * @summary Create a test order (sandbox): no marketplace involved
     * @request POST:/orders
     * @secure
     */
    ordersCreate: (
      data: {
        billing_address?: {
          /** @maxLength 500 */
          city?: string;
          /** @maxLength 500 */
          complement?: string;
          /** @maxLength 500 */
          country?: string;
          /** @maxLength 500 */
          detail?: string;
          /** @maxLength 500 */
          full_name?: string;
          /** @maxLength 500 */
          neighborhood?: string;
          /** @maxLength 500 */
          number?: string;
          /** @maxLength 500 */
          phone?: string;
          /** @maxLength 500 */
          postcode?: string;
          /** @maxLength 500 */
          reference?: string;
          /** @maxLength 500 */
          region?: string;
          /** @maxLength 500 */
          secondary_phone?: string;
          /** @maxLength 500 */
          street?: string;
        };
        /**
         * @minLength 1
         * @maxLength 100
         */
        channel?: string;
        customer?: {
          /** @maxLength 50 */
          date_of_birth?: string;
          /** @maxLength 500 */
          email?: string;
          /** @maxLength 50 */
          gender?: string;
          /** @maxLength 500 */
          name?: string;
          /** @maxItems 10 */
          phones?: string[];
          /** @maxLength 50 */
          vat_number?: string;
        };
        /**
         * @min 0
         * @max 100000000
         */
        discount?: number;
        /**
         * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
         * @maxLength 40
         * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
         */
        estimated_delivery?: string;
        /**
         * @min 0
         * @max 100000000
         */
        interest?: number;
        /**
         * @maxItems 500
         * @minItems 1
         */
        items: {
          /**
           * The SKU
           * @minLength 1
           * @maxLength 100
           */
          id: string;
          /**
           * @min 0
           * @max 100000000
           */
          original_price: number;
          /**
           * @min 1
           * @max 100000
           */
          qty: number;
          /**
           * @min 0
           * @max 100000000
           */
          special_price?: number;
        }[];
        /** @maxItems 20 */
        payments?: {
          /** @maxLength 500 */
          description?: string;
          /** @maxLength 100 */
          method: string;
          /**
           * @min 1
           * @max 48
           */
          parcels?: number;
          /**
           * @min 0
           * @max 100000000
           */
          value: number;
        }[];
        shipping_address?: {
          /** @maxLength 500 */
          city?: string;
          /** @maxLength 500 */
          complement?: string;
          /** @maxLength 500 */
          country?: string;
          /** @maxLength 500 */
          detail?: string;
          /** @maxLength 500 */
          full_name?: string;
          /** @maxLength 500 */
          neighborhood?: string;
          /** @maxLength 500 */
          number?: string;
          /** @maxLength 500 */
          phone?: string;
          /** @maxLength 500 */
          postcode?: string;
          /** @maxLength 500 */
          reference?: string;
          /** @maxLength 500 */
          region?: string;
          /** @maxLength 500 */
          secondary_phone?: string;
          /** @maxLength 500 */
          street?: string;
        };
        /** @maxLength 200 */
        shipping_calculation_type?: string;
        /**
         * @min 0
         * @max 100000000
         */
        shipping_cost?: number;
        /** @maxLength 200 */
        shipping_method?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersDetail
     * @request GET:/orders/{code}
     * @secure
     */
    ordersDetail: (code: string, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersList
     * @summary Orders, newest first: filters[statuses][], filters[sync_status][], filters[sale_system], filters[start_date], filters[end_date] (DD/MM/YYYY), page, per_page
     * @request GET:/orders
     * @secure
     */
    ordersList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name ShipmentExceptionCreate
     * @summary The carrier could not deliver
     * @request POST:/orders/{code}/shipment_exception
     * @secure
     */
    shipmentExceptionCreate: (
      code: string,
      data: {
        shipment_exception?: {
          /** @maxLength 2000 */
          observation?: string;
          /**
           * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
           * @maxLength 40
           * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
           */
          occurrence_date?: string;
        };
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/shipment_exception`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name ShipmentsCreate
     * @summary Ship the order (tracking); items inside or beside "shipment"
     * @request POST:/orders/{code}/shipments
     * @secure
     */
    shipmentsCreate: (
      code: string,
      data: {
        /** @maxItems 1000 */
        items?: {
          /**
           * @min 1
           * @max 1000000
           */
          qty: number;
          /**
           * @minLength 1
           * @maxLength 100
           */
          sku: string;
        }[];
        shipment: {
          /** @maxLength 200 */
          code?: string;
          /**
           * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
           * @maxLength 40
           * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
           */
          delivered_carrier_date?: string;
          /**
           * ISO 8601 date or date-time, e.g. 2019-01-27T12:30:00-03:00
           * @maxLength 40
           * @pattern ^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$
           */
          estimated_delivery?: string;
          /** @maxItems 1000 */
          items?: {
            /**
             * @min 1
             * @max 1000000
             */
            qty: number;
            /**
             * @minLength 1
             * @maxLength 100
             */
            sku: string;
          }[];
          track?: {
            /** @maxLength 200 */
            carrier?: string;
            /** @maxLength 200 */
            code?: string;
            /** @maxLength 200 */
            method?: string;
            /** @maxLength 2000 */
            url?: string;
          };
        };
        /**
         * A status code of the account
         * @minLength 1
         * @maxLength 100
         */
        status?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/orders/${code}/shipments`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  settings = {
    /**
     * No description
     *
     * @tags Orders
     * @name OrdersList
     * @request GET:/settings/orders
     * @secure
     */
    ordersList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/settings/orders`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name OrdersUpdate
     * @request PUT:/settings/orders
     * @secure
     */
    ordersUpdate: (
      data: {
        reservations: boolean;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/settings/orders`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  statuses = {
    /**
     * No description
     *
     * @tags Statuses
     * @name StatusesCreate
     * @request POST:/statuses
     * @secure
     */
    statusesCreate: (
      data: {
        /**
         * @minLength 1
         * @maxLength 100
         * @pattern ^\S(.*\S)?$
         */
        code: string;
        /**
         * @minLength 1
         * @maxLength 200
         */
        label: string;
        /**
         * NEW, APPROVED, INVOICED, SHIPPED, DELIVERED, CANCELED, SHIPMENT_EXCEPTION, PAYMENT_OVERDUE
         * @minLength 1
         * @maxLength 40
         */
        type: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/statuses`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Statuses
     * @name StatusesList
     * @request GET:/statuses
     * @secure
     */
    statusesList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/statuses`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Statuses
     * @name StatusesUpdate
     * @request PUT:/statuses/{code}
     * @secure
     */
    statusesUpdate: (
      code: string,
      data: {
        /**
         * @minLength 1
         * @maxLength 100
         * @pattern ^\S(.*\S)?$
         */
        code: string;
        /**
         * @minLength 1
         * @maxLength 200
         */
        label: string;
        /**
         * NEW, APPROVED, INVOICED, SHIPPED, DELIVERED, CANCELED, SHIPMENT_EXCEPTION, PAYMENT_OVERDUE
         * @minLength 1
         * @maxLength 40
         */
        type: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/statuses/${code}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  statusTypes = {
    /**
     * No description
     *
     * @tags Statuses
     * @name StatusTypesList
     * @request GET:/status_types
     * @secure
     */
    statusTypesList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/status_types`,
        method: "GET",
        secure: true,
        ...params,
      }),
  };
  webhooks = {
    /**
     * No description
     *
     * @tags Webhooks
     * @name DeliveriesBodyList
     * @summary The exact body that was (and is) signed and sent
     * @request GET:/webhooks/{id}/deliveries/{deliveryId}/body
     * @secure
     */
    deliveriesBodyList: (
      id: number,
      deliveryId: number,
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}/deliveries/${deliveryId}/body`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name DeliveriesList
     * @summary Delivery log, newest first (status=dead: the dead letters)
     * @request GET:/webhooks/{id}/deliveries
     * @secure
     */
    deliveriesList: (
      id: number,
      query?: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        before?: number;
        /**
         * @min 1
         * @max 200
         */
        per_page?: number;
        status?: "pending" | "succeeded" | "dead";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}/deliveries`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name ReplayCreate
     * @summary Send dead-lettered deliveries again (all, or those listed)
     * @request POST:/webhooks/{id}/replay
     * @secure
     */
    replayCreate: (
      id: number,
      data: {
        /**
         * @maxItems 1000
         * @minItems 1
         */
        delivery_ids?: number[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}/replay`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name RotateSecretCreate
     * @summary A new signing secret, shown once; the old one stops at once
     * @request POST:/webhooks/{id}/rotate_secret
     * @secure
     */
    rotateSecretCreate: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}/rotate_secret`,
        method: "POST",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name WebhooksCreate
     * @summary Register an endpoint; the answer holds its signing secret, shown once
     * @request POST:/webhooks
     * @secure
     */
    webhooksCreate: (
      data: {
        /** @maxLength 500 */
        description?: string;
        /**
         * @maxItems 3
         * @minItems 1
         */
        events: ("order.created" | "order.updated" | "sync_error.created")[];
        status?: "active" | "disabled";
        /**
         * @minLength 1
         * @maxLength 2000
         */
        url: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name WebhooksDelete
     * @request DELETE:/webhooks/{id}
     * @secure
     */
    webhooksDelete: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name WebhooksDetail
     * @request GET:/webhooks/{id}
     * @secure
     */
    webhooksDetail: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name WebhooksList
     * @request GET:/webhooks
     * @secure
     */
    webhooksList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks`,
        method: "GET",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name WebhooksUpdate
     * @request PUT:/webhooks/{id}
     * @secure
     */
    webhooksUpdate: (
      id: number,
      data: {
        /** @maxLength 500 */
        description?: string;
        /**
         * @maxItems 3
         * @minItems 1
         */
        events: ("order.created" | "order.updated" | "sync_error.created")[];
        status?: "active" | "disabled";
        /**
         * @minLength 1
         * @maxLength 2000
         */
        url: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/webhooks/${id}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),
  };
  catalog = {
    /**
     * No description
     *
     * @tags Console
     * @name SearchList
     * @summary Products whose name or SKU (or a variation SKU) contains q, ignoring accents and case
     * @request GET:/catalog/search
     * @secure
     */
    searchList: (
      query: {
        /**
         * @min 1
         * @max 10000
         */
        page?: number;
        /**
         * @min 1
         * @max 100
         */
        per_page?: number;
        /**
         * @minLength 1
         * @maxLength 200
         */
        q: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/catalog/search`,
        method: "GET",
        query: query,
        secure: true,
        ...params,
      }),
  };
  dashboard = {
    /**
     * No description
     *
     * @tags Console
     * @name DashboardList
     * @summary Per connection: status, pending, schedule, last runs, errors
     * @request GET:/dashboard
     * @secure
     */
    dashboardList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/dashboard`,
        method: "GET",
        secure: true,
        ...params,
      }),
  };
  account = {
    /**
     * No description
     *
     * @tags Account
     * @name ApiKeysCreate
     * @summary Create an API key: the key is in this answer only
     * @request POST:/account/api-keys
     */
    apiKeysCreate: (
      data: {
        /**
         * @minLength 1
         * @maxLength 100
         */
        name: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/api-keys`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name ApiKeysDelete
     * @summary Revoke an API key
     * @request DELETE:/account/api-keys/{id}
     */
    apiKeysDelete: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/api-keys/${id}`,
        method: "DELETE",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name ApiKeysList
     * @request GET:/account/api-keys
     */
    apiKeysList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/api-keys`,
        method: "GET",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name UsersCreate
     * @summary Add a user who logs into the console
     * @request POST:/account/users
     */
    usersCreate: (
      data: {
        /**
         * @minLength 3
         * @maxLength 320
         */
        email: string;
        /**
         * @minLength 8
         * @maxLength 1024
         */
        password: string;
        role: "owner" | "admin" | "viewer";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/users`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name UsersDelete
     * @summary Remove a user (their sessions end)
     * @request DELETE:/account/users/{id}
     */
    usersDelete: (id: number, params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/users/${id}`,
        method: "DELETE",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name UsersList
     * @request GET:/account/users
     */
    usersList: (params: RequestParams = {}) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/account/users`,
        method: "GET",
        ...params,
      }),
  };
  auth = {
    /**
     * No description
     *
     * @tags Rehub
     * @name AuthCreate
     * @summary A 6-hour token for /rehub (Authorization: Bearer)
     * @request POST:/auth
     */
    authCreate: (
      data: {
        /**
         * @minLength 1
         * @maxLength 500
         */
        api_key: string;
        /**
         * @minLength 3
         * @maxLength 320
         */
        user_email: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/auth`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        ...params,
      }),
  };
  rehub = {
    /**
     * No description
     *
     * @tags Rehub
     * @name ProductActionsCreate
     * @summary link | unlink | price_entry for up to 100 SKUs
     * @request POST:/rehub/product_actions
     */
    productActionsCreate: (
      data: {
        /**
         * @min 1
         * @max 9007199254740991
         */
        connection_id?: number;
        /**
         * @minLength 1
         * @maxLength 100
         */
        sku?: string;
        /**
         * @maxItems 100
         * @minItems 1
         */
        skus?: string[];
        type: "link" | "unlink" | "price_entry";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/rehub/product_actions`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rehub
     * @name ProductActionsList
     * @request GET:/rehub/product_actions
     */
    productActionsList: (
      query?: {
        /**
         * @min 1
         * @max 200
         */
        limit?: number;
        /** @maxLength 20 */
        type?: string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        any,
        {
          /** A stable machine-readable code, e.g. `product_not_found` */
          code: string;
          /** The unique rule a duplicate broke */
          constraint?: string;
          /** The order's status code (invalid transition) */
          current_status?: string;
          /** The order's status type (invalid transition) */
          current_type?: string;
          /** What is wrong, naming the field and the rule */
          error: string;
          /** What to do about a marketplace refusal */
          hint?: string;
          /** What the `code` sentence needs (`field`, `rule`, `limit`, `sku`…) */
          params?: Record<string, string | number | string[]>;
        }
      >({
        path: `/rehub/product_actions`,
        method: "GET",
        query: query,
        ...params,
      }),
  };
}
