import { Readable } from 'node:stream';
import type { AwsClients } from '../../../../src/storage/clients.js';

/** How many faults were injected into, and how many requests reached, each service. */
export interface FaultLog {
  dynamodb: { requests: number; faults: number };
  s3: { requests: number; faults: number };
}

interface RawResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Readable;
}

/** The wire answer DynamoDB gives a throttled request: HTTP 400 with the exception type in a JSON body. */
function throttled(): RawResponse {
  const body = JSON.stringify({
    __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
    message: 'injected: rate of requests exceeds the allowed throughput',
  });
  return {
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0' },
    body: Readable.from([Buffer.from(body)]),
  };
}

/** The wire answer S3 gives when it sheds load: HTTP 503 SlowDown with an XML error body. */
function slowDown(): RawResponse {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>injected: please reduce your request rate</Message><RequestId>fault</RequestId></Error>';
  return { statusCode: 503, headers: { 'content-type': 'application/xml' }, body: Readable.from([Buffer.from(body)]) };
}

/**
 * Answers every `every`-th request (up to `limit` per service) with a throttling response instead of sending it.
 * The middleware sits in the deserialize step, inside the SDK's retry middleware, so the clients' own adaptive
 * retries see exactly what a throttled AWS endpoint would send.
 */
export function injectThrottling(clients: AwsClients, every: number, limit: number): FaultLog {
  const log: FaultLog = { dynamodb: { requests: 0, faults: 0 }, s3: { requests: 0, faults: 0 } };
  const options = { step: 'deserialize', priority: 'low', name: 'eventwireInjectedThrottling' } as const;
  const faultNow = (counter: FaultLog['s3']): boolean => {
    counter.requests += 1;
    if (counter.requests % every !== 0 || counter.faults >= limit) return false;
    counter.faults += 1;
    return true;
  };
  clients.dynamo.middlewareStack.add(
    (next) => async (args) => (faultNow(log.dynamodb) ? { response: throttled(), output: {} as never } : next(args)),
    options,
  );
  clients.s3.middlewareStack.add(
    (next) => async (args) => (faultNow(log.s3) ? { response: slowDown(), output: {} as never } : next(args)),
    options,
  );
  return log;
}
