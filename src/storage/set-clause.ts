/** A `SET` clause with the attribute names and values it refers to, ready to merge into an UpdateItem input. */
export interface SetClause {
  assignments: string[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/**
 * Assignments of `fields` under placeholders `#<prefix>N` / `:<prefix>N`, so that any attribute name is safe and
 * several clauses can share one expression. `ifAbsent` keeps a value already stored (`if_not_exists`).
 */
export function setClause(fields: Record<string, unknown>, prefix: string, ifAbsent = false): SetClause {
  const clause: SetClause = { assignments: [], names: {}, values: {} };
  for (const [i, [field, value]] of Object.entries(fields).entries()) {
    const name = `#${prefix}${i}`;
    const placeholder = `:${prefix}${i}`;
    clause.names[name] = field;
    clause.values[placeholder] = value;
    clause.assignments.push(ifAbsent ? `${name} = if_not_exists(${name}, ${placeholder})` : `${name} = ${placeholder}`);
  }
  return clause;
}
