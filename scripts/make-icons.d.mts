export function encodePng(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer;
export function heraldIcons(): Record<string, Buffer>;
