import type { TemplateBlock, TemplateNode, TemplatePlaceholder } from './parse-template.ts';

/** Every placeholder of some nodes, conditions' subjects included (with the directive's position). */
export function* placeholdersOf(nodes: readonly TemplateNode[]): Generator<TemplatePlaceholder> {
  for (const n of nodes) {
    if (n.kind === 'placeholder') yield n;
    else if (n.kind === 'optional') yield* placeholdersOf(n.nodes);
    else if (n.kind === 'choice') {
      for (const b of n.branches) {
        if (b.subject) yield b.subject;
        yield* placeholdersOf(b.nodes);
      }
    }
  }
}

/** The nodes of every heading, paragraph and list item of a template. */
export function blockNodes(blocks: readonly TemplateBlock[]): TemplateNode[][] {
  return blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.nodes]));
}
