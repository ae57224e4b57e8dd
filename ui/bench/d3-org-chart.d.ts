// The few parts of d3-org-chart's API the benchmark uses (the package ships no types).
declare module "d3-org-chart" {
  export interface OrgNode<T> {
    data: T;
    width: number;
    height: number;
    depth: number;
  }
  export class OrgChart<T = unknown> {
    container(el: HTMLElement | string): this;
    data(rows: T[]): this;
    svgHeight(h: number): this;
    duration(ms: number): this;
    nodeWidth(f: (d: OrgNode<T>) => number): this;
    nodeHeight(f: (d: OrgNode<T>) => number): this;
    childrenMargin(f: (d: OrgNode<T>) => number): this;
    siblingsMargin(f: (d: OrgNode<T>) => number): this;
    compactMarginBetween(f: (d: OrgNode<T>) => number): this;
    compactMarginPair(f: (d: OrgNode<T>) => number): this;
    neighbourMargin(f: (a: OrgNode<T>, b: OrgNode<T>) => number): this;
    nodeContent(f: (d: OrgNode<T>) => string): this;
    render(): this;
    expandAll(): this;
    fit(opts?: { animate?: boolean }): this;
  }
}
