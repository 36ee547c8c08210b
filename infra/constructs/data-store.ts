import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, StorageClass } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  type IndexDesign,
  projectionOf,
  TABLE_KEYS,
  TABLES,
  type TableDesign,
  TTL_ATTRIBUTE,
} from '../../src/storage/table-design.js';

export type TableId = TableDesign['id'];

/**
 * Key prefixes of the data bucket: raw pages and article text as written by `articleKeys`
 * (src/storage/blob-store.ts), coded articles as named by `codedKeyOf` (same file);
 * a test keeps them in step. IAM grants and lifecycle rules are scoped by them.
 */
export const BUCKET_PREFIXES = { raw: 'raw/', text: 'text/', coded: 'coded/' } as const;

export interface DataStoreProps {
  readonly rawToIaDays: number;
  readonly rawToGlacierDays: number;
  readonly noncurrentVersionDays: number;
  readonly accessLogDays: number;
  /** Delete data with the stack (dev); otherwise buckets and tables are retained. */
  readonly destroyOnRemoval: boolean;
  readonly tableCapacity: 'on-demand' | 'provisioned';
  readonly minCapacityUnits: number;
  readonly maxCapacityUnits: number;
  readonly capacityTargetPercent: number;
}

/** Provisioned capacity with auto scaling on the table and each index, reads and writes alike. */
interface ProvisionedCapacity {
  readonly min: number;
  readonly max: number;
  readonly targetPercent: number;
}

/** The S3 bucket for raw pages and article text, its access-log bucket, and the DynamoDB tables of TABLES. */
export class DataStore extends Construct {
  readonly bucket: Bucket;
  readonly accessLogBucket: Bucket;
  readonly tables: Readonly<Record<TableId, Table>>;

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);
    const removal = props.destroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const common = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: removal,
      autoDeleteObjects: props.destroyOnRemoval,
    };
    this.accessLogBucket = new Bucket(this, 'AccessLogs', {
      ...common,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(props.accessLogDays) }],
    });
    this.bucket = new Bucket(this, 'Data', {
      ...common,
      versioned: true,
      serverAccessLogsBucket: this.accessLogBucket,
      serverAccessLogsPrefix: 'data-bucket/',
      lifecycleRules: [
        {
          id: 'tier-raw-pages',
          prefix: BUCKET_PREFIXES.raw,
          transitions: [
            { storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(props.rawToIaDays) },
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.rawToGlacierDays),
            },
          ],
        },
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
    });
    const capacity =
      props.tableCapacity === 'provisioned'
        ? { min: props.minCapacityUnits, max: props.maxCapacityUnits, targetPercent: props.capacityTargetPercent }
        : null;
    const table = (id: TableId): Table => this.table(tableDesign(id), removal, props.destroyOnRemoval, capacity);
    this.tables = {
      feeds: table('feeds'),
      articles: table('articles'),
      events: table('events'),
      state: table('state'),
    };
  }

  private table(
    design: TableDesign,
    removal: RemovalPolicy,
    destroyOnRemoval: boolean,
    capacity: ProvisionedCapacity | null,
  ): Table {
    const initial = capacity ? { readCapacity: capacity.min, writeCapacity: capacity.min } : {};
    const table = new Table(this, tableConstructId(design.id), {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: capacity ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST,
      ...initial,
      encryption: TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !destroyOnRemoval,
      removalPolicy: removal,
      ...(design.ttl ? { timeToLiveAttribute: TTL_ATTRIBUTE } : {}),
      ...(design.stream ? { stream: StreamViewType.NEW_AND_OLD_IMAGES } : {}),
    });
    for (const index of design.indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        ...cdkProjection(index),
        ...initial,
      });
    }
    if (capacity) autoScale(table, design, capacity);
    return table;
  }
}

function autoScale(table: Table, design: TableDesign, capacity: ProvisionedCapacity): void {
  const range = { minCapacity: capacity.min, maxCapacity: capacity.max };
  const target = { targetUtilizationPercent: capacity.targetPercent };
  table.autoScaleReadCapacity(range).scaleOnUtilization(target);
  table.autoScaleWriteCapacity(range).scaleOnUtilization(target);
  for (const index of design.indexes) {
    table.autoScaleGlobalSecondaryIndexReadCapacity(index.name, range).scaleOnUtilization(target);
    table.autoScaleGlobalSecondaryIndexWriteCapacity(index.name, range).scaleOnUtilization(target);
  }
}

function tableDesign(id: TableId): TableDesign {
  const design = TABLES.find((t) => t.id === id);
  if (!design) throw new Error(`table design ${id} missing from TABLES`);
  return design;
}

function tableConstructId(id: TableId): string {
  return `${id.charAt(0).toUpperCase()}${id.slice(1)}Table`;
}

function cdkProjection(index: IndexDesign): { projectionType: ProjectionType; nonKeyAttributes?: string[] } {
  const { type, attributes } = projectionOf(index);
  const projectionType = {
    ALL: ProjectionType.ALL,
    KEYS_ONLY: ProjectionType.KEYS_ONLY,
    INCLUDE: ProjectionType.INCLUDE,
  }[type];
  return type === 'INCLUDE' ? { projectionType, nonKeyAttributes: attributes } : { projectionType };
}
