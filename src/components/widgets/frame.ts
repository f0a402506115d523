// Drawing at most once per animation frame, and always the latest request: a dragged slider
// fires several input events per frame, and only the last state is worth drawing.

export function oncePerFrame(): (draw: () => void) => void {
  let frame = 0;
  let latest = () => {};
  return (draw) => {
    latest = draw;
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      latest();
    });
  };
}
