import { describe, expect, it } from 'vitest';
import { Task, WrapperTask, p, type TaskBase, UsageError, DefinitionError } from '../../src/core/index.js';

const WithGreeting = <B extends TaskBase>(Base: B) => {
  abstract class WithGreetingMixin extends Base {
    static override parameters = { ...Base.parameters, greeting: p.string({ default: 'hello' }) };
    declare greeting: string;
  }
  return WithGreetingMixin;
};

class Greet extends WithGreeting(Task) {
  static override parameters = { ...super.parameters, who: p.string(), times: p.int({ default: 1 }), verbose: p.bool({ identity: false }) };
  declare who: string;
  declare times: number;
  declare verbose: boolean;
}

describe('Task', () => {
  it('merges mixin parameters and fills values from arguments and defaults', () => {
    const t = new Greet({ who: 'ada', times: '3' });
    expect(t.greeting).toBe('hello');
    expect(t.who).toBe('ada');
    expect(t.times).toBe(3);
    expect(t.family).toBe('Greet');
  });

  it('gives the same id for the same identity parameters, whatever the order or non-identity values', () => {
    const a = new Greet({ who: 'ada', times: 2, verbose: true });
    const b = new Greet({ times: 2, who: 'ada' });
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^Greet\(greeting=hello, times=2, who=ada\)_[0-9a-f]{20}$/);
    expect(new Greet({ who: 'bob' }).id).not.toBe(a.id);
  });

  it('names the parameter when a value is missing or bad', () => {
    expect(() => new Greet({})).toThrow(UsageError);
    expect(() => new Greet({})).toThrow(/Greet: requires the parameter --who/);
    expect(() => new Greet({ who: 'a', times: 'x' })).toThrow(/Greet: bad value "x" for --times: expected a whole number/);
    expect(() => new Greet({ who: 'a', nope: 1 })).toThrow(DefinitionError);
  });

  it('refuses to call a task without outputs complete', async () => {
    await expect(new Greet({ who: 'a' }).complete()).rejects.toThrow(/no output\(\) and no complete\(\)/);
  });

  it('counts a wrapper complete when its requirements are', async () => {
    class Done extends Task {
      override async complete() {
        return true;
      }
    }
    class Wrap extends WrapperTask {
      override requires() {
        return { a: new Done(), b: [new Done()] };
      }
    }
    expect(await new Wrap().complete()).toBe(true);
  });
});

describe('clone', () => {
  class Upstream extends WithGreeting(Task) {
    static override parameters = { ...super.parameters, who: p.string(), depth: p.int({ default: 1 }) };
    declare who: string;
    declare depth: number;
  }

  it('passes every shared parameter and applies overrides, leaving the rest to defaults', () => {
    const greet = new Greet({ who: 'ada', greeting: 'hi', times: 4 });
    const up = greet.clone(Upstream, { depth: 2 });
    expect(up).toBeInstanceOf(Upstream);
    expect(up.params).toEqual({ greeting: 'hi', who: 'ada', depth: 2 });
  });

  it('an override of undefined leaves a shared parameter to the required task\'s default', () => {
    const greet = new Greet({ who: 'ada', greeting: 'hi' });
    expect(greet.clone(Upstream, { greeting: undefined }).params).toEqual({ greeting: 'hello', who: 'ada', depth: 1 });
  });

  it('when two classes share a family name then registering the second is a definition error', async () => {
    const { Registry } = await import('../../src/core/index.js');
    const reg = new Registry();
    reg.register(Greet);
    const Other = { Greet: class Greet extends Task {} }.Greet;
    expect(() => reg.register(Other)).toThrow(DefinitionError);
  });
});
