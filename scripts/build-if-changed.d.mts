export declare const BUILD_INPUTS: string[];
export declare const STAMP: string;
export declare function sourceHash(root: string): string;
export declare function staleReason(root: string): string | undefined;
export declare function writeStamp(root: string): void;
