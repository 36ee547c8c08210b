/**
 * The DOM that pages are parsed into: linkedom (fast, no script execution, no network), imported
 * from here only, so that every parse gets the change below.
 *
 * linkedom's nodes are event targets, and each one gets a listener map at construction, kept in a
 * module-wide WeakMap: every element, attribute and text node of a page. That alone took about 30%
 * of extraction's CPU time (the insertions, and the garbage collector tracing the WeakMap's
 * entries). Pages we extract never listen to events, so node construction skips it: the parent
 * constructor that linkedom's node class calls becomes an empty class. Nodes keep their prototype
 * chain and every method; only adding or removing a listener on a node is refused with a clear
 * error, because there is no map to keep it in, and dispatching reaches no listener.
 *
 * Applied once, when this module loads, before any page is parsed. It affects every linkedom
 * document in the process; the eval's Readability baseline parses here too, so comparisons run on
 * the same DOM. If a linkedom release no longer derives its node class straight from its event
 * target, nothing is changed and `listenerlessNodes` is false; a unit test watches that flag.
 */
import { EventTarget, Node, parseHTML } from 'linkedom';

/** The parent constructor linkedom's node class is given: it registers nothing. */
class NoListenerMap {}

/**
 * V8 keeps an object that first becomes a prototype through Object.setPrototypeOf in dictionary
 * mode, and a constructor whose parent is in that mode is never optimized (node construction ran
 * twice as slow). Extended with class syntax first, NoListenerMap is a prototype in fast mode; the
 * subclass is used below so that the bundler keeps it.
 */
class FastPrototypeProbe extends NoListenerMap {}

function refuseListeners(): never {
  throw new TypeError('eventwire parses pages without event listeners: nodes cannot take listeners');
}

function makeNodesListenerless(): boolean {
  // linkedom exports a facade whose prototype is its real node class.
  const nodeClass: unknown = Object.getPrototypeOf(Node);
  if (typeof nodeClass !== 'function' || Object.getPrototypeOf(nodeClass) !== EventTarget) return false;
  // `super()` finds the parent constructor through the class's own prototype, at each call.
  Object.setPrototypeOf(nodeClass, Object.getPrototypeOf(FastPrototypeProbe));
  const nodePrototype = (nodeClass as { prototype: object }).prototype;
  for (const method of ['addEventListener', 'removeEventListener']) {
    Object.defineProperty(nodePrototype, method, { value: refuseListeners, writable: true, configurable: true });
  }
  return true;
}

/** Whether linkedom's nodes were made listenerless (false only after a change in linkedom's shape). */
export const listenerlessNodes: boolean = makeNodesListenerless();

export { parseHTML };
