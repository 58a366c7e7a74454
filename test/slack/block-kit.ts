/**
 * A checker for Block Kit payloads, for tests only: it walks a message, modal or home view and reports
 * every limit Slack documents (docs.slack.dev/reference/block-kit) that the payload breaks, in code
 * points. It knows nothing of the renderer; it reads the payload the way Slack would.
 */

export type Surface = 'message' | 'modal' | 'home';

/** Block Kit's documented limits, written out again here so a wrong value in the renderer shows up. */
const LIMIT = {
  messageBlocks: 50,
  viewBlocks: 100,
  fallback: 3_000,
  blockId: 255,
  headerText: 150,
  sectionText: 3_000,
  fields: 10,
  fieldText: 2_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  url: 3_000,
  actionId: 255,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  inputLabel: 2_000,
  inputHint: 2_000,
  textInputLength: 3_000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3_000,
  callbackId: 255,
} as const;

type Json = Record<string, unknown>;

const length = (text: string) => [...text].length;

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  fail(path: string, problem: string): void {
    this.problems.push(`${path}: ${problem}`);
  }

  string(path: string, value: unknown, max: number, { required = true, min = 1 } = {}): void {
    if (value === undefined && !required) return;
    if (typeof value !== 'string') {
      this.fail(path, `must be a string, is ${typeof value}`);
      return;
    }
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value))
      this.fail(path, 'has a lone surrogate (an astral character cut in half)');
    const size = length(value);
    if (size < min) this.fail(path, `is shorter than ${min}`);
    if (size > max) this.fail(path, `is ${size} characters, more than ${max}`);
  }

  /** mrkdwn must carry no control sequence of its own: no links, mentions or broadcasts from user data. */
  mrkdwn(path: string, text: string): void {
    if (/[<>]/.test(text)) this.fail(path, `has an unescaped < or > (${JSON.stringify(text.slice(0, 80))})`);
    if (/&(?!amp;|lt;|gt;)/.test(text)) this.fail(path, 'has an & that is no &amp;, &lt; or &gt;');
  }

  text(path: string, object: unknown, max: number, { plainOnly = false, required = true } = {}): void {
    if (object === undefined && !required) return;
    if (!isObject(object)) {
      this.fail(path, 'must be a text object');
      return;
    }
    if (object.type !== 'plain_text' && object.type !== 'mrkdwn') {
      this.fail(path, `has text type ${String(object.type)}`);
      return;
    }
    if (plainOnly && object.type !== 'plain_text') this.fail(path, 'must be plain_text');
    this.string(`${path}.text`, object.text, max);
    if (object.type === 'mrkdwn' && typeof object.text === 'string') this.mrkdwn(`${path}.text`, object.text);
  }

  actionId(path: string, value: unknown): void {
    this.string(path, value, LIMIT.actionId);
    if (typeof value !== 'string') return;
    if (this.actionIds.has(value)) this.fail(path, `action_id ${value} is not unique`);
    this.actionIds.add(value);
  }

  blocks(path: string, blocks: unknown, max: number): void {
    if (!Array.isArray(blocks)) {
      this.fail(path, 'must be an array of blocks');
      return;
    }
    if (blocks.length > max) this.fail(path, `has ${blocks.length} blocks, more than ${max}`);
    blocks.forEach((block, index) => {
      this.block(`${path}[${index}]`, block);
    });
  }

  block(path: string, block: unknown): void {
    if (!isObject(block)) {
      this.fail(path, 'must be a block');
      return;
    }
    if (block.block_id !== undefined) {
      this.string(`${path}.block_id`, block.block_id, LIMIT.blockId);
      if (this.blockIds.has(String(block.block_id)))
        this.fail(path, `block_id ${block.block_id} is not unique`);
      this.blockIds.add(String(block.block_id));
    }
    switch (block.type) {
      case 'header': {
        this.text(`${path}.text`, block.text, LIMIT.headerText, { plainOnly: true });
        return;
      }
      case 'section': {
        this.section(path, block);
        return;
      }
      case 'context': {
        this.context(path, block);
        return;
      }
      case 'actions': {
        this.actions(path, block);
        return;
      }
      case 'input': {
        this.input(path, block);
        return;
      }
      case 'divider':
        return;
      default: {
        this.fail(path, `unknown block type ${String(block.type)}`);
        return;
      }
    }
  }

  section(path: string, block: Json): void {
    if (block.text === undefined && block.fields === undefined) this.fail(path, 'needs text or fields');
    this.text(`${path}.text`, block.text, LIMIT.sectionText, { required: false });
    if (block.fields === undefined) return;
    if (!Array.isArray(block.fields)) {
      this.fail(`${path}.fields`, 'must be an array');
      return;
    }
    if (block.fields.length > LIMIT.fields) this.fail(`${path}.fields`, `has ${block.fields.length} fields`);
    block.fields.forEach((field, index) => {
      this.text(`${path}.fields[${index}]`, field, LIMIT.fieldText);
    });
  }

  context(path: string, block: Json): void {
    if (!Array.isArray(block.elements) || block.elements.length === 0) {
      this.fail(`${path}.elements`, 'must be a non-empty array');
      return;
    }
    if (block.elements.length > LIMIT.contextElements)
      this.fail(
        `${path}.elements`,
        `has ${block.elements.length} elements, more than ${LIMIT.contextElements}`,
      );
    block.elements.forEach((element, index) => {
      this.text(`${path}.elements[${index}]`, element, LIMIT.sectionText);
    });
  }

  actions(path: string, block: Json): void {
    if (!Array.isArray(block.elements) || block.elements.length === 0) {
      this.fail(`${path}.elements`, 'must be a non-empty array');
      return;
    }
    if (block.elements.length > LIMIT.actionsElements)
      this.fail(
        `${path}.elements`,
        `has ${block.elements.length} elements, more than ${LIMIT.actionsElements}`,
      );
    block.elements.forEach((element, index) => {
      this.element(`${path}.elements[${index}]`, element);
    });
  }

  input(path: string, block: Json): void {
    this.text(`${path}.label`, block.label, LIMIT.inputLabel, { plainOnly: true });
    this.text(`${path}.hint`, block.hint, LIMIT.inputHint, { plainOnly: true, required: false });
    this.element(`${path}.element`, block.element);
  }

  element(path: string, element: unknown): void {
    if (!isObject(element)) {
      this.fail(path, 'must be an element');
      return;
    }
    this.actionId(`${path}.action_id`, element.action_id);
    this.text(`${path}.placeholder`, element.placeholder, LIMIT.placeholder, {
      plainOnly: true,
      required: false,
    });
    if (element.confirm !== undefined) this.confirm(`${path}.confirm`, element.confirm);
    switch (element.type) {
      case 'button':
        this.text(`${path}.text`, element.text, LIMIT.buttonText, { plainOnly: true });
        this.string(`${path}.value`, element.value, LIMIT.buttonValue, { required: false });
        this.string(`${path}.url`, element.url, LIMIT.url, { required: false });
        if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger')
          this.fail(`${path}.style`, `is ${String(element.style)}`);
        return;
      case 'static_select': {
        this.staticSelect(path, element);
        return;
      }
      case 'external_select':
        if (element.initial_option !== undefined)
          this.option(`${path}.initial_option`, element.initial_option);
        return;
      case 'users_select':
        this.string(`${path}.initial_user`, element.initial_user, 50, { required: false });
        return;
      case 'plain_text_input': {
        this.textInput(path, element);
        return;
      }
      case 'datepicker':
        if (element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date)))
          this.fail(`${path}.initial_date`, 'must be YYYY-MM-DD');
        return;
      case 'datetimepicker':
        if (element.initial_date_time !== undefined && !Number.isInteger(element.initial_date_time))
          this.fail(`${path}.initial_date_time`, 'must be whole seconds');
        return;
      default: {
        this.fail(path, `unknown element type ${String(element.type)}`);
        return;
      }
    }
  }

  staticSelect(path: string, element: Json): void {
    if (!Array.isArray(element.options) || element.options.length === 0) {
      this.fail(`${path}.options`, 'must be a non-empty array');
      return;
    }
    if (element.options.length > LIMIT.options)
      this.fail(`${path}.options`, `has ${element.options.length} options, more than ${LIMIT.options}`);
    const values = new Set<string>();
    element.options.forEach((option, index) => {
      this.option(`${path}.options[${index}]`, option);
      const value = isObject(option) ? String(option.value) : '';
      if (values.has(value)) this.fail(`${path}.options[${index}]`, `value ${value} is not unique`);
      values.add(value);
    });
    if (element.initial_option === undefined) return;
    this.option(`${path}.initial_option`, element.initial_option);
    const initial = JSON.stringify(element.initial_option);
    if (!element.options.some((option) => JSON.stringify(option) === initial))
      this.fail(`${path}.initial_option`, 'is not one of the options');
  }

  option(path: string, option: unknown): void {
    if (!isObject(option)) {
      this.fail(path, 'must be an option');
      return;
    }
    this.text(`${path}.text`, option.text, LIMIT.optionText, { plainOnly: true });
    this.string(`${path}.value`, option.value, LIMIT.optionValue);
  }

  textInput(path: string, element: Json): void {
    const max = element.max_length;
    if (
      max !== undefined &&
      (!Number.isInteger(max) || (max as number) < 1 || (max as number) > LIMIT.textInputLength)
    )
      this.fail(`${path}.max_length`, `is ${String(max)}, not within 1–${LIMIT.textInputLength}`);
    const min = element.min_length;
    if (
      min !== undefined &&
      (!Number.isInteger(min) || (min as number) < 0 || (min as number) > LIMIT.textInputLength)
    )
      this.fail(`${path}.min_length`, `is ${String(min)}, not within 0–${LIMIT.textInputLength}`);
    if (element.initial_value !== undefined)
      this.string(
        `${path}.initial_value`,
        element.initial_value,
        (max as number | undefined) ?? LIMIT.textInputLength,
      );
  }

  confirm(path: string, confirm: unknown): void {
    if (!isObject(confirm)) {
      this.fail(path, 'must be a confirmation dialog');
      return;
    }
    this.text(`${path}.title`, confirm.title, LIMIT.confirmTitle, { plainOnly: true });
    this.text(`${path}.text`, confirm.text, LIMIT.confirmText);
    this.text(`${path}.confirm`, confirm.confirm, LIMIT.confirmButton, { plainOnly: true });
    this.text(`${path}.deny`, confirm.deny, LIMIT.confirmButton, { plainOnly: true });
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every limit a message (`text` fallback and `blocks`) or a view breaks; empty when Slack would take it. */
export function blockKitProblems(payload: unknown, surface: Surface): string[] {
  const checker = new Checker();
  if (!isObject(payload)) return ['payload: must be an object'];
  if (surface === 'message') {
    checker.string('text', payload.text, LIMIT.fallback);
    if (typeof payload.text === 'string') {
      if (!payload.text.trim()) checker.fail('text', 'is blank');
      checker.mrkdwn('text', payload.text);
    }
    checker.blocks('blocks', payload.blocks, LIMIT.messageBlocks);
    return checker.problems;
  }
  if (payload.type !== surface) checker.fail('type', `must be ${surface}`);
  checker.string('callback_id', payload.callback_id, LIMIT.callbackId, { required: false });
  checker.string('private_metadata', payload.private_metadata, LIMIT.privateMetadata, {
    required: false,
    min: 0,
  });
  checker.blocks('blocks', payload.blocks, LIMIT.viewBlocks);
  if (surface === 'modal') {
    checker.text('title', payload.title, LIMIT.modalTitle, { plainOnly: true });
    checker.text('submit', payload.submit, LIMIT.modalButton, { plainOnly: true, required: false });
    checker.text('close', payload.close, LIMIT.modalButton, { plainOnly: true, required: false });
    const hasInput =
      Array.isArray(payload.blocks) &&
      payload.blocks.some((block) => isObject(block) && block.type === 'input');
    if (hasInput && payload.submit === undefined) checker.fail('submit', 'is required with input blocks');
  }
  return checker.problems;
}
