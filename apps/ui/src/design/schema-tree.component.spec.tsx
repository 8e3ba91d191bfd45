import { afterEach, describe, expect, it } from 'vitest';

import { type SensitiveFinding } from '../api/api.type';
import { click, render, type Rendered } from '../testing/render.util';
import { SchemaTree } from './schema-tree.component';

// the shape the inference work writes: JSON Schema per body, arrays with items, formats, required lists
const schema = {
  type: 'object',
  required: ['id', 'user'],
  properties: {
    id: { type: 'integer' },
    user: {
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        profile: {
          type: 'object',
          properties: { phone: { type: 'string' }, bio: { type: ['string', 'null'] } },
        },
      },
    },
    orders: { type: 'array', items: { type: 'object', properties: { card: { type: 'string' } } } },
    '2fa_secret': { type: 'string' },
  },
};

const findings: SensitiveFinding[] = [
  {
    location: 'response.body',
    name: '$.user.profile.phone',
    class: 'phone',
    count: 4,
    example: '+1 ***-***-**67',
  },
  {
    location: 'response.body',
    name: '$.orders[0].card',
    class: 'credit_card',
    count: 9,
    example: '4111 **** **** 1111',
  },
  {
    location: 'response.body',
    name: "$['2fa_secret']",
    class: 'otp_secret',
    count: 1,
    example: 'JBSW************',
  },
];

describe(SchemaTree.name, () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  const node = (path: string) => view?.container.querySelector(`[data-path="${path}"]`);

  it('should show names, types, formats and required marks', () => {
    view = render(<SchemaTree schema={schema} label="body" />);
    expect(node('$.id')?.textContent).toContain('integer');
    expect(node('$.id')?.textContent).toContain('required');
    expect(node('$.user.email')?.textContent).toContain('email');
    expect(node('$.user.email')?.textContent).not.toContain('required');
  });

  it('should start two levels open and open or close a node on its toggle', () => {
    view = render(<SchemaTree schema={schema} label="body" />);
    expect(node('$.user.email')).not.toBeNull();
    expect(node('$.user.profile.bio')).toBeNull(); // third level: closed
    const toggle = node('$.user.profile')?.querySelector('button') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(node('$.user.profile.bio')?.textContent).toContain('string | null');
    click(node('$.user')?.querySelector('button') as HTMLButtonElement);
    expect(node('$.user.email')).toBeNull();
  });

  it('should highlight sensitive fields with their masked example and open the way to them', () => {
    view = render(<SchemaTree schema={schema} sensitive={findings} label="body" />);
    // $.user.profile is third level, opened because a finding lies below it
    expect(node('$.user.profile.phone')?.className).toContain('sensitive');
    expect(node('$.user.profile.phone')?.textContent).toContain('+1 ***-***-**67');
    expect(node('$.orders[*].card')?.textContent).toContain('4111 **** **** 1111');
    expect(node("$['2fa_secret']")?.textContent).toContain('OTP secret');
    expect(node('$.user.profile.bio')?.className).not.toContain('sensitive');
  });

  it('should expand and collapse everything', () => {
    view = render(<SchemaTree schema={schema} label="body" />);
    const [expand, collapse] = [...view.container.querySelectorAll('button')].filter((b) =>
      /all$/.test(b.textContent ?? ''),
    );
    click(expand);
    expect(node('$.user.profile.bio')).not.toBeNull();
    click(collapse);
    expect(node('$.user')).not.toBeNull(); // the root stays open
    expect(node('$.user.email')).toBeNull();
  });

  it('should bound a hostile schema: depth and width', () => {
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 50; i++) deep = { type: 'object', properties: { a: deep } };
    const wide = {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, { type: 'string' }])),
    };
    view = render(<SchemaTree schema={{ type: 'object', properties: { deep, wide } }} label="body" />);
    click(
      [...view.container.querySelectorAll('button')].find(
        (b) => b.textContent === 'Expand all',
      ) as HTMLButtonElement,
    );
    expect(view.container.querySelectorAll('[data-path^="$.deep"]').length).toBeLessThanOrEqual(12);
    expect(view.container.querySelectorAll('[data-path^="$.wide."]').length).toBe(200);
    expect(view.container.textContent).toContain('… 800 more');
  });
});
