import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_PREFIXES } from '../../infra/constructs/data-store.js';
import { articleKeys, codedKeyOf } from '../../src/storage/blob-store.js';
import { TABLE_KEYS, TABLES, TTL_ATTRIBUTE } from '../../src/storage/table-design.js';
import { idOf, resourcesOf, type Synthesized, synthesize } from './support/synth.js';

let synth: Synthesized;
beforeAll(() => {
  synth = synthesize();
});

const denyInsecureTransport = Match.arrayWith([
  Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
]);

describe('data bucket', () => {
  it('blocks public access, encrypts, versions and logs access to the log bucket', () => {
    const { template, stack } = synth;

    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: idOf(stack.store.accessLogBucket) } },
    });
  });

  it('tiers raw pages to Standard-IA and Glacier IR and expires old versions', () => {
    synth.template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: 'raw/',
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
              { StorageClass: 'GLACIER_IR', TransitionInDays: 180 },
            ],
          }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
        ]),
      },
    });
  });

  it('keeps the access-log bucket encrypted, private and expiring', () => {
    const { template, stack } = synth;
    const logBucket = template.toJSON().Resources[idOf(stack.store.accessLogBucket)];

    expect(logBucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 90 })] },
    });
  });

  it('denies requests without TLS on both buckets', () => {
    const policies = resourcesOf(synth.template, 'AWS::S3::BucketPolicy');

    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values(policies)) {
      expect(policy.Properties?.PolicyDocument).toEqual(expect.objectContaining({ Statement: expect.anything() }));
      synth.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: { Statement: denyInsecureTransport },
      });
    }
  });

  it('retains buckets when the stack is deleted', () => {
    const buckets = resourcesOf(synth.template, 'AWS::S3::Bucket');

    for (const bucket of Object.values(buckets)) expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('uses the key prefixes the blob store and the coding stage write', () => {
    const keys = articleKeys('2025-01-31', 'Example News', 'a1');

    expect(keys.raw_key.startsWith(BUCKET_PREFIXES.raw)).toBe(true);
    expect(keys.text_key.startsWith(BUCKET_PREFIXES.text)).toBe(true);
    expect(codedKeyOf(keys.text_key).startsWith(BUCKET_PREFIXES.coded)).toBe(true);
  });
});

describe('tables', () => {
  it.each(TABLES.map((t) => [t.id, t] as const))('creates the %s table with the shared key design', (id, design) => {
    const { template, stack } = synth;
    const table = template.toJSON().Resources[idOf(stack.store.tables[id])];

    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
    });
    const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as { IndexName: string; KeySchema: unknown }[];
    expect(indexes.map((i) => i.IndexName)).toEqual(design.indexes.map((i) => i.name));
    for (const [i, index] of design.indexes.entries()) {
      expect(indexes[i]?.KeySchema).toEqual([
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ]);
    }
    expect(table.Properties.TimeToLiveSpecification).toEqual(
      design.ttl ? { AttributeName: TTL_ATTRIBUTE, Enabled: true } : undefined,
    );
    expect(table.Properties.StreamSpecification).toEqual(
      design.stream ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
    );
  });
});

describe('queues', () => {
  it('gives every stage queue a dead-letter queue with the configured receive count', () => {
    const { template, stack } = synth;

    for (const stageQueue of Object.values(stack.pipeline.queues)) {
      const queue = template.toJSON().Resources[idOf(stageQueue.queue)];
      expect(queue.Properties.RedrivePolicy).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': [idOf(stageQueue.deadLetterQueue), 'Arn'] },
        maxReceiveCount: 5,
      });
    }
  });

  it('encrypts every queue and denies it without TLS', () => {
    const queues = resourcesOf(synth.template, 'AWS::SQS::Queue');
    const policies = Object.values(resourcesOf(synth.template, 'AWS::SQS::QueuePolicy'));

    for (const [id, queue] of Object.entries(queues)) {
      expect(queue.Properties?.SqsManagedSseEnabled, id).toBe(true);
      const guarded = policies.some(
        (p) =>
          JSON.stringify(p.Properties?.Queues).includes(`"${id}"`) && JSON.stringify(p).includes('aws:SecureTransport'),
      );
      expect(guarded, id).toBe(true);
    }
  });

  it('sets each visibility timeout to six times the consumer timeout plus the batching window', () => {
    const { template, stack } = synth;
    const consumers = { feed: 'fetch-feed', article: 'fetch-article', code: 'code-events' } as const;

    for (const [qid, fid] of Object.entries(consumers)) {
      const queue = template.toJSON().Resources[idOf(stack.pipeline.queues[qid as keyof typeof consumers].queue)];
      const timeout = stack.pipeline.functions[fid].spec.timeoutSeconds;
      expect(queue.Properties.VisibilityTimeout, qid).toBe(timeout * 6 + 5);
    }
  });

  it('deletes data with the stack only when destroyOnRemoval is set', () => {
    const dev = synthesize({ destroyOnRemoval: 'true' });

    for (const type of ['AWS::S3::Bucket', 'AWS::DynamoDB::Table']) {
      for (const resource of Object.values(resourcesOf(dev.template, type)))
        expect(resource.DeletionPolicy).toBe('Delete');
    }
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
  });
});

describe('provisioned capacity (tableCapacity=provisioned)', () => {
  it('gives every table and index auto-scaled read and write capacity aimed at the target utilisation', () => {
    const { template } = synthesize({
      tableCapacity: 'provisioned',
      minCapacityUnits: 2,
      maxCapacityUnits: 50,
      capacityTargetPercent: 60,
    });
    const tables = Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'));
    const indexCount = TABLES.reduce((sum, design) => sum + design.indexes.length, 0);

    for (const table of tables) {
      expect(table.Properties?.BillingMode).not.toBe('PAY_PER_REQUEST');
      expect(table.Properties?.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 2, WriteCapacityUnits: 2 });
    }
    const targets = Object.values(resourcesOf(template, 'AWS::ApplicationAutoScaling::ScalableTarget'));
    expect(targets).toHaveLength(2 * (tables.length + indexCount));
    for (const target of targets)
      expect(target.Properties).toMatchObject({ MinCapacity: 2, MaxCapacity: 50, ServiceNamespace: 'dynamodb' });
    const policies = Object.values(resourcesOf(template, 'AWS::ApplicationAutoScaling::ScalingPolicy'));
    expect(policies).toHaveLength(targets.length);
    for (const policy of policies)
      expect(policy.Properties).toMatchObject({ TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } });
  });
});
