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
     * @name ReceiveMercadoLivreNotification
     * @summary Mercado Livre's notification callback (set it as the app's callback URL, topic orders_v2)
     * @request POST:/notifications/mercadolivre
     */
    receiveMercadoLivreNotification: (
      data: {
        application_id?: number | string;
        attempts?: number;
        received?: string;
        /** e.g. /orders/2000001234 */
        resource?: string;
        sent?: string;
        /** orders_v2 (or orders); other topics are ignored */
        topic?: string;
        /** The ML seller id */
        user_id?: number | string;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          received: true;
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
        path: `/notifications/mercadolivre`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  session = {
    /**
     * No description
     *
     * @tags Session
     * @name GetSession
     * @summary Who is logged in, the account, and the CSRF token
     * @request GET:/session
     */
    getSession: (params: RequestParams = {}) =>
      this.request<
        {
          account: {
            id: number;
            name: string;
          };
          /** Send it as X-CSRF-Token with every change */
          csrf_token: string;
          /** @format date-time */
          expires_at: string;
          user: {
            email: string;
            id: number;
            role: "owner" | "admin" | "viewer";
          };
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
        path: `/session`,
        method: "GET",
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Session
     * @name LogIn
     * @summary Log in to the console (sets the session cookie)
     * @request POST:/session
     */
    logIn: (
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
        {
          account: {
            id: number;
            name: string;
          };
          /** Send it as X-CSRF-Token with every change */
          csrf_token: string;
          /** @format date-time */
          expires_at: string;
          user: {
            email: string;
            id: number;
            role: "owner" | "admin" | "viewer";
          };
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
        path: `/session`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Session
     * @name LogOut
     * @summary Log out
     * @request DELETE:/session
     */
    logOut: (params: RequestParams = {}) =>
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
        path: `/session`,
        method: "DELETE",
        ...params,
      }),
  };
  products = {
    /**
     * No description
     *
     * @tags Listings
     * @name ConnectProduct
     * @summary Connect a product: associate an existing listing (by SKU or external_id) or publish it
     * @request POST:/products/{sku}/listings/{connection}
     * @secure
     */
    connectProduct: (
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
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
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
        path: `/products/${sku}/listings/${connection}`,
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
     * @tags Variations
     * @name CreateVariation
     * @summary Add a variation to a product
     * @request POST:/products/{sku}/variations
     * @secure
     */
    createVariation: (
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

    /**
     * No description
     *
     * @tags Listings
     * @name DisconnectProduct
     * @summary Disconnect: take the product off sale there
     * @request DELETE:/products/{sku}/listings/{connection}
     * @secure
     */
    disconnectProduct: (
      sku: string,
      connection: number,
      params: RequestParams = {},
    ) =>
      this.request<
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
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
        path: `/products/${sku}/listings/${connection}`,
        method: "DELETE",
        secure: true,
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
     * @name GetProductHistory
     * @summary The accepted changes of a SKU (product or variation), newest first
     * @request GET:/products/{sku}/history
     * @secure
     */
    getProductHistory: (
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
        {
          /** Newest first */
          changes: {
            /** Who made it, e.g. `api_key:3` or `user:1` */
            actor: string;
            /** @format date-time */
            changed_at: string;
            /** Pass it as `before` to read older changes */
            id: number;
            /** The values after, in the same shape */
            new: any;
            /** The values before (`{"qty"}`, `{"price", "promotional_price"}`, or fields) */
            old: any;
            resource: "stock" | "price" | "catalog" | "lifecycle";
            /** The stock or price version it made; null for catalog and lifecycle changes */
            version: number | null;
          }[];
          price_version: number;
          sku: string;
          stock_version: number;
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
     * @tags Sync
     * @name GetSyncStatus
     * @summary Why is (or is not) this SKU up to date on each marketplace
     * @request GET:/products/{sku}/sync_status
     * @secure
     */
    getSyncStatus: (sku: string, params: RequestParams = {}) =>
      this.request<
        {
          listings: {
            connection: {
              channel: string;
              id: number;
              name: string;
              status: string;
            };
            /** A parent of variations: its variations carry stock and price */
            container: boolean;
            external_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            flag_code: string | null;
            flag_reason: string;
            price: {
              effective_value: {
                price: number | null;
                /** @format date-time */
                promotion_ends_at?: string;
                /** @format date-time */
                promotion_starts_at?: string;
                promotional_price: number | null;
              };
              erp_value: {
                price: number | null;
                promotional_price: number | null;
              };
              erp_version: number;
              last_error: {
                /** @format date-time */
                at: string;
                attempts: number;
                code: string;
                failure: string;
                hint: string | null;
                message: string;
              } | null;
              last_sent: {
                /** @format date-time */
                at: string;
                confirmed_at: string | null;
                value: {
                  price: number | null;
                  promotional_price: number | null;
                };
                version: number | null;
              } | null;
              /** A send is owed */
              pending: boolean;
              /** What the next send waits for */
              waiting_for: {
                at?: string | null;
                /** up_to_date, next_run, retrying, running, no_schedule, not_connected… */
                code: string;
                message: string;
              };
            };
            /** The product or variation */
            sku: string;
            stock: {
              /** What the marketplace receives after the rules */
              effective_value: number;
              erp_value: number;
              erp_version: number;
              last_error: {
                /** @format date-time */
                at: string;
                attempts: number;
                code: string;
                failure: string;
                hint: string | null;
                message: string;
              } | null;
              last_sent: {
                /** @format date-time */
                at: string;
                confirmed_at: string | null;
                value: number | null;
                version: number | null;
              } | null;
              /** A send is owed */
              pending: boolean;
              /** Units held for orders the ERP has not taken yet */
              reserved: number;
              /** What the next send waits for */
              waiting_for: {
                at?: string | null;
                /** up_to_date, next_run, retrying, running, no_schedule, not_connected… */
                code: string;
                message: string;
              };
            };
          }[];
          sku: string;
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
        path: `/products/${sku}/sync_status`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Listings
     * @name ListProductListings
     * @summary A product's listings on every connection, with their flags
     * @request GET:/products/{sku}/listings
     * @secure
     */
    listProductListings: (sku: string, params: RequestParams = {}) =>
      this.request<
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
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
        path: `/products/${sku}/listings`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name ListProducts
     * @summary List products (page/per_page, or the cursor in `next`)
     * @request GET:/products
     * @secure
     */
    listProducts: (
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
          /** The URL of the next page (a cursor), when there is one */
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
          /** Products matching the filters, on every page */
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
     * @name RemoveProduct
     * @summary Remove a product and its variations
     * @request DELETE:/products/{sku}
     * @secure
     */
    removeProduct: (sku: string, params: RequestParams = {}) =>
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
     * @tags Listings
     * @name RepublishListing
     * @summary Publish a closed listing again: a new listing, linked in place of the old one
     * @request POST:/products/{sku}/listings/{connection}/republish
     * @secure
     */
    republishListing: (
      sku: string,
      connection: number,
      params: RequestParams = {},
    ) =>
      this.request<
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
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
        path: `/products/${sku}/listings/${connection}/republish`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name SyncProduct
     * @summary Sync this product now: its stock and price to its green listings
     * @request POST:/products/{sku}/sync
     * @secure
     */
    syncProduct: (
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
        {
          results: {
            connection_id: number;
            error?: {
              code: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /** The marketplace's own words */
              message: string;
            };
            outcome: "sent" | "failed" | "queued";
            resource: "stock" | "price";
            run_id?: number;
            sku: string;
          }[];
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
        path: `/products/${sku}/sync`,
        method: "POST",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Products
     * @name UpdateProduct
     * @summary Update a product: any subset of fields (stock: `qty`; price: `price`, `promotional_price`)
     * @request PUT:/products/{sku}
     * @secure
     */
    updateProduct: (
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
  };
  variations = {
    /**
     * No description
     *
     * @tags Variations
     * @name GetVariation
     * @summary Read a variation
     * @request GET:/variations/{sku}
     * @secure
     */
    getVariation: (sku: string, params: RequestParams = {}) =>
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
     * @name RemoveVariation
     * @summary Remove a variation
     * @request DELETE:/variations/{sku}
     * @secure
     */
    removeVariation: (sku: string, params: RequestParams = {}) =>
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
     * @name UpdateVariation
     * @summary Update a variation (stock: `qty`; price: `price`, `promotional_price`)
     * @request PUT:/variations/{sku}
     * @secure
     */
    updateVariation: (
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
     * @name ListCategories
     * @summary The account's categories
     * @request GET:/categories
     * @secure
     */
    listCategories: (params: RequestParams = {}) =>
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
     * @name RemoveCategory
     * @summary Remove a category
     * @request DELETE:/categories/{code}
     * @secure
     */
    removeCategory: (code: string, params: RequestParams = {}) =>
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
     * @name RenameCategory
     * @summary Rename a category
     * @request PUT:/categories/{code}
     * @secure
     */
    renameCategory: (
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

    /**
     * No description
     *
     * @tags Categories and attributes
     * @name SaveCategories
     * @summary Create categories, or rename them by code (one, or an array in `category`)
     * @request POST:/categories
     * @secure
     */
    saveCategories: (
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
  };
  attributes = {
    /**
     * No description
     *
     * @tags Categories and attributes
     * @name ListAttributes
     * @summary The account's variation attributes
     * @request GET:/attributes
     * @secure
     */
    listAttributes: (params: RequestParams = {}) =>
      this.request<
        {
          /** @maxLength 255 */
          label: string;
          /**
           * @minLength 1
           * @maxLength 255
           */
          name: string;
          /** @maxItems 1000 */
          options: string[];
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
     * @name SaveAttribute
     * @summary Create an attribute, or replace the one of that name
     * @request POST:/attributes
     * @secure
     */
    saveAttribute: (
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
          label: string;
          /**
           * @minLength 1
           * @maxLength 255
           */
          name: string;
          /** @maxItems 1000 */
          options: string[];
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
     * @name UpdateAttribute
     * @summary Change an attribute's label or options
     * @request PUT:/attributes/{name}
     * @secure
     */
    updateAttribute: (
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
     * @name UpdateStocks
     * @summary Set the stock of up to 1000 SKUs
     * @request PUT:/stocks
     * @secure
     */
    updateStocks: (
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
            /**
             * @maxItems 1000
             * @minItems 1
             */
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
          /** One per item, in the order sent */
          results: {
            /** Why a stale or rejected item was refused */
            error?: string;
            sku: string;
            status:
              | "updated"
              | "unchanged"
              | "stale"
              | "not_found"
              | "rejected";
            /** The stock or price version after the write */
            version?: number;
          }[];
          /** How many items ended in each status (`updated`, `unchanged`, `stale`, `not_found`, `rejected`) */
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
     * @name UpdatePrices
     * @summary Set the price (and promotional price) of up to 1000 SKUs
     * @request PUT:/prices
     * @secure
     */
    updatePrices: (
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
            /**
             * @maxItems 1000
             * @minItems 1
             */
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
          /** One per item, in the order sent */
          results: {
            /** Why a stale or rejected item was refused */
            error?: string;
            sku: string;
            status:
              | "updated"
              | "unchanged"
              | "stale"
              | "not_found"
              | "rejected";
            /** The stock or price version after the write */
            version?: number;
          }[];
          /** How many items ended in each status (`updated`, `unchanged`, `stale`, `not_found`, `rejected`) */
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
     * @name ListChannels
     * @summary Marketplaces Cais can connect to
     * @request GET:/channels
     * @secure
     */
    listChannels: (params: RequestParams = {}) =>
      this.request<
        {
          capabilities: {
            /** Writes are accepted first and applied later */
            async_acceptance: boolean;
            auth: "oauth" | "credentials";
            /** Calls at once within a run */
            concurrency: number;
            /** Items one price call carries */
            price_batch_size: number;
            /** How a promotional price is expressed: a native field, a dated offer, or not at all */
            promotional_price: "field" | "window" | "none";
            /** The marketplace's documented rate per operation (auth, stock, price, read, publish, orders…) */
            rates: Record<
              string,
              {
                /** Requests allowed at once after a quiet period */
                burst: number;
                /** Requests per second, sustained */
                per_second: number;
              }
            >;
            /** A listing's live values can be read back to confirm a write */
            read_back: boolean;
            /** Items one stock call carries */
            stock_batch_size: number;
          };
          /** mercadolivre, magalu, amazon, shopee */
          channel: string;
          default_base_url: string;
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
        path: `/channels`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  connections = {
    /**
     * No description
     *
     * @tags Connections
     * @name AuthorizeConnection
     * @summary Start the consent again (reconnect)
     * @request POST:/connections/{id}/authorize
     * @secure
     */
    authorizeConnection: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          authorize_url: string;
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
        path: `/connections/${id}/authorize`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name CreateConnection
     * @summary Connect a marketplace (answers the consent URL for OAuth marketplaces)
     * @request POST:/connections
     * @secure
     */
    createConnection: (
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
        {
          authorize_url?: string;
          connection: {
            auth: "oauth" | "credentials";
            base_url: string;
            channel: string;
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The seller's id at the marketplace */
            seller_id: string | null;
            /** The seller as the marketplace names them */
            seller_name: string | null;
            status: "pending" | "active" | "auth_failed" | "disabled";
            status_reason: string | null;
            tested_at: string | null;
          };
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
        path: `/connections`,
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
     * @tags Connections
     * @name DeleteConnection
     * @summary Delete: its listings, schedule coverage, runs and sync errors go; its orders stay (unlinked)
     * @request DELETE:/connections/{id}
     * @secure
     */
    deleteConnection: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          cancelled_schedules: number[];
          replaced_schedules: {
            by: number;
            id: number;
          }[];
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
        path: `/connections/${id}`,
        method: "DELETE",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name GetConnection
     * @summary A connection, its listings by flag, and what deleting it would take away
     * @request GET:/connections/{id}
     * @secure
     */
    getConnection: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          connection: {
            auth: "oauth" | "credentials";
            base_url: string;
            channel: string;
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The seller's id at the marketplace */
            seller_id: string | null;
            /** The seller as the marketplace names them */
            seller_name: string | null;
            status: "pending" | "active" | "auth_failed" | "disabled";
            status_reason: string | null;
            tested_at: string | null;
          };
          footprint: {
            listings: number;
            /** Orders that stay, unlinked */
            orders: number;
            schedules: number;
          };
          listings: {
            green: number;
            grey: number;
            red: number;
            yellow: number;
          };
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
        path: `/connections/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name GetRules
     * @summary A connection's rules
     * @request GET:/connections/{id}/rules
     * @secure
     */
    getRules: (id: number, params: RequestParams = {}) =>
      this.request<
        {
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
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ListConnectionListings
     * @summary Listings of a connection, by flag (page with `after`)
     * @request GET:/connections/{id}/listings
     * @secure
     */
    listConnectionListings: (
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
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
          /** Pass as `after` for the next page */
          next_after?: number;
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
        path: `/connections/${id}/listings`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name ListConnections
     * @summary The account's connections
     * @request GET:/connections
     * @secure
     */
    listConnections: (params: RequestParams = {}) =>
      this.request<
        {
          connections: {
            auth: "oauth" | "credentials";
            base_url: string;
            channel: string;
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The seller's id at the marketplace */
            seller_id: string | null;
            /** The seller as the marketplace names them */
            seller_name: string | null;
            status: "pending" | "active" | "auth_failed" | "disabled";
            status_reason: string | null;
            tested_at: string | null;
          }[];
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
        path: `/connections`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name PreviewRules
     * @summary What each listing would receive under these rules (saved rules when none given)
     * @request POST:/connections/{id}/rules/preview
     * @secure
     */
    previewRules: (
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
        {
          listings: {
            changes: {
              price: boolean;
              qty: boolean;
            };
            erp: {
              price: number | null;
              promotional_price: number | null;
              qty: number;
            };
            /** What was last delivered */
            live: {
              price: number | null;
              promotional_price: number | null;
              qty: number | null;
            };
            now: {
              price: number | null;
              /** @format date-time */
              promotion_ends_at?: string;
              /** @format date-time */
              promotion_starts_at?: string;
              promotional_price: number | null;
              qty: number;
            };
            proposed: {
              price: number | null;
              /** @format date-time */
              promotion_ends_at?: string;
              /** @format date-time */
              promotion_starts_at?: string;
              promotional_price: number | null;
              qty: number;
            };
            sku: string;
          }[];
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
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Rules
     * @name ReplaceRules
     * @summary Replace the rules; affected listings owe a send
     * @request PUT:/connections/{id}/rules
     * @secure
     */
    replaceRules: (
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
        {
          /** Listings that owe a send under the new rules */
          listings_owing_send: number;
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
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name TestConnection
     * @summary Make a test call now (status active, or auth_failed with the reason)
     * @request POST:/connections/{id}/test
     * @secure
     */
    testConnection: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          connection: {
            auth: "oauth" | "credentials";
            base_url: string;
            channel: string;
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The seller's id at the marketplace */
            seller_id: string | null;
            /** The seller as the marketplace names them */
            seller_name: string | null;
            status: "pending" | "active" | "auth_failed" | "disabled";
            status_reason: string | null;
            tested_at: string | null;
          };
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
        path: `/connections/${id}/test`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Connections
     * @name UpdateConnection
     * @summary Rename, disable or enable, or replace its address or credentials
     * @request PATCH:/connections/{id}
     * @secure
     */
    updateConnection: (
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
        {
          authorize_url?: string;
          connection: {
            auth: "oauth" | "credentials";
            base_url: string;
            channel: string;
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The seller's id at the marketplace */
            seller_id: string | null;
            /** The seller as the marketplace names them */
            seller_name: string | null;
            status: "pending" | "active" | "auth_failed" | "disabled";
            status_reason: string | null;
            tested_at: string | null;
          };
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
        path: `/connections/${id}`,
        method: "PATCH",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  listings = {
    /**
     * No description
     *
     * @tags Listings
     * @name ConnectProducts
     * @summary Connect up to 100 SKUs to one connection
     * @request POST:/listings/connect
     * @secure
     */
    connectProducts: (
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
        {
          results: (
            | {
                listings: {
                  code: string | null;
                  connected_at: string | null;
                  connection_id: number;
                  /** The marketplace's listing id */
                  external_id: string | null;
                  external_variation_id: string | null;
                  flag: "grey" | "yellow" | "green" | "red";
                  /** What to do, in the caller’s language */
                  hint: string | null;
                  /** Why the flag is not green */
                  reason: string | null;
                  /** What the marketplace refuses while the flag is red for a sync refusal */
                  refused: ("stock" | "price")[];
                  sku: string;
                }[];
                sku: string;
              }
            | {
                code: string;
                error: string;
                params?: Record<string, any>;
                sku: string;
              }
          )[];
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
        path: `/listings/connect`,
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
     * @tags Console
     * @name ListListingsOfSkus
     * @summary The listings (flags) of these SKUs on every connection: ?sku=A&sku=B (up to 100)
     * @request GET:/listings
     * @secure
     */
    listListingsOfSkus: (
      query: {
        sku: string | string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          listings: {
            code: string | null;
            connected_at: string | null;
            connection_id: number;
            /** The marketplace's listing id */
            external_id: string | null;
            external_variation_id: string | null;
            flag: "grey" | "yellow" | "green" | "red";
            /** What to do, in the caller’s language */
            hint: string | null;
            /** Why the flag is not green */
            reason: string | null;
            /** What the marketplace refuses while the flag is red for a sync refusal */
            refused: ("stock" | "price")[];
            sku: string;
          }[];
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
        path: `/listings`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),
  };
  sync = {
    /**
     * No description
     *
     * @tags Sync
     * @name CancelSchedule
     * @summary Cancel a schedule (kept in history)
     * @request DELETE:/sync/schedules/{id}
     * @secure
     */
    cancelSchedule: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          schedule: {
            cancelled_at: string | null;
            connections: number[];
            /** @format date-time */
            created_at: string;
            /** 1m … 24h, or continuous */
            every: string;
            id: number;
            next_runs: {
              connection_id: number;
              next_run_at: string | null;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
            }[];
            /** The schedule that replaced this one */
            replaced_by: number | null;
            resources: ("stock" | "price" | "orders" | "catalog")[];
            status: "active" | "cancelled";
          };
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
        path: `/sync/schedules/${id}`,
        method: "DELETE",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name CreateSchedule
     * @summary Schedule a synchronisation (Agendar Sincronização)
     * @request POST:/sync/schedules
     * @secure
     */
    createSchedule: (
      data: {
        schedule: {
          /**
           * @maxItems 50
           * @minItems 1
           */
          connections: number[];
          /** 1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m (or 1h), 6h, 24h or continuous */
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
        {
          schedule: {
            cancelled_at: string | null;
            connections: number[];
            /** @format date-time */
            created_at: string;
            /** 1m … 24h, or continuous */
            every: string;
            id: number;
            next_runs: {
              connection_id: number;
              next_run_at: string | null;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
            }[];
            /** The schedule that replaced this one */
            replaced_by: number | null;
            resources: ("stock" | "price" | "orders" | "catalog")[];
            status: "active" | "cancelled";
          };
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
        path: `/sync/schedules`,
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
     * @tags Sync
     * @name GetRun
     * @summary A run
     * @request GET:/sync/runs/{id}
     * @secure
     */
    getRun: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          run: {
            confirmed: number;
            connection_id: number;
            /** Listings (or orders) the run looked at */
            considered: number;
            failed: number;
            failures: {
              code: string;
              message: string;
              sku: string;
            }[];
            finished_at: string | null;
            id: number;
            note: string | null;
            /** An orders run's counts */
            order_counts?: Record<string, number>;
            /** What a run synchronises */
            resource: "stock" | "price" | "orders" | "catalog";
            schedule_id: number | null;
            sent: number;
            /** @format date-time */
            started_at: string;
            status:
              | "running"
              | "succeeded"
              | "partial"
              | "failed"
              | "paused"
              | "skipped"
              | "interrupted";
            /** What started the run */
            trigger: "scheduled" | "manual" | "continuous" | "resume";
          };
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
        path: `/sync/runs/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name GetSchedule
     * @summary A schedule with its latest runs
     * @request GET:/sync/schedules/{id}
     * @secure
     */
    getSchedule: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          schedule: {
            cancelled_at: string | null;
            connections: number[];
            /** @format date-time */
            created_at: string;
            /** 1m … 24h, or continuous */
            every: string;
            id: number;
            last_runs: {
              confirmed: number;
              connection_id: number;
              /** Listings (or orders) the run looked at */
              considered: number;
              failed: number;
              failures: {
                code: string;
                message: string;
                sku: string;
              }[];
              finished_at: string | null;
              id: number;
              note: string | null;
              /** An orders run's counts */
              order_counts?: Record<string, number>;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
              schedule_id: number | null;
              sent: number;
              /** @format date-time */
              started_at: string;
              status:
                | "running"
                | "succeeded"
                | "partial"
                | "failed"
                | "paused"
                | "skipped"
                | "interrupted";
              /** What started the run */
              trigger: "scheduled" | "manual" | "continuous" | "resume";
            }[];
            next_runs: {
              connection_id: number;
              next_run_at: string | null;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
            }[];
            /** The schedule that replaced this one */
            replaced_by: number | null;
            resources: ("stock" | "price" | "orders" | "catalog")[];
            status: "active" | "cancelled";
          };
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
        path: `/sync/schedules/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name ListRuns
     * @summary Runs, newest first (page with `before`)
     * @request GET:/sync/runs
     * @secure
     */
    listRuns: (
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
        {
          runs: {
            confirmed: number;
            connection_id: number;
            /** Listings (or orders) the run looked at */
            considered: number;
            failed: number;
            failures: {
              code: string;
              message: string;
              sku: string;
            }[];
            finished_at: string | null;
            id: number;
            note: string | null;
            /** An orders run's counts */
            order_counts?: Record<string, number>;
            /** What a run synchronises */
            resource: "stock" | "price" | "orders" | "catalog";
            schedule_id: number | null;
            sent: number;
            /** @format date-time */
            started_at: string;
            status:
              | "running"
              | "succeeded"
              | "partial"
              | "failed"
              | "paused"
              | "skipped"
              | "interrupted";
            /** What started the run */
            trigger: "scheduled" | "manual" | "continuous" | "resume";
          }[];
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
        path: `/sync/runs`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name ListSchedules
     * @summary Schedules (active by default)
     * @request GET:/sync/schedules
     * @secure
     */
    listSchedules: (
      query?: {
        status?: "active" | "cancelled" | "all";
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          schedules: {
            cancelled_at: string | null;
            connections: number[];
            /** @format date-time */
            created_at: string;
            /** 1m … 24h, or continuous */
            every: string;
            id: number;
            next_runs: {
              connection_id: number;
              next_run_at: string | null;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
            }[];
            /** The schedule that replaced this one */
            replaced_by: number | null;
            resources: ("stock" | "price" | "orders" | "catalog")[];
            status: "active" | "cancelled";
          }[];
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
        path: `/sync/schedules`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name ReplaceSchedule
     * @summary Replace a schedule: cancels it and creates the new one atomically
     * @request PUT:/sync/schedules/{id}
     * @secure
     */
    replaceSchedule: (
      id: number,
      data: {
        schedule: {
          /**
           * @maxItems 50
           * @minItems 1
           */
          connections: number[];
          /** 1m, 5m, 10m, 15m (suggested for stock and orders), 30m, 60m (or 1h), 6h, 24h or continuous */
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
        {
          schedule: {
            cancelled_at: string | null;
            connections: number[];
            /** @format date-time */
            created_at: string;
            /** 1m … 24h, or continuous */
            every: string;
            id: number;
            next_runs: {
              connection_id: number;
              next_run_at: string | null;
              /** What a run synchronises */
              resource: "stock" | "price" | "orders" | "catalog";
            }[];
            /** The schedule that replaced this one */
            replaced_by: number | null;
            resources: ("stock" | "price" | "orders" | "catalog")[];
            status: "active" | "cancelled";
          };
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
        path: `/sync/schedules/${id}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync
     * @name RunSchedule
     * @summary Run a schedule now
     * @request POST:/sync/schedules/{id}/run
     * @secure
     */
    runSchedule: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          runs: {
            connection_id: number;
            queued: "queued" | "already_queued";
            /** What a run synchronises */
            resource: "stock" | "price" | "orders" | "catalog";
          }[];
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
        path: `/sync/schedules/${id}/run`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  syncErrors = {
    /**
     * No description
     *
     * @tags Sync errors
     * @name GetErrorCategory
     * @summary One error category (an unknown code is a 400 naming the known ones)
     * @request GET:/sync_errors/categories/{code}
     * @secure
     */
    getErrorCategory: (code: string, params: RequestParams = {}) =>
      this.request<
        {
          /** stock_sync, price_sync, catalog_publish, connection, sync_order_… */
          code: string;
          entity_type: "products" | "orders";
          /** The error codes this account has met in the category */
          error_types: {
            code: string;
            name: string;
            /** What to do about it */
            solution: string | null;
          }[];
          name: string;
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
        path: `/sync_errors/categories/${code}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name IgnoreOrderErrors
     * @summary Ignore these errors
     * @request PATCH:/sync_errors/orders
     * @secure
     */
    ignoreOrderErrors: (
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
     * @name IgnoreProductErrors
     * @summary Ignore these errors
     * @request PATCH:/sync_errors/products
     * @secure
     */
    ignoreProductErrors: (
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
     * @name ListErrorCategories
     * @summary The error categories, with the error codes this account has met in each
     * @request GET:/sync_errors/categories
     * @secure
     */
    listErrorCategories: (params: RequestParams = {}) =>
      this.request<
        {
          /** stock_sync, price_sync, catalog_publish, connection, sync_order_… */
          code: string;
          entity_type: "products" | "orders";
          /** The error codes this account has met in the category */
          error_types: {
            code: string;
            name: string;
            /** What to do about it */
            solution: string | null;
          }[];
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
        path: `/sync_errors/categories`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name ListOrderErrors
     * @summary Order sync errors (import from the marketplace, status sent back), newest first
     * @request GET:/sync_errors/orders
     * @secure
     */
    listOrderErrors: (
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
        {
          /** Open errors in the category (all categories when none given) */
          error_qty: number;
          errors: {
            attempts: number;
            /** The order code */
            entity_id: string;
            error_category_code:
              | "sync_order_mtkp_to_skyhub"
              | "sync_order_skyhub_to_mtkp";
            error_code: string;
            /** transient, rate_limited, auth, permanent… */
            failure: string;
            /** @format date-time */
            first_seen_at: string;
            /** What to do, in the caller’s language */
            hint: string | null;
            /**
             * SkyHub's spelling: when last seen
             * @format date-time
             */
            last_accurence: string;
            marketplace_code: string | null;
            /** The marketplace's own words */
            message: string;
            status: "open" | "ignored" | "resolved";
            /** Cais retries it by itself */
            transient: boolean;
            ways_out: ("retry" | "correct" | "ignore")[];
          }[];
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
        path: `/sync_errors/orders`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name ListProductErrors
     * @summary Product (listing) sync errors, newest first (page with `before`)
     * @request GET:/sync_errors/products
     * @secure
     */
    listProductErrors: (
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
        {
          /** Open errors in the category (all categories when none given) */
          error_qty: number;
          errors: {
            attempts: number;
            connection_id: number;
            connection_name: string;
            /** The SKU, or connection:<id> for a connection-wide error */
            entity_id: string;
            /** stock_sync, price_sync, catalog_publish, connection */
            error_category_code: string;
            error_code: string;
            /** transient, rate_limited, auth, permanent… */
            failure: string;
            /** @format date-time */
            first_seen_at: string;
            /** What to do, in the caller’s language */
            hint: string | null;
            /**
             * SkyHub's spelling: when last seen
             * @format date-time
             */
            last_accurence: string;
            marketplace_code: string | null;
            /** The marketplace's own words */
            message: string;
            status: "open" | "ignored" | "resolved";
            /** Cais retries it by itself */
            transient: boolean;
          }[];
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
        path: `/sync_errors/products`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Sync errors
     * @name RetryOrderErrors
     * @summary Retry now: each order's failed relay to the marketplace is sent again
     * @request POST:/sync_errors/orders/retry
     * @secure
     */
    retryOrderErrors: (
      data: {
        /** @maxItems 500 */
        codes?: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          /** Their codes */
          codes: string[];
          /** Orders whose relay is sent again */
          retried: number;
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
        path: `/sync_errors/orders/retry`,
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
     * @tags Sync errors
     * @name RetryProductErrors
     * @summary Retry now: the listings owe a send again, without waiting for a backoff
     * @request POST:/sync_errors/products/retry
     * @secure
     */
    retryProductErrors: (
      data: {
        /** @maxLength 50 */
        error_category_code?: string;
        /** @maxItems 1000 */
        skus?: string[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          /** Listings that owe a send again */
          retried: number;
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
        path: `/sync_errors/products/retry`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  saleSystems = {
    /**
     * No description
     *
     * @tags Orders
     * @name ListSaleSystems
     * @summary The account's marketplaces
     * @request GET:/sale_systems
     * @secure
     */
    listSaleSystems: (params: RequestParams = {}) =>
      this.request<
        {
          /** Cais's channel name, e.g. `mercadolivre` */
          channel: string;
          code: string;
          /** The account's connections to it */
          connections: number;
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
        path: `/sale_systems`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  queues = {
    /**
     * No description
     *
     * @tags Orders
     * @name AcknowledgeQueuedOrder
     * @summary Acknowledge an order (its sync_status turns SYNCED)
     * @request DELETE:/queues/orders/{code}
     * @secure
     */
    acknowledgeQueuedOrder: (code: string, params: RequestParams = {}) =>
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
        path: `/queues/orders/${code}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name GetOrderQueueDepth
     * @summary How many orders wait in the queue, and how many of them it would hand out now
     * @request GET:/queues/orders/depth
     * @secure
     */
    getOrderQueueDepth: (params: RequestParams = {}) =>
      this.request<
        {
          /** Orders not yet acknowledged */
          queued: number;
          /** Of those, the ones the queue would hand out now */
          visible: number;
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
        path: `/queues/orders/depth`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name TakeQueuedOrder
     * @summary The oldest order not yet acknowledged (hidden for 300 s once handed out); 204 when none
     * @request GET:/queues/orders
     * @secure
     */
    takeQueuedOrder: (params: RequestParams = {}) =>
      this.request<
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/queues/orders`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  orders = {
    /**
     * No description
     *
     * @tags Order status
     * @name ApproveOrder
     * @summary Approve a test order (sandbox only)
     * @request POST:/orders/{code}/approval
     * @secure
     */
    approveOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/approval`,
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
     * @tags Order status
     * @name CancelOrder
     * @summary Cancel the order
     * @request POST:/orders/{code}/cancel
     * @secure
     */
    cancelOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/cancel`,
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
     * @tags Orders
     * @name CreateTestOrder
     * @summary Create a test order (sandbox): no marketplace involved
     * @request POST:/orders
     * @secure
     */
    createTestOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders`,
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
     * @tags Order status
     * @name DeliverOrder
     * @summary The order was delivered
     * @request POST:/orders/{code}/delivery
     * @secure
     */
    deliverOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/delivery`,
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
     * @tags Orders
     * @name GetOrder
     * @summary One order, with the units it holds back from stock (cais.reservations)
     * @request GET:/orders/{code}
     * @secure
     */
    getOrder: (code: string, params: RequestParams = {}) =>
      this.request<
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            reservations: {
              acked_at: string | null;
              ended_at: string | null;
              qty: number;
              sku: string;
              status: "active" | "ended";
            }[];
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name GetOrderHistory
     * @summary Status history, oldest first
     * @request GET:/orders/{code}/history
     * @secure
     */
    getOrderHistory: (code: string, params: RequestParams = {}) =>
      this.request<
        {
          code: string;
          history: {
            /** @format date-time */
            at: string;
            detail: Record<string, any> | null;
            marketplace_status: string | null;
            source: "marketplace" | "erp";
            status_code: string;
            status_type: string;
          }[];
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
        path: `/orders/${code}/history`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name GetOrderRaw
     * @summary The marketplace's own payload, as imported
     * @request GET:/orders/{code}/raw
     * @secure
     */
    getOrderRaw: (code: string, params: RequestParams = {}) =>
      this.request<
        {
          /** mercadolivre, magalu, amazon, shopee or sandbox */
          channel: string;
          code: string;
          /** The marketplace's payload, as it wrote it */
          raw: any;
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
        path: `/orders/${code}/raw`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name InvoiceOrder
     * @summary Invoice the order (NF-e key of 44 digits)
     * @request POST:/orders/{code}/invoice
     * @secure
     */
    invoiceOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/invoice`,
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
     * @tags Orders
     * @name ListOrders
     * @summary Orders, newest first: filters[statuses][], filters[sync_status][], filters[sale_system], filters[start_date], filters[end_date] (DD/MM/YYYY), page, per_page
     * @request GET:/orders
     * @secure
     */
    listOrders: (
      query?: {
        /** Cais: one connection’s orders */
        "filters[connection_id]"?: string;
        /** Placed on or before, DD/MM/YYYY */
        "filters[end_date]"?: string;
        /** A channel, e.g. "Mercado Livre" */
        "filters[sale_system]"?: string;
        /** Placed on or after, DD/MM/YYYY */
        "filters[start_date]"?: string;
        /** Status codes */
        "filters[statuses][]"?: string[];
        /** SYNCED or NOT_SYNCED (acknowledged or not) */
        "filters[sync_status][]"?: string[];
        /** From 1 (the default) */
        page?: number;
        /** 30 by default; more than 100 is capped at 100 */
        per_page?: number;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          orders: {
            /** As the marketplace gave it */
            approved_date: string | null;
            available_to_sync: boolean;
            billing_address: {
              city: string | null;
              complement: string | null;
              country: string | null;
              detail: string | null;
              full_name: string | null;
              neighborhood: string | null;
              number: string | null;
              phone: string | null;
              postcode: string | null;
              reference: string | null;
              region: string | null;
              secondary_phone: string | null;
              street: string | null;
            };
            cais: {
              acknowledged_at: string | null;
              /** null for test orders and deleted connections */
              connection_id: number | null;
              id: number;
              marketplace_order_id: string;
              marketplace_status: string;
              /** How many times the queue handed the order out */
              queue_deliveries: number;
              sync_errors: {
                attempts: number;
                /** The order code */
                entity_id: string;
                error_category_code:
                  | "sync_order_mtkp_to_skyhub"
                  | "sync_order_skyhub_to_mtkp";
                error_code: string;
                /** transient, rate_limited, auth, permanent… */
                failure: string;
                /** @format date-time */
                first_seen_at: string;
                /** What to do, in the caller’s language */
                hint: string | null;
                /**
                 * SkyHub's spelling: when last seen
                 * @format date-time
                 */
                last_accurence: string;
                marketplace_code: string | null;
                /** The marketplace's own words */
                message: string;
                status: "open" | "ignored" | "resolved";
                /** Cais retries it by itself */
                transient: boolean;
                ways_out: ("retry" | "correct" | "ignore")[];
              }[];
              unknown_skus: string[];
            };
            /** Test orders */
            calculation_type?: string | null;
            channel: string;
            /** SkyHub's code: "<channel>-<marketplace id>" */
            code: string;
            customer: {
              date_of_birth: string | null;
              email: string | null;
              gender: string | null;
              name: string;
              phones: string[];
              /** Cais: a company buyer's inscrição estadual, where offered */
              state_registration?: string | null;
              /** CPF or CNPJ, digits only */
              vat_number: string | null;
            };
            delivered_date: string | null;
            discount: number;
            /** ISO 8601 date or date-time */
            estimated_delivery: string | null;
            /** The date the seller must hand the package over by, where the marketplace gives one */
            expedition_limit_date?: string | null;
            import_info: {
              remote_code: string;
              remote_id: string;
              ss_name: string;
            };
            /** @format date-time */
            imported_at: string;
            interest: number;
            invoices: {
              /** ISO 8601 */
              issue_date: string | null;
              /** The NF-e access key (44 digits) */
              key: string;
              line: string | null;
              number: string | null;
            }[];
            items: {
              /** The SKU (or the marketplace item id when no SKU matched) */
              id: string;
              /** Cais: whether `id` is one of the account's SKUs */
              matched?: boolean;
              name: string;
              original_price: number;
              product_id: string;
              qty: number;
              shipping_cost: number;
              special_price: number;
            }[];
            payments: {
              description: string;
              method: string;
              parcels: number;
              status: string;
              /** As the marketplace gave it */
              transaction_date: string | null;
              value: number;
            }[];
            /** @format date-time */
            placed_at: string;
            shipment_exception: {
              observation: string;
              occurrence_date: string;
            } | null;
            shipments: {
              code: string;
              /** ISO 8601 */
              delivered_carrier_date: string | null;
              items: {
                qty: number;
                sku: string;
              }[];
              tracks: {
                carrier: string;
                code: string;
                method: string;
                url: string;
              }[];
            }[];
            shipped_date: string | null;
            shipping_address: {
              city: string | null;
              complement: string | null;
              country: string | null;
              detail: string | null;
              full_name: string | null;
              neighborhood: string | null;
              number: string | null;
              phone: string | null;
              postcode: string | null;
              reference: string | null;
              region: string | null;
              secondary_phone: string | null;
              street: string | null;
            };
            /** Test orders */
            shipping_calculation_type?: string | null;
            shipping_cost: number;
            shipping_method: string | null;
            status: {
              /** A status code of the account (GET /statuses) */
              code: string;
              label: string;
              /** The status type a status code belongs to */
              type:
                | "NEW"
                | "APPROVED"
                | "INVOICED"
                | "SHIPPED"
                | "DELIVERED"
                | "CANCELED"
                | "SHIPMENT_EXCEPTION"
                | "PAYMENT_OVERDUE";
            };
            sync_status: "SYNCED" | "NOT_SYNCED";
            tags: string[];
            total_ordered: number;
            /** @format date-time */
            updated_at: string;
            /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
            withheld_fields?: Record<
              string,
              "masked" | "restricted" | "not_released" | "not_provided"
            >;
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
        path: `/orders`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name MarkOrderExported
     * @summary Legacy acknowledgement ({"exported": true})
     * @request PUT:/orders/{code}/exported
     * @secure
     */
    markOrderExported: (
      code: string,
      data: {
        exported?: boolean;
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
        path: `/orders/${code}/exported`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Order status
     * @name ReportShipmentException
     * @summary The carrier could not deliver
     * @request POST:/orders/{code}/shipment_exception
     * @secure
     */
    reportShipmentException: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/shipment_exception`,
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
     * @tags Order status
     * @name ShipOrder
     * @summary Ship the order (tracking); items inside or beside "shipment"
     * @request POST:/orders/{code}/shipments
     * @secure
     */
    shipOrder: (
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
        {
          /** As the marketplace gave it */
          approved_date: string | null;
          available_to_sync: boolean;
          billing_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          cais: {
            acknowledged_at: string | null;
            /** null for test orders and deleted connections */
            connection_id: number | null;
            id: number;
            marketplace_order_id: string;
            marketplace_status: string;
            /** How many times the queue handed the order out */
            queue_deliveries: number;
            relay: {
              note: string | null;
              note_pt: string | null;
              /** `marketplace_ships`, `no_seller_invoice`, `relay_failed_before`, `connection_deleted` */
              reason: string | null;
              relayed: boolean;
              state: "queued" | "again" | "no" | "unchanged";
            };
            sync_errors: {
              attempts: number;
              /** The order code */
              entity_id: string;
              error_category_code:
                | "sync_order_mtkp_to_skyhub"
                | "sync_order_skyhub_to_mtkp";
              error_code: string;
              /** transient, rate_limited, auth, permanent… */
              failure: string;
              /** @format date-time */
              first_seen_at: string;
              /** What to do, in the caller’s language */
              hint: string | null;
              /**
               * SkyHub's spelling: when last seen
               * @format date-time
               */
              last_accurence: string;
              marketplace_code: string | null;
              /** The marketplace's own words */
              message: string;
              status: "open" | "ignored" | "resolved";
              /** Cais retries it by itself */
              transient: boolean;
              ways_out: ("retry" | "correct" | "ignore")[];
            }[];
            unknown_skus: string[];
          };
          /** Test orders */
          calculation_type?: string | null;
          channel: string;
          /** SkyHub's code: "<channel>-<marketplace id>" */
          code: string;
          customer: {
            date_of_birth: string | null;
            email: string | null;
            gender: string | null;
            name: string;
            phones: string[];
            /** Cais: a company buyer's inscrição estadual, where offered */
            state_registration?: string | null;
            /** CPF or CNPJ, digits only */
            vat_number: string | null;
          };
          delivered_date: string | null;
          discount: number;
          /** ISO 8601 date or date-time */
          estimated_delivery: string | null;
          /** The date the seller must hand the package over by, where the marketplace gives one */
          expedition_limit_date?: string | null;
          import_info: {
            remote_code: string;
            remote_id: string;
            ss_name: string;
          };
          /** @format date-time */
          imported_at: string;
          interest: number;
          invoices: {
            /** ISO 8601 */
            issue_date: string | null;
            /** The NF-e access key (44 digits) */
            key: string;
            line: string | null;
            number: string | null;
          }[];
          items: {
            /** The SKU (or the marketplace item id when no SKU matched) */
            id: string;
            /** Cais: whether `id` is one of the account's SKUs */
            matched?: boolean;
            name: string;
            original_price: number;
            product_id: string;
            qty: number;
            shipping_cost: number;
            special_price: number;
          }[];
          payments: {
            description: string;
            method: string;
            parcels: number;
            status: string;
            /** As the marketplace gave it */
            transaction_date: string | null;
            value: number;
          }[];
          /** @format date-time */
          placed_at: string;
          shipment_exception: {
            observation: string;
            occurrence_date: string;
          } | null;
          shipments: {
            code: string;
            /** ISO 8601 */
            delivered_carrier_date: string | null;
            items: {
              qty: number;
              sku: string;
            }[];
            tracks: {
              carrier: string;
              code: string;
              method: string;
              url: string;
            }[];
          }[];
          shipped_date: string | null;
          shipping_address: {
            city: string | null;
            complement: string | null;
            country: string | null;
            detail: string | null;
            full_name: string | null;
            neighborhood: string | null;
            number: string | null;
            phone: string | null;
            postcode: string | null;
            reference: string | null;
            region: string | null;
            secondary_phone: string | null;
            street: string | null;
          };
          /** Test orders */
          shipping_calculation_type?: string | null;
          shipping_cost: number;
          shipping_method: string | null;
          status: {
            /** A status code of the account (GET /statuses) */
            code: string;
            label: string;
            /** The status type a status code belongs to */
            type:
              | "NEW"
              | "APPROVED"
              | "INVOICED"
              | "SHIPPED"
              | "DELIVERED"
              | "CANCELED"
              | "SHIPMENT_EXCEPTION"
              | "PAYMENT_OVERDUE";
          };
          sync_status: "SYNCED" | "NOT_SYNCED";
          tags: string[];
          total_ordered: number;
          /** @format date-time */
          updated_at: string;
          /** Cais: why each field an ERP needs is null, keyed by its path (`shipping_address.street`) */
          withheld_fields?: Record<
            string,
            "masked" | "restricted" | "not_released" | "not_provided"
          >;
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
        path: `/orders/${code}/shipments`,
        method: "POST",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  settings = {
    /**
     * No description
     *
     * @tags Orders
     * @name GetOrderSettings
     * @summary Whether orders hold their units back from stock, and the queue visibility timeout
     * @request GET:/settings/orders
     * @secure
     */
    getOrderSettings: (params: RequestParams = {}) =>
      this.request<
        {
          /** How long a handed-out order stays hidden */
          queue_visibility_seconds: number;
          /** Whether unacknowledged orders hold their units back from stock */
          reservations: boolean;
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
        path: `/settings/orders`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Orders
     * @name UpdateOrderSettings
     * @summary Turn order reservations on or off (the SKUs they hold owe a stock send either way)
     * @request PUT:/settings/orders
     * @secure
     */
    updateOrderSettings: (
      data: {
        reservations: boolean;
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          /** How long a handed-out order stays hidden */
          queue_visibility_seconds: number;
          /** Whether unacknowledged orders hold their units back from stock */
          reservations: boolean;
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
        path: `/settings/orders`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  statuses = {
    /**
     * No description
     *
     * @tags Statuses
     * @name CreateStatus
     * @summary Add an order status code of the account, mapped to a status type
     * @request POST:/statuses
     * @secure
     */
    createStatus: (
      data:
        | {
            status: {
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
            };
          }
        | {
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
        {
          code: string;
          label: string;
          /** The status type a status code belongs to */
          type:
            | "NEW"
            | "APPROVED"
            | "INVOICED"
            | "SHIPPED"
            | "DELIVERED"
            | "CANCELED"
            | "SHIPMENT_EXCEPTION"
            | "PAYMENT_OVERDUE";
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
        path: `/statuses`,
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
     * @tags Statuses
     * @name ListStatuses
     * @summary SkyHub's default order statuses and the account's own
     * @request GET:/statuses
     * @secure
     */
    listStatuses: (params: RequestParams = {}) =>
      this.request<
        {
          code: string;
          label: string;
          /** The status type a status code belongs to */
          type:
            | "NEW"
            | "APPROVED"
            | "INVOICED"
            | "SHIPPED"
            | "DELIVERED"
            | "CANCELED"
            | "SHIPMENT_EXCEPTION"
            | "PAYMENT_OVERDUE";
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
        path: `/statuses`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Statuses
     * @name UpdateStatus
     * @summary Change the label or type of one of the account's status codes
     * @request PUT:/statuses/{code}
     * @secure
     */
    updateStatus: (
      code: string,
      data:
        | {
            status: {
              /**
               * @minLength 1
               * @maxLength 100
               * @pattern ^\S(.*\S)?$
               */
              code?: string;
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
            };
          }
        | {
            /**
             * @minLength 1
             * @maxLength 100
             * @pattern ^\S(.*\S)?$
             */
            code?: string;
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
     * @name ListStatusTypes
     * @summary The status types a status code maps to
     * @request GET:/status_types
     * @secure
     */
    listStatusTypes: (params: RequestParams = {}) =>
      this.request<
        {
          /** The status type a status code belongs to */
          code:
            | "NEW"
            | "APPROVED"
            | "INVOICED"
            | "SHIPPED"
            | "DELIVERED"
            | "CANCELED"
            | "SHIPMENT_EXCEPTION"
            | "PAYMENT_OVERDUE";
          label: string;
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
        path: `/status_types`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  webhooks = {
    /**
     * No description
     *
     * @tags Webhooks
     * @name CreateWebhook
     * @summary Register an endpoint; the answer holds its signing secret, shown once
     * @request POST:/webhooks
     * @secure
     */
    createWebhook: (
      data:
        | {
            webhook: {
              /** @maxLength 500 */
              description?: string;
              /**
               * @maxItems 3
               * @minItems 1
               */
              events: (
                | "order.created"
                | "order.updated"
                | "sync_error.created"
              )[];
              status?: "active" | "disabled";
              /**
               * @minLength 1
               * @maxLength 2000
               */
              url: string;
            };
          }
        | {
            /** @maxLength 500 */
            description?: string;
            /**
             * @maxItems 3
             * @minItems 1
             */
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
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
        {
          webhook: {
            /** @format date-time */
            created_at: string;
            description: string | null;
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
            id: number;
            /** The signing secret: only when registered or rotated, shown once */
            secret?: string;
            status: "active" | "disabled";
            /** @format date-time */
            updated_at: string;
            url: string;
          };
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
        path: `/webhooks`,
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
     * @tags Webhooks
     * @name DeleteWebhook
     * @summary Remove an endpoint; its pending deliveries stop
     * @request DELETE:/webhooks/{id}
     * @secure
     */
    deleteWebhook: (id: number, params: RequestParams = {}) =>
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
        path: `/webhooks/${id}`,
        method: "DELETE",
        secure: true,
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name GetWebhook
     * @summary An endpoint
     * @request GET:/webhooks/{id}
     * @secure
     */
    getWebhook: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          webhook: {
            /** @format date-time */
            created_at: string;
            description: string | null;
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
            id: number;
            /** The signing secret: only when registered or rotated, shown once */
            secret?: string;
            status: "active" | "disabled";
            /** @format date-time */
            updated_at: string;
            url: string;
          };
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
        path: `/webhooks/${id}`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name GetWebhookDeliveryBody
     * @summary The exact body that was (and is) signed and sent
     * @request GET:/webhooks/{id}/deliveries/{deliveryId}/body
     * @secure
     */
    getWebhookDeliveryBody: (
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
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name ListWebhookDeliveries
     * @summary Delivery log, newest first (status=dead: the dead letters)
     * @request GET:/webhooks/{id}/deliveries
     * @secure
     */
    listWebhookDeliveries: (
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
        {
          deliveries: {
            attempt_log: {
              /** @format date-time */
              at: string;
              attempt: number;
              duration_ms: number;
              error: string | null;
              status_code: number | null;
            }[];
            attempts: number;
            /** @format date-time */
            created_at: string;
            event_id: string;
            /** An event an endpoint can listen to */
            event_type:
              | "order.created"
              | "order.updated"
              | "sync_error.created";
            finished_at: string | null;
            id: number;
            last_error: string | null;
            last_status_code: number | null;
            /** Only while pending */
            next_attempt_at: string | null;
            status: "pending" | "succeeded" | "dead";
          }[];
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
        path: `/webhooks/${id}/deliveries`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name ListWebhooks
     * @summary The account's endpoints
     * @request GET:/webhooks
     * @secure
     */
    listWebhooks: (params: RequestParams = {}) =>
      this.request<
        {
          webhooks: {
            /** @format date-time */
            created_at: string;
            description: string | null;
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
            id: number;
            /** The signing secret: only when registered or rotated, shown once */
            secret?: string;
            status: "active" | "disabled";
            /** @format date-time */
            updated_at: string;
            url: string;
          }[];
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
        path: `/webhooks`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name ReplayWebhookDeliveries
     * @summary Send dead-lettered deliveries again (all, or those listed)
     * @request POST:/webhooks/{id}/replay
     * @secure
     */
    replayWebhookDeliveries: (
      id: number,
      data: {
        /**
         * Only these; all dead letters if absent
         * @maxItems 1000
         * @minItems 1
         */
        delivery_ids?: number[];
      },
      params: RequestParams = {},
    ) =>
      this.request<
        {
          delivery_ids: number[];
          replayed: number;
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
        path: `/webhooks/${id}/replay`,
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
     * @tags Webhooks
     * @name RotateWebhookSecret
     * @summary A new signing secret, shown once; the old one stops at once
     * @request POST:/webhooks/{id}/rotate_secret
     * @secure
     */
    rotateWebhookSecret: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          webhook: {
            /** @format date-time */
            created_at: string;
            description: string | null;
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
            id: number;
            /** The signing secret: only when registered or rotated, shown once */
            secret?: string;
            status: "active" | "disabled";
            /** @format date-time */
            updated_at: string;
            url: string;
          };
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
        path: `/webhooks/${id}/rotate_secret`,
        method: "POST",
        secure: true,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Webhooks
     * @name UpdateWebhook
     * @summary Replace an endpoint (URL, events, description, status)
     * @request PUT:/webhooks/{id}
     * @secure
     */
    updateWebhook: (
      id: number,
      data:
        | {
            webhook: {
              /** @maxLength 500 */
              description?: string;
              /**
               * @maxItems 3
               * @minItems 1
               */
              events: (
                | "order.created"
                | "order.updated"
                | "sync_error.created"
              )[];
              status?: "active" | "disabled";
              /**
               * @minLength 1
               * @maxLength 2000
               */
              url: string;
            };
          }
        | {
            /** @maxLength 500 */
            description?: string;
            /**
             * @maxItems 3
             * @minItems 1
             */
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
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
        {
          webhook: {
            /** @format date-time */
            created_at: string;
            description: string | null;
            events: (
              | "order.created"
              | "order.updated"
              | "sync_error.created"
            )[];
            id: number;
            /** The signing secret: only when registered or rotated, shown once */
            secret?: string;
            status: "active" | "disabled";
            /** @format date-time */
            updated_at: string;
            url: string;
          };
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
        path: `/webhooks/${id}`,
        method: "PUT",
        body: data,
        secure: true,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  catalog = {
    /**
     * No description
     *
     * @tags Console
     * @name SearchCatalog
     * @summary Products whose name or SKU (or a variation SKU) contains q, ignoring accents and case
     * @request GET:/catalog/search
     * @secure
     */
    searchCatalog: (
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
        {
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
          /** Products matching, on every page */
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
        path: `/catalog/search`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),
  };
  dashboard = {
    /**
     * No description
     *
     * @tags Console
     * @name GetDashboard
     * @summary Per connection: status, pending, schedule, last runs, errors
     * @request GET:/dashboard
     * @secure
     */
    getDashboard: (params: RequestParams = {}) =>
      this.request<
        {
          connections: {
            connection: {
              auth: "oauth" | "credentials";
              base_url: string;
              channel: string;
              /** @format date-time */
              created_at: string;
              id: number;
              name: string;
              /** The seller's id at the marketplace */
              seller_id: string | null;
              /** The seller as the marketplace names them */
              seller_name: string | null;
              status: "pending" | "active" | "auth_failed" | "disabled";
              status_reason: string | null;
              tested_at: string | null;
            };
            last_runs: {
              catalog: {
                confirmed: number;
                connection_id: number;
                /** Listings (or orders) the run looked at */
                considered: number;
                failed: number;
                failures: {
                  code: string;
                  message: string;
                  sku: string;
                }[];
                finished_at: string | null;
                id: number;
                note: string | null;
                /** An orders run's counts */
                order_counts?: Record<string, number>;
                /** What a run synchronises */
                resource: "stock" | "price" | "orders" | "catalog";
                schedule_id: number | null;
                sent: number;
                /** @format date-time */
                started_at: string;
                status:
                  | "running"
                  | "succeeded"
                  | "partial"
                  | "failed"
                  | "paused"
                  | "skipped"
                  | "interrupted";
                /** What started the run */
                trigger: "scheduled" | "manual" | "continuous" | "resume";
              } | null;
              orders: {
                confirmed: number;
                connection_id: number;
                /** Listings (or orders) the run looked at */
                considered: number;
                failed: number;
                failures: {
                  code: string;
                  message: string;
                  sku: string;
                }[];
                finished_at: string | null;
                id: number;
                note: string | null;
                /** An orders run's counts */
                order_counts?: Record<string, number>;
                /** What a run synchronises */
                resource: "stock" | "price" | "orders" | "catalog";
                schedule_id: number | null;
                sent: number;
                /** @format date-time */
                started_at: string;
                status:
                  | "running"
                  | "succeeded"
                  | "partial"
                  | "failed"
                  | "paused"
                  | "skipped"
                  | "interrupted";
                /** What started the run */
                trigger: "scheduled" | "manual" | "continuous" | "resume";
              } | null;
              price: {
                confirmed: number;
                connection_id: number;
                /** Listings (or orders) the run looked at */
                considered: number;
                failed: number;
                failures: {
                  code: string;
                  message: string;
                  sku: string;
                }[];
                finished_at: string | null;
                id: number;
                note: string | null;
                /** An orders run's counts */
                order_counts?: Record<string, number>;
                /** What a run synchronises */
                resource: "stock" | "price" | "orders" | "catalog";
                schedule_id: number | null;
                sent: number;
                /** @format date-time */
                started_at: string;
                status:
                  | "running"
                  | "succeeded"
                  | "partial"
                  | "failed"
                  | "paused"
                  | "skipped"
                  | "interrupted";
                /** What started the run */
                trigger: "scheduled" | "manual" | "continuous" | "resume";
              } | null;
              stock: {
                confirmed: number;
                connection_id: number;
                /** Listings (or orders) the run looked at */
                considered: number;
                failed: number;
                failures: {
                  code: string;
                  message: string;
                  sku: string;
                }[];
                finished_at: string | null;
                id: number;
                note: string | null;
                /** An orders run's counts */
                order_counts?: Record<string, number>;
                /** What a run synchronises */
                resource: "stock" | "price" | "orders" | "catalog";
                schedule_id: number | null;
                sent: number;
                /** @format date-time */
                started_at: string;
                status:
                  | "running"
                  | "succeeded"
                  | "partial"
                  | "failed"
                  | "paused"
                  | "skipped"
                  | "interrupted";
                /** What started the run */
                trigger: "scheduled" | "manual" | "continuous" | "resume";
              } | null;
            };
            listings: {
              green: number;
              grey: number;
              red: number;
              yellow: number;
            };
            open_errors: number;
            pending: {
              price: {
                /** Green listings that owe a send */
                count: number;
                since: string | null;
              };
              stock: {
                /** Green listings that owe a send */
                count: number;
                since: string | null;
              };
            };
            refused: {
              /** Listings whose value the marketplace refuses (open permanent errors) */
              price: number;
              /** Listings whose value the marketplace refuses (open permanent errors) */
              stock: number;
            };
            schedule: {
              catalog: {
                /** 1m … 24h, or continuous */
                every: string;
                next_run_at: string | null;
              } | null;
              orders: {
                /** 1m … 24h, or continuous */
                every: string;
                next_run_at: string | null;
              } | null;
              price: {
                /** 1m … 24h, or continuous */
                every: string;
                next_run_at: string | null;
              } | null;
              stock: {
                /** 1m … 24h, or continuous */
                every: string;
                next_run_at: string | null;
              } | null;
            };
          }[];
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
        path: `/dashboard`,
        method: "GET",
        secure: true,
        format: "json",
        ...params,
      }),
  };
  account = {
    /**
     * No description
     *
     * @tags Account
     * @name CreateApiKey
     * @summary Create an API key: the key is in this answer only
     * @request POST:/account/api-keys
     */
    createApiKey: (
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
        {
          api_key: {
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The first characters of the key, to recognise it */
            prefix: string;
            revoked_at: string | null;
          };
          /** The key: shown in this answer only */
          key: string;
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
        path: `/account/api-keys`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name CreateUser
     * @summary Add a user who logs into the console
     * @request POST:/account/users
     */
    createUser: (
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
        {
          user: {
            /** @format date-time */
            created_at: string;
            email: string;
            id: number;
            role: "owner" | "admin" | "viewer";
          };
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
        path: `/account/users`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name ListApiKeys
     * @summary The account's API keys (never the keys themselves)
     * @request GET:/account/api-keys
     */
    listApiKeys: (params: RequestParams = {}) =>
      this.request<
        {
          api_keys: {
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The first characters of the key, to recognise it */
            prefix: string;
            revoked_at: string | null;
          }[];
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
        path: `/account/api-keys`,
        method: "GET",
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name ListUsers
     * @summary The people who log into the console for the account
     * @request GET:/account/users
     */
    listUsers: (params: RequestParams = {}) =>
      this.request<
        {
          users: {
            /** @format date-time */
            created_at: string;
            email: string;
            id: number;
            role: "owner" | "admin" | "viewer";
          }[];
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
        path: `/account/users`,
        method: "GET",
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name RemoveUser
     * @summary Remove a user (their sessions end)
     * @request DELETE:/account/users/{id}
     */
    removeUser: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          user: {
            /** @format date-time */
            created_at: string;
            email: string;
            id: number;
            role: "owner" | "admin" | "viewer";
          };
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
        path: `/account/users/${id}`,
        method: "DELETE",
        format: "json",
        ...params,
      }),

    /**
     * No description
     *
     * @tags Account
     * @name RevokeApiKey
     * @summary Revoke an API key
     * @request DELETE:/account/api-keys/{id}
     */
    revokeApiKey: (id: number, params: RequestParams = {}) =>
      this.request<
        {
          api_key: {
            /** @format date-time */
            created_at: string;
            id: number;
            name: string;
            /** The first characters of the key, to recognise it */
            prefix: string;
            revoked_at: string | null;
          };
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
        path: `/account/api-keys/${id}`,
        method: "DELETE",
        format: "json",
        ...params,
      }),
  };
  auth = {
    /**
     * No description
     *
     * @tags Rehub
     * @name CreateRehubToken
     * @summary A 6-hour token for /rehub (Authorization: Bearer); needs the X-Accountmanager-Key header
     * @request POST:/auth
     */
    createRehubToken: (
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
        {
          /** Seconds it stays valid */
          expires_in: number;
          /** Send it as `Authorization: Bearer <token>` to /rehub */
          token: string;
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
        path: `/auth`,
        method: "POST",
        body: data,
        type: ContentType.Json,
        format: "json",
        ...params,
      }),
  };
  rehub = {
    /**
     * No description
     *
     * @tags Rehub
     * @name CreateProductAction
     * @summary link | unlink | price_entry for up to 100 SKUs
     * @request POST:/rehub/product_actions
     * @secure
     */
    createProductAction: (
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
        {
          /** The action, to find in `GET /rehub/product_actions` */
          id: string;
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
        path: `/rehub/product_actions`,
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
     * @tags Rehub
     * @name ListProductActions
     * @summary The latest actions of one type, newest first, with their results
     * @request GET:/rehub/product_actions
     * @secure
     */
    listProductActions: (
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
        {
          product_actions: {
            /** @format date-time */
            created_at: string;
            finished_at: string | null;
            id: string;
            request: {
              connection_id: number | null;
              skus: string[];
            };
            results: {
              connection_id?: number;
              /** The listings or sync outcomes it produced */
              detail?: any;
              error?: string;
              outcome: "ok" | "failed";
              sku: string;
            }[];
            status: "processing" | "done" | "partial" | "failed";
            type: "link" | "unlink" | "price_entry";
          }[];
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
        path: `/rehub/product_actions`,
        method: "GET",
        query: query,
        secure: true,
        format: "json",
        ...params,
      }),
  };
}
