export declare const PRIVATE_NAME: RegExp;
