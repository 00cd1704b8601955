export function buildMain(): Promise<void>;
export function buildRenderer(): Promise<void>;
export function rendererIsStale(): boolean;
export function buildAll(options?: { onlyIfStale?: boolean }): Promise<void>;
