// Promise-returning unary calls over a generated service definition, with an optional bearer
// token and deadline, and errors rebuilt by the failure converter.
import {
  credentials as grpcCredentials,
  makeGenericClientConstructor,
  Metadata,
  type ChannelCredentials,
  type Client,
  type ServiceDefinition,
} from '@grpc/grpc-js';
import { fromServiceError } from './failure-converter.js';

type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: Error | null, reply?: unknown) => void,
) => void;

export interface UnaryClientOptions {
  credentials?: ChannelCredentials;
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
  /** Deadline of each call. @default 30000 */
  timeoutMs?: number;
}

export class UnaryClient<S extends ServiceDefinition> {
  private readonly client: Client & Record<string, UnaryMethod>;
  private readonly metadata = new Metadata();
  private readonly timeoutMs: number;

  constructor(service: S, serviceName: string, address: string, options: UnaryClientOptions = {}) {
    const Ctor = makeGenericClientConstructor(service, serviceName);
    this.client = new Ctor(address, options.credentials ?? grpcCredentials.createInsecure()) as unknown as Client &
      Record<string, UnaryMethod>;
    if (options.token) this.metadata.set('authorization', `Bearer ${options.token}`);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  call<Res>(method: keyof S & string, request: unknown, timeoutMs = this.timeoutMs): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.client[method]!(request, this.metadata, { deadline: Date.now() + timeoutMs }, (error, reply) =>
        error ? reject(fromServiceError(error)) : resolve(reply as Res),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}
