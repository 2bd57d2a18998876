/**
 * Slack's documented Block Kit limits, checked on what the renderers produce (unit) and on what the
 * bot really sent (e2e): Slack rejects a message or view that breaks any of them.
 */
import { expect } from 'vitest';
import { SLACK_LIMITS } from '../../src/render/slack/blocks.ts';

type Json = Record<string, any>;

/**
 * Fails on any limit `surface` (a message or a view) breaks: the number of blocks (`maxBlocks`,
 * Slack's 50 for a message unless told, e.g. 100 for a view), each block's text and element sizes,
 * button labels and values, unique action ids per block, and a notification text when there is one.
 */
export function expectWithinSlackLimits(
  surface: { text?: string; blocks: readonly object[] },
  maxBlocks: number = SLACK_LIMITS.messageBlocks,
): void {
  expect(surface.blocks.length).toBeLessThanOrEqual(maxBlocks);
  if (surface.text !== undefined) {
    expect(surface.text.length).toBeGreaterThan(0);
    expect(surface.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  for (const block of surface.blocks as Json[]) {
    switch (block.type) {
      case 'header':
        expect(block.text.type).toBe('plain_text');
        expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
        break;
      case 'section':
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        if (block.fields) {
          expect(block.fields.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
          for (const field of block.fields) expect(field.text.length).toBeLessThanOrEqual(2000);
        }
        if (block.accessory) expectButton(block.accessory);
        break;
      case 'context':
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
        for (const element of block.elements) expect(element.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        break;
      case 'actions': {
        expect(block.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionsElements);
        for (const element of block.elements) expectButton(element);
        const ids = block.elements.map((e: Json) => e.action_id);
        expect(new Set(ids).size).toBe(ids.length);
        break;
      }
      case 'context_actions':
        // Slack's feedback_buttons (👍 / 👎): at most 5 elements, each button a label and a value.
        expect(block.elements.length).toBeLessThanOrEqual(5);
        for (const element of block.elements) {
          expect(element.type).toBe('feedback_buttons');
          for (const b of [element.positive_button, element.negative_button]) {
            expect(b.text.type).toBe('plain_text');
            expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
            expect(b.value.length).toBeLessThanOrEqual(SLACK_LIMITS.actionValue);
            if (b.accessibility_label) expect(b.accessibility_label.length).toBeLessThanOrEqual(75);
          }
        }
        break;
      case 'divider':
      case 'input':
        break;
      default:
        throw new Error(`unexpected block type ${block.type}`);
    }
  }
}

function expectButton(element: Json): void {
  expect(element.type).toBe('button');
  expect(element.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  expect(element.value.length).toBeLessThanOrEqual(SLACK_LIMITS.actionValue);
}
