import { type ReactNode, useMemo, useState } from 'react';

import { type JsonSchema, type SensitiveFinding } from '../api/api.type';
import { dataClassLabel, schemaExample, schemaTypeLabel } from '../domain/format.util';
import { itemsPath, mapValuesPath, memberPath, normalizePath } from '../domain/json-path.util';
import { Badge } from './badge.component';
import { Icon } from './icon.component';

/** Bounds for hostile or huge schemas: traffic decides what these documents contain. */
const MAX_DEPTH = 12;
const MAX_CHILDREN = 200;
const OPEN_DEPTH = 2;

type OpenMode = 'default' | 'all' | 'none';

interface TreeNode {
  name: string;
  path: string;
  schema: JsonSchema;
  required: boolean;
  children: TreeNode[];
  hiddenChildren: number;
}

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function build(name: string, path: string, schema: JsonSchema, required: boolean, depth: number): TreeNode {
  const children: TreeNode[] = [];
  let total = 0;
  if (depth < MAX_DEPTH) {
    const props = schema['properties'];
    const requiredList = Array.isArray(schema['required']) ? schema['required'].map(String) : [];
    if (isSchema(props)) {
      const entries = Object.entries(props);
      total += entries.length;
      for (const [key, child] of entries.slice(0, MAX_CHILDREN))
        if (isSchema(child))
          children.push(build(key, memberPath(path, key), child, requiredList.includes(key), depth + 1));
    }
    if (isSchema(schema['items'])) {
      total += 1;
      children.push(build('[ ]', itemsPath(path), schema['items'], false, depth + 1));
    }
    if (isSchema(schema['additionalProperties'])) {
      total += 1;
      children.push(build('{ * }', mapValuesPath(path), schema['additionalProperties'], false, depth + 1));
    }
  }
  return { name, path, schema, required, children, hiddenChildren: Math.max(0, total - children.length) };
}

function facets(schema: JsonSchema): ReactNode[] {
  const out: ReactNode[] = [];
  if (typeof schema['format'] === 'string')
    out.push(
      <span key="f" className="tree-format">
        {schema['format']}
      </span>,
    );
  if (Array.isArray(schema['enum']))
    out.push(
      <span key="e" className="tree-format" title={schema['enum'].map(String).join(', ')}>
        enum({schema['enum'].length})
      </span>,
    );
  if (typeof schema['description'] === 'string')
    out.push(
      <span key="d" className="faint" style={{ fontFamily: 'var(--font-sans)' }}>
        {schema['description']}
      </span>,
    );
  return out;
}

function hasSensitive(node: TreeNode, marked: Map<string, SensitiveFinding[]>): boolean {
  return marked.has(node.path) || node.children.some((c) => hasSensitive(c, marked));
}

function Node({
  node,
  depth,
  marked,
  mode,
}: {
  node: TreeNode;
  depth: number;
  marked: Map<string, SensitiveFinding[]>;
  mode: OpenMode;
}) {
  const [expanded, setOpen] = useState(() =>
    mode === 'all'
      ? true
      : mode === 'none'
        ? depth === 0
        : depth < OPEN_DEPTH || node.children.some((c) => hasSensitive(c, marked)),
  );
  const findings = marked.get(node.path);
  const sample = schemaExample(node.schema);
  const hasChildren = node.children.length > 0;
  return (
    <li role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={false}>
      <div className={findings ? 'tree-node sensitive' : 'tree-node'} data-path={node.path}>
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.name}`}
            onClick={() => setOpen(!expanded)}
          >
            <Icon name="chevronRight" />
          </button>
        ) : (
          <span className="tree-spacer" />
        )}
        <span className="tree-name">{node.name}</span>
        <span className="tree-type">{schemaTypeLabel(node.schema)}</span>
        {node.required && <span className="tree-required">required</span>}
        {facets(node.schema)}
        {sample !== undefined && !findings && <span className="faint">e.g. {sample}</span>}
        {findings?.map((f) => (
          <span key={`${f.location}${f.class}`} className="row" style={{ gap: 6 }}>
            <Badge tone="orange">{dataClassLabel(f.class)}</Badge>
            <span className="tree-example" title="masked by the server">
              {f.example}
            </span>
          </span>
        ))}
      </div>
      {hasChildren && expanded && (
        <ul role="group">
          {node.children.map((child) => (
            <Node key={child.path} node={child} depth={depth + 1} marked={marked} mode={mode} />
          ))}
          {node.hiddenChildren > 0 && (
            <li className="faint" style={{ padding: '3px 6px' }}>
              … {node.hiddenChildren} more
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

/**
 * A JSON Schema as a collapsible tree: name, type, format, required, example. Fields where sensitive
 * data was seen are highlighted with the class and the server-masked example; their ancestors start open.
 */
export function SchemaTree({
  schema,
  sensitive = [],
  label,
}: {
  schema: JsonSchema;
  /** findings of this body (their `name` is a JSON path) */
  sensitive?: readonly SensitiveFinding[];
  label: string;
}) {
  const root = useMemo(() => build('body', '$', schema, false, 0), [schema]);
  const marked = useMemo(() => {
    const map = new Map<string, SensitiveFinding[]>();
    for (const f of sensitive) {
      const path = normalizePath(f.name);
      map.set(path, [...(map.get(path) ?? []), f]);
    }
    return map;
  }, [sensitive]);
  // "expand all" and "collapse all" re-mount the tree with every node starting that way
  const [sweep, setSweep] = useState<{ mode: OpenMode; n: number }>({ mode: 'default', n: 0 });
  const toggleAll = (open: boolean) => setSweep((s) => ({ mode: open ? 'all' : 'none', n: s.n + 1 }));
  return (
    <div className="stack" style={{ gap: 8 }}>
      {root.children.length > 0 && (
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => toggleAll(true)}>
            Expand all
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => toggleAll(false)}>
            Collapse all
          </button>
        </div>
      )}
      <ul className="tree" role="tree" aria-label={label} key={sweep.n}>
        <Node node={root} depth={0} marked={marked} mode={sweep.mode} />
      </ul>
    </div>
  );
}
