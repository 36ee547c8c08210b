import { describe, expect, it } from 'vitest';
import { listenerlessNodes, parseHTML } from '../../../src/extract/dom.js';

describe('the page DOM', () => {
  it('builds nodes without listener maps (a linkedom change in shape would turn this off)', () => {
    expect(listenerlessNodes).toBe(true);
  });

  it('still parses, walks and edits pages as linkedom does', () => {
    const { document } = parseHTML('<html><body><p class="a" id="x">One <b>two</b></p><p>Three</p></body></html>');
    const first = document.getElementById('x');
    expect(first?.textContent).toBe('One two');
    expect(first?.getAttribute('class')).toBe('a');
    expect(document.querySelectorAll('p')).toHaveLength(2);
    first?.remove();
    expect(document.body.textContent).toBe('Three');
    const added = document.createElement('div');
    added.appendChild(document.createTextNode('Four'));
    document.body.appendChild(added);
    expect(document.body.innerHTML).toBe('<p>Three</p><div>Four</div>');
  });

  it('refuses listeners on nodes with a clear error, and dispatching reaches none', () => {
    const { document, Event } = parseHTML('<html><body><p>One</p></body></html>');
    const paragraph = document.querySelector('p');
    expect(() => paragraph?.addEventListener('click', () => undefined)).toThrow(/without event listeners/);
    expect(paragraph?.dispatchEvent(new Event('click'))).toBe(true);
  });
});
