import type { Emitter } from '../../context.js';

/** The class and menu icons, drawn by us (templates/images), copied as they are. */
export const emitImages: Emitter = (ctx) =>
  Object.keys(ctx.ir.images)
    .sort()
    .map((name) => ({ path: `images/${name}`, content: ctx.ir.images[name] ?? '' }));
