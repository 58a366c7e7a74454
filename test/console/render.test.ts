import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../adapters/console/render/html.js';
import { createHtmlRenderer } from '../../adapters/console/render/renderer.js';
import type { ChatView } from '../../src/chat/model.js';
import { CONTEXT, card } from './views.js';

const renderer = createHtmlRenderer(CONTEXT);
const render = (view: ChatView) => renderer.render(view);
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/** Parses nothing: asserting on markup as text keeps these tests free of a DOM library. */
describe('html escaping', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
  });

  it('escapes interpolations but not nested html templates, and renders false/null as nothing', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"quoted"'}">${inner}${false}${null}${undefined}${[1, '<2>']}</p>`.value).toBe(
      '<p title="&quot;quoted&quot;"><b>&lt;i&gt;</b>1&lt;2&gt;</p>',
    );
  });
});

describe('the HTML renderer', () => {
  it('renders an action card with its colour, state, record link and buttons', () => {
    const out = render(
      card({ colour: 'today', colourLabel: 'Today', processSummary: 'Set portalPublished to true' }),
    );
    expect(out).toContain('class="card colour-today state-open"');
    expect(out).toContain('<span class="badge badge-colour colour-today">Today</span>');
    expect(out).toContain('<span class="badge badge-state state-open">Open</span>');
    expect(out).toMatch(/<a class="record-link" href="\/console\/dossiers\/crs_\d+">Course C-\d+/);
    expect(out).toContain('Set portalPublished to true');
    expect(out).toMatch(/<form class="buttons" method="post" action="\/console\/interact">/);
    expect(out).toContain(`name="csrf" value="${CONTEXT.csrfToken}"`);
    expect(out).toMatch(/<button type="submit" name="payload" value="done:act_\d+" class="btn btn-primary"/);
  });

  it('gives buttons that ask first their question, and hides them where no script can ask it', () => {
    const out = render(card());
    expect(out).toMatch(
      /class="btn btn-danger needs-script"[^>]*data-confirm="Cancel this action for good\?"/,
    );
    expect(out).not.toMatch(/btn-primary needs-script/);
  });

  it('links only courses and participants to a timeline', () => {
    expect(render(card({ record: { group: 'request', id: 'req_1' }, recordLabel: 'Request R-1' }))).toContain(
      '<p class="record">Request R-1</p>',
    );
    expect(render(card({ record: { group: 'participant', id: 'par_1' } }))).toContain(
      'href="/console/dossiers/par_1"',
    );
  });

  it('marks closed cards and leaves out buttons they do not have', () => {
    const out = render(
      card({ state: 'done', stateLabel: 'Done', colour: 'closed', colourLabel: 'Closed', buttons: [] }),
    );
    expect(out).toContain('class="card colour-closed state-done"');
    expect(out).not.toContain('<form');
  });

  it('renders every kind of view', () => {
    const views: ChatView[] = [
      card(),
      { kind: 'list', title: 'My actions', empty: 'No actions match.', items: [card()], total: 1 },
      {
        kind: 'digest',
        title: 'Digest',
        summary: [{ label: 'Overdue', value: '3' }],
        notes: [],
        sections: [{ colour: 'overdue', heading: 'Overdue', items: [card()], total: 1 }],
      },
      {
        kind: 'preview',
        title: 'Execute action 7?',
        actionId: 'act_7',
        lines: [{ label: 'Change portalPublished', value: 'false → true' }],
        buttons: [
          {
            verb: 'confirm-execute',
            label: 'Yes, execute',
            style: 'primary',
            payload: 'confirm-execute:act_7',
          },
        ],
      },
      {
        kind: 'form',
        title: 'New action',
        submit: 'new-action',
        submitLabel: 'Create',
        fields: [
          {
            name: 'template',
            label: 'Template',
            type: 'select',
            required: true,
            options: [{ value: 'a', label: 'A' }],
          },
          { name: 'remarks', label: 'Remarks', type: 'textarea', required: false },
          { name: 'start', label: 'Start', type: 'datetime', required: false, value: '2026-10-01T09:00' },
        ],
      },
      {
        kind: 'templates',
        title: 'Action templates',
        empty: 'None',
        items: [{ key: 'k', name: 'N', dataGroup: 'course', execution: 'Manual', description: 'D' }],
        total: 1,
      },
      { kind: 'text', title: 'Help', lines: ['/actie help'] },
      { kind: 'error', code: 'action.not-found', message: 'Not found: action 9', details: ['a', 'b'] },
    ];
    const classes = ['card', 'view view-list', 'view view-digest', 'view view-preview', 'view view-form'];
    classes.push('view view-templates', 'view view-text', 'view view-error');
    views.forEach((view, index) => {
      expect(render(view), view.kind).toContain(`class="${classes[index]}`);
    });
    expect(render(views[3]!)).toContain('data-action-id="act_7"');
    expect(render(views[4]!)).toMatch(
      /<label for="form-\d+-template">Template <span aria-hidden="true">\*<\/span><\/label>/,
    );
    expect(render(views[4]!)).toContain('type="datetime-local" value="2026-10-01T09:00"');
    expect(render(views[7]!)).toContain('role="alert"');
    expect(render(views[7]!)).toContain('<li>a</li><li>b</li>');
  });

  it('shows a preview problem instead of a confirm button', () => {
    const out = render({
      kind: 'preview',
      title: 'Execute?',
      actionId: 'act_1',
      lines: [],
      problem: 'No sender',
      buttons: [],
    });
    expect(out).toContain('<p class="problem">No sender</p>');
    expect(out).not.toContain('confirm-execute');
  });

  it('renders an empty list with its empty text', () => {
    const out = render({ kind: 'list', title: 'Actions', empty: 'No actions match.', items: [], total: 0 });
    expect(out).toContain('<p class="empty">No actions match.</p>');
  });
});

describe('user data stays inert', () => {
  const evil = '<script>alert("x")</script>';

  it('in a template name, a card title, facts and a record label', () => {
    const out = [
      render({
        kind: 'templates',
        title: 'Templates',
        empty: '',
        items: [{ key: 'evil', name: evil, dataGroup: 'course', execution: 'Manual', description: evil }],
        total: 1,
      }),
      render(card({ title: evil, recordLabel: evil, facts: [{ label: evil, value: evil }], reason: evil })),
    ].join('');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('in attribute values: a payload or confirm text cannot close its attribute', () => {
    const out = render(
      card({
        buttons: [
          {
            verb: 'done',
            label: 'x',
            style: 'default',
            payload: '"><img src=x onerror=alert(1)>',
            confirm: '\'"<',
          },
        ],
      }),
    );
    expect(out).not.toContain('<img');
    expect(out).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('in a preview body and error details', () => {
    const out =
      render({
        kind: 'preview',
        title: evil,
        actionId: evil,
        lines: [{ label: evil, value: evil }],
        buttons: [],
      }) + render({ kind: 'error', code: evil, message: evil, details: [evil] });
    expect(out).not.toContain('<script>');
  });
});

describe('limits', () => {
  it('shows at most 20 cards of a list and says how many more matched', () => {
    const items = Array.from({ length: 25 }, () => card());
    const out = render({ kind: 'list', title: 'Actions', empty: '', items, total: 57 });
    expect(count(out, /<article class="card/g)).toBe(20);
    expect(out).toContain('<p class="more">… and 37 more</p>');
  });

  it('says "more than" when the count stopped at its bound', () => {
    const items = Array.from({ length: 25 }, () => card());
    const view = {
      kind: 'list',
      title: 'Actions',
      empty: '',
      items,
      total: 1000,
      totalExact: false,
    } as const;
    expect(render(view)).toContain('<p class="more">… and more than 980 more</p>');
  });

  it('says nothing more when everything is shown', () => {
    const out = render({ kind: 'list', title: 'Actions', empty: '', items: [card(), card()], total: 2 });
    expect(out).not.toContain('class="more"');
  });

  it('caps digest sections, template lists, text lines, titles and preview values', () => {
    const digest = render({
      kind: 'digest',
      title: 'D',
      summary: [{ label: 'Overdue', value: '3' }],
      notes: [],
      sections: [
        { colour: 'today', heading: 'Today', items: Array.from({ length: 12 }, () => card()), total: 12 },
      ],
    });
    expect(count(digest, /<article class="card/g)).toBe(10);
    expect(digest).toContain('… and 2 more');

    const templates = render({
      kind: 'templates',
      title: 'T',
      empty: '',
      items: Array.from({ length: 60 }, (_, i) => ({
        key: `k${i}`,
        name: 'n',
        dataGroup: 'course',
        execution: 'm',
        description: '',
      })),
      total: 60,
    });
    expect(count(templates, /<li>/g)).toBe(50);
    expect(templates).toContain('… and 10 more');

    const text = render({ kind: 'text', lines: Array.from({ length: 45 }, (_, i) => `line ${i}`) });
    expect(count(text, /<p>line/g)).toBe(40);
    expect(text).toContain('… (5 more lines)');

    const long = render(card({ title: 'x'.repeat(500) }));
    expect(long).toContain(`>${'x'.repeat(199)}…</h3>`);

    const preview = render({
      kind: 'preview',
      title: 'P',
      actionId: 'a',
      lines: [{ label: 'Body', value: 'y'.repeat(5000) }],
      buttons: [],
    });
    expect(preview).toContain(`${'y'.repeat(1999)}…</dd>`);
  });
});
