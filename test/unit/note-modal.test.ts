import { describe, expect, it } from 'vitest';
import { buildNoteModal, NOTE_FIELDS, withSavedNotes } from '../../src/render/slack/note-modal.ts';
import { buildHomeView } from '../../src/render/slack/views.ts';
import { NOTE_ROUTES, ROUTES } from '../../src/slack/interactions.ts';
import { fixtureKnowledge } from '../support/knowledge.ts';
import { expectWithinSlackLimits } from '../support/slack-limits.ts';

describe('the note form and the saved notes in the App Home, within Slack’s limits', () => {
  it('cuts long prefilled values to what each input takes', () => {
    const long = 'ㄱ가'.repeat(3000);
    const view = buildNoteModal(
      {
        lang: 'ko',
        values: Object.fromEntries(NOTE_FIELDS.map((f) => [f, long])) as Record<(typeof NOTE_FIELDS)[number], string>,
        privateMetadata: '{}',
      },
      NOTE_ROUTES,
    );
    expectWithinSlackLimits(view, 100);
    const inputs = view.blocks.filter((b) => b.type === 'input') as Array<{
      element: { max_length: number; initial_value?: string };
    }>;
    expect(inputs).toHaveLength(NOTE_FIELDS.length);
    for (const { element } of inputs) expect(element.initial_value?.length).toBeLessThanOrEqual(element.max_length);
  });

  it('lists as many saved notes as fit after the topics, then says how many more', () => {
    const notes = Array.from({ length: 80 }, (_, i) => ({
      id: `note-${i}`,
      title: `Note ${i}`,
      titleEn: `Note ${i}`,
      createdBy: 'U0ALICE',
      updatedBy: i % 2 ? 'U0BOB' : 'U0ALICE',
      updatedAt: new Date(Date.UTC(2026, 0, 1 + i)),
    }));
    const home = withSavedNotes(buildHomeView(fixtureKnowledge().entries, 'en', ROUTES), notes, 'en', NOTE_ROUTES);
    expectWithinSlackLimits(home, 100);
    expect(home.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(home.blocks);
    expect(text).toContain('Notes saved from Slack (80)');
    expect(text).toMatch(/and \d+ more/);
    // Newest change first.
    expect(text.indexOf('note-79')).toBeLessThan(text.indexOf('note-78'));
    expect(text).toContain('edited by <@U0BOB>');
  });
});
