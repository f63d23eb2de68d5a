/**
 * A small declarative description of VICIdial's columns.
 *
 * One definition gives us three things that must never drift apart:
 * the DDL for SQLite and for MySQL/MariaDB, the Kysely row types, and the
 * column widths used to fit values the way a non-strict MySQL server would
 * (VICIdial relies on silent truncation; a strict MariaDB would refuse the
 * write instead, so the store fits values itself — see fitRow()).
 */
import type { ColumnType } from 'kysely';

export type ColumnKind = 'integer' | 'decimal' | 'text' | 'datetime' | 'date' | 'timestamp';

export interface ColumnSpec {
  readonly kind: ColumnKind;
  /** The MySQL/MariaDB column type, exactly as VICIdial declares it. */
  readonly mysqlType: string;
  /** Character width for text columns (VARCHAR(n), ENUM → longest member). */
  readonly width: number | undefined;
  readonly nullable: boolean;
  readonly defaultValue: string | number | null | undefined;
  readonly autoIncrement: boolean;
  readonly primaryKey: boolean;
  /** SQL default that is an expression rather than a literal. */
  readonly defaultNow: boolean;
}

/**
 * A column with its TypeScript value type `T` and whether an insert may omit
 * it (`O`: it has a default, is nullable or is generated).
 */
export class Column<T, O extends boolean> {
  declare readonly __type: T;
  declare readonly __optional: O;
  constructor(readonly spec: ColumnSpec) {}

  notNull(): Column<NonNullable<T>, false> {
    return new Column({ ...this.spec, nullable: false });
  }
  /**
   * A default. agentgate always writes a value (the type has no null), but
   * the column accepts NULL unless declared notNull() first — VICIdial
   * declares most columns `… DEFAULT '0'` without NOT NULL.
   */
  default(value: NonNullable<T> & (string | number)): Column<NonNullable<T>, true> {
    return new Column({ ...this.spec, defaultValue: value });
  }
  /** DEFAULT CURRENT_TIMESTAMP on a DATETIME column (written by agentgate all the same). */
  defaultNow(): Column<NonNullable<T>, true> {
    return new Column({ ...this.spec, defaultNow: true });
  }
  /** Nullable with a default, as many VICIdial columns are declared. */
  defaultNullable(value: NonNullable<T> & (string | number)): Column<T, true> {
    return new Column({ ...this.spec, defaultValue: value });
  }
  primaryKey(): Column<NonNullable<T>, O> {
    return new Column({ ...this.spec, nullable: false, primaryKey: true });
  }
}

function column<T>(kind: ColumnKind, mysqlType: string, width?: number): Column<T | null, true> {
  return new Column({
    kind,
    mysqlType,
    width,
    nullable: true,
    defaultValue: undefined,
    autoIncrement: false,
    primaryKey: false,
    defaultNow: false,
  });
}

export const c = {
  /** INT(n) UNSIGNED AUTO_INCREMENT PRIMARY KEY. */
  autoId(mysqlType = 'INT(9) UNSIGNED'): Column<number, true> {
    return new Column({
      kind: 'integer',
      mysqlType,
      width: undefined,
      nullable: false,
      defaultValue: undefined,
      autoIncrement: true,
      primaryKey: true,
      defaultNow: false,
    });
  },
  int: (mysqlType = 'INT(9)') => column<number>('integer', mysqlType),
  decimal: (mysqlType = 'DECIMAL(4,2)') => column<number>('decimal', mysqlType),
  varchar: (width: number) => column<string>('text', `VARCHAR(${width})`, width),
  char: (width: number) => column<string>('text', `CHAR(${width})`, width),
  text: (mysqlType = 'TEXT') => column<string>('text', mysqlType),
  enum: <V extends string>(...values: V[]) =>
    column<V>(
      'text',
      `ENUM(${values.map((v) => `'${v}'`).join(',')})`,
      Math.max(...values.map((v) => v.length)),
    ),
  datetime: () => column<string>('datetime', 'DATETIME'),
  date: () => column<string>('date', 'DATE'),
  /** TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP (VICIdial adds ON UPDATE; agentgate writes its stamps itself). */
  timestamp(): Column<string, true> {
    return new Column({
      kind: 'timestamp',
      mysqlType: 'TIMESTAMP',
      width: undefined,
      nullable: false,
      defaultValue: undefined,
      autoIncrement: false,
      primaryKey: false,
      defaultNow: true,
    });
  },
};

export type AnyColumn = Column<unknown, boolean>;
export type ColumnMap = Record<string, AnyColumn>;

export interface IndexSpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique?: boolean;
}

export interface TableSpec<C extends ColumnMap = ColumnMap> {
  readonly name: string;
  readonly columns: C;
  /** Composite primary key, when no single column carries primaryKey(). */
  readonly primaryKey?: readonly string[];
  readonly indexes?: readonly IndexSpec[];
}

export function table<C extends ColumnMap>(
  name: string,
  columns: C,
  options: { primaryKey?: readonly (keyof C & string)[]; indexes?: readonly IndexSpec[] } = {},
): TableSpec<C> {
  return { name, columns, ...options };
}

/** The Kysely row type of a table: optional-on-insert columns become ColumnType<…>. */
export type RowType<C extends ColumnMap> = {
  [K in keyof C]: C[K] extends Column<infer T, infer O>
    ? O extends true
      ? ColumnType<T, T | undefined, T>
      : T
    : never;
};
