// Label placement without overlaps: each label tries positions ever farther out along its
// node's direction (and a little to either side) until its box meets no placed label or node.

function overlaps(a, b, pad) {
  return a.x0 < b.x1 + pad && b.x0 < a.x1 + pad && a.y0 < b.y1 + pad && b.y0 < a.y1 + pad;
}

// The box of a label of size (w, h) whose anchor point is (x, y), placed on the side `dx` points to.
function boxAt(x, y, w, h, dx) {
  if (dx > 0.25) return { x0: x, x1: x + w, y0: y - h / 2, y1: y + h / 2, anchor: "start" };
  if (dx < -0.25) return { x0: x - w, x1: x, y0: y - h / 2, y1: y + h / 2, anchor: "end" };
  return { x0: x - w / 2, x1: x + w / 2, y0: y - h / 2, y1: y + h / 2, anchor: "middle" };
}

/**
 * Place labels so that no two boxes overlap and none covers a node.
 * items: [{x, y, r, angle, width, height}] — node centre, radius, outward direction, label size.
 * Labels are placed in the order given (put the important ones first).
 * Returns [{x, y, anchor, box, moved}] in the same order; (x, y) is the text's anchor point.
 */
export function placeLabels(items, { gap = 4, step = 6, pad = 2, maxTries = 400 } = {}) {
  const nodes = items.map((it) => ({ x0: it.x - it.r, x1: it.x + it.r, y0: it.y - it.r, y1: it.y + it.r }));
  const placed = [];
  const out = new Array(items.length);
  items.forEach((it, i) => {
    let choice = null;
    const spreads = [0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36];
    for (let t = 0; t < maxTries && !choice; t++) {
      const dist = it.r + gap + Math.floor(t / spreads.length) * step;
      const angle = it.angle + spreads[t % spreads.length];
      const dx = Math.cos(angle), dy = Math.sin(angle);
      const ax = it.x + dist * dx, ay = it.y + dist * dy;
      const box = boxAt(ax, ay, it.width, it.height, dx);
      if (placed.some((b) => overlaps(box, b, pad))) continue;
      if (nodes.some((b) => overlaps(box, b, pad))) continue;
      choice = { x: ax, y: ay, anchor: box.anchor, box, moved: t >= spreads.length };
    }
    if (!choice) {
      // Give up gracefully: below everything placed so far.
      const bottom = Math.max(...placed.map((b) => b.y1), ...nodes.map((b) => b.y1)) + it.height;
      const box = boxAt(it.x, bottom, it.width, it.height, 0);
      choice = { x: it.x, y: bottom, anchor: box.anchor, box, moved: true };
    }
    placed.push(choice.box);
    out[i] = choice;
  });
  return out;
}
