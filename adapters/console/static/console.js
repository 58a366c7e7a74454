// Stempel web console: a little script on top of server-rendered pages. Every form works without it (a
// whole page comes back); with it, posts go through fetch and only the reply is inserted. No framework,
// no build step: the server renders all markup, this file only moves it into place.
(() => {
  document.documentElement.classList.remove('no-js');
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const base = document.body.dataset.base ?? '/console';
  const conversation = document.getElementById('conversation');
  const resultPanel = document.getElementById('board-result');

  /** Posts a form with its submitter; the server answers with an HTML fragment (or an error view). */
  async function post(form, submitter) {
    const body = new URLSearchParams(new FormData(form, submitter));
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-Console-Fetch': '1', 'X-CSRF-Token': csrf },
    });
    return { ok: response.ok, status: response.status, html: await response.text() };
  }

  function fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content;
  }

  function failureMessage() {
    const item = document.createElement('section');
    item.className = 'view view-error';
    item.setAttribute('role', 'alert');
    // The words come from the server, in the viewer's language, like every other text.
    item.textContent = document.body.dataset.offline ?? '';
    return item;
  }

  /**
   * A newer card of an action replaces every older copy on the page, and a preview whose action has since
   * changed loses its buttons: a spent button must not stay pressable (docs/architecture.md §3).
   */
  function syncCopies(container) {
    for (const card of container.querySelectorAll('.card[data-action-id]')) {
      const id = card.dataset.actionId;
      for (const old of document.querySelectorAll(`.card[data-action-id="${CSS.escape(id)}"]`)) {
        if (!container.contains(old)) old.replaceWith(card.cloneNode(true));
      }
      for (const preview of document.querySelectorAll(`.view-preview[data-action-id="${CSS.escape(id)}"]`)) {
        if (!container.contains(preview)) preview.querySelector('form.buttons')?.remove();
      }
    }
  }

  function addMessage(className, content) {
    const item = document.createElement('li');
    item.className = `msg ${className}`;
    if (typeof content === 'string') item.textContent = content;
    else item.append(content);
    conversation.append(item);
    return item;
  }

  /**
   * Board and dossier pages re-read their live regions after a change, so colours and bars move too; the
   * chat page its glance at "My actions", so its counts follow Done and Execute without a reload.
   */
  async function refreshRegions(selector = '[data-refresh][id]') {
    const regions = document.querySelectorAll(selector);
    if (regions.length === 0) return;
    const response = await fetch(window.location.href, { credentials: 'same-origin' });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const region of regions) {
      const replacement = fresh.getElementById(region.id);
      if (replacement) region.replaceWith(document.importNode(replacement, true));
    }
  }

  /** Shows a reply where this page shows replies: the conversation, or the result panel of board and dossier. */
  async function showReply(html, typed) {
    if (conversation) {
      if (typed) addMessage('msg-user', typed);
      const item = addMessage('msg-bot', fragment(html));
      item.tabIndex = -1;
      syncCopies(item);
      item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      await refreshRegions('#glance[data-refresh]');
      return item;
    }
    if (resultPanel) {
      resultPanel.replaceChildren(fragment(html));
      syncCopies(resultPanel);
      await refreshRegions();
      return resultPanel;
    }
    window.location.reload();
    return undefined;
  }

  async function submitInteraction(form, submitter) {
    const question = submitter?.dataset.confirm;
    if (question && !window.confirm(question)) return;
    submitter?.setAttribute('aria-busy', 'true');
    try {
      const reply = await post(form, submitter);
      const shown = await showReply(reply.html);
      // The pressed button may be gone (spent); keep keyboard users at the answer.
      if (shown && !document.contains(submitter)) {
        shown.tabIndex = -1;
        shown.focus({ preventScroll: true });
      }
    } catch {
      (conversation ?? resultPanel)?.append(failureMessage());
    } finally {
      submitter?.removeAttribute('aria-busy');
    }
  }

  const history = [];
  let historyIndex = 0;

  async function submitCommand(form, submitter) {
    const input = form.querySelector('input[name="text"]');
    const typed = submitter?.name === 'text' ? submitter.value : input?.value.trim();
    if (!typed) return;
    history.push(typed);
    historyIndex = history.length;
    const body = new FormData(form);
    body.set('text', typed);
    if (input) input.value = '';
    try {
      const response = await fetch(`${base}/command`, {
        method: 'POST',
        body: new URLSearchParams(body),
        credentials: 'same-origin',
        headers: { 'X-Console-Fetch': '1', 'X-CSRF-Token': csrf },
      });
      await showReply(await response.text(), typed);
    } catch {
      conversation?.append(failureMessage());
    }
    document.getElementById('command')?.focus();
  }

  async function acknowledge(form) {
    const reply = await post(form).catch(() => undefined);
    if (reply?.ok) {
      form.closest('[data-inbox-id]')?.remove();
      await refreshRegions('#glance[data-refresh]');
    }
  }

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.submitter instanceof HTMLElement ? event.submitter : undefined;
    if (form.matches('form.buttons, form.form')) {
      event.preventDefault();
      void submitInteraction(form, submitter);
    } else if (form.matches('#command-form, form.quick')) {
      event.preventDefault();
      void submitCommand(form, submitter);
    } else if (form.matches('form.ack')) {
      event.preventDefault();
      void acknowledge(form);
    }
  });

  // A field that shapes the rest of its form (the record of a new action) rebuilds the form in place, so
  // the dates shown are those the template gives for the chosen record.
  document.addEventListener('change', async (event) => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || !field.dataset.refresh) return;
    const form = field.closest('form.form');
    const section = form?.closest('.view-form');
    if (!form || !section) return;
    const submitter = form.querySelector('button[name="payload"]');
    const body = new URLSearchParams(new FormData(form, submitter ?? undefined));
    body.set('refresh', field.dataset.refresh);
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'X-Console-Fetch': '1', 'X-CSRF-Token': csrf },
    }).catch(() => undefined);
    if (!response?.ok) return;
    const replacement = fragment(await response.text());
    const focusName = field.getAttribute('name');
    section.replaceWith(replacement);
    if (focusName) document.querySelector(`.view-form [name="${CSS.escape(focusName)}"]`)?.focus();
  });

  // Switching user reloads the whole page as the other person: no stale buttons of the previous one.
  for (const select of document.querySelectorAll('form[data-autosubmit] select')) {
    select.addEventListener('change', () => select.form?.requestSubmit());
  }

  // Arrow keys walk through the commands typed on this page, as in a terminal.
  document.getElementById('command')?.addEventListener('keydown', (event) => {
    const input = event.currentTarget;
    if (event.key === 'ArrowUp' && historyIndex > 0) historyIndex -= 1;
    else if (event.key === 'ArrowDown' && historyIndex < history.length) historyIndex += 1;
    else return;
    event.preventDefault();
    input.value = history[historyIndex] ?? '';
  });

  /** New notices (reminders, overdue, failures) appear while the page is open. */
  async function pollInbox() {
    if (!conversation || document.hidden) return;
    const response = await fetch(`${base}/inbox`, {
      credentials: 'same-origin',
      headers: { 'X-Console-Fetch': '1' },
    }).catch(() => undefined);
    if (!response?.ok) return;
    let arrived = false;
    for (const item of fragment(await response.text()).querySelectorAll('li[data-inbox-id]')) {
      const id = item.dataset.inboxId;
      if (!document.querySelector(`[data-inbox-id="${CSS.escape(id)}"]`)) {
        conversation.append(item);
        syncCopies(item);
        arrived = true;
      }
    }
    if (arrived) await refreshRegions('#glance[data-refresh]');
  }
  if (conversation) window.setInterval(pollInbox, 15_000);
})();
